// metav1.Time / metav1.MicroTime text: RFC 3339 in UTC, seconds or microseconds.
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { DEFAULT_EPOCH_MS, fromRFC3339, toRFC3339, toRFC3339Micro } from './time';

const reference = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

describe('sim time text', () => {
  it('spells MicroTime as Date would, across second, minute, day and year boundaries', () => {
    const rng = new Rng(3);
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 59_999, 60_000, 86_399_999, 86_400_000, 31_535_999_999];
    for (let i = 0; i < 2_000; i++) samples.push(rng.int(2 ** 32) * 73 + rng.int(1000)); // up to ~10 years
    for (const simMs of samples) expect(toRFC3339Micro(simMs), String(simMs)).toBe(reference(DEFAULT_EPOCH_MS + simMs));
    // The same millisecond twice, then another: no stale text.
    expect(toRFC3339Micro(1234)).toBe(reference(DEFAULT_EPOCH_MS + 1234));
    expect(toRFC3339Micro(1234)).toBe(toRFC3339Micro(1234));
    expect(toRFC3339Micro(1235)).toBe(reference(DEFAULT_EPOCH_MS + 1235));
  });

  it('spells Time in whole seconds and reads both back', () => {
    expect(toRFC3339(1_999)).toBe(new Date(DEFAULT_EPOCH_MS + 1_000).toISOString().replace('.000Z', 'Z'));
    expect(fromRFC3339(toRFC3339(5_000))).toBe(5_000);
    expect(fromRFC3339(toRFC3339Micro(5_123))).toBe(5_123);
  });
});
