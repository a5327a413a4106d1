import { describe, expect, it } from 'vitest';
import { Journal } from './journal';

describe('Journal', () => {
  it('filters by unit and time, and expands a periodic line only inside its window', () => {
    let now = 0;
    const journal = new Journal(() => now);
    journal.write('kubelet.service', 'kubelet', 700, 'first');
    now = 1_000;
    const stop = journal.repeat({ unit: 'kubelet.service', ident: 'kubelet', pid: 700, fromMs: 5_000, periodMs: 5_000, message: (ms) => `tick ${ms}` });
    journal.write('containerd.service', 'containerd', 600, 'other unit');
    now = 21_000;
    expect(journal.read({ units: new Set(['kubelet.service']) }).map((e) => e.message)).toEqual(['first', 'tick 5000', 'tick 10000', 'tick 15000', 'tick 20000']);
    now = 23_000;
    stop();
    now = 60_000;
    // Ended at 23 s: no more ticks after it.
    expect(journal.read({ units: new Set(['kubelet.service']), sinceMs: 12_000 }).map((e) => e.message)).toEqual(['tick 15000', 'tick 20000']);
    expect(journal.read({ untilMs: 1_000 }).map((e) => e.message)).toEqual(['first', 'other unit']);
  });

  it('keeps only the newest lines, as a size-capped journal rotates', () => {
    let now = 0;
    const journal = new Journal(() => now);
    for (let i = 0; i < 1_200; i++, now++) journal.write('kubelet.service', 'kubelet', 1, `line ${i}`);
    const lines = journal.read();
    expect(lines.length).toBe(500);
    expect(lines[lines.length - 1].message).toBe('line 1199');
  });
});
