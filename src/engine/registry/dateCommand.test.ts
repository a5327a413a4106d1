import { describe, expect, it } from 'vitest';
import { renderLogLines } from './logs';
import { resolveImage, type ResolvedImage } from './resolve';
import { planContainerRun } from './runPlan';

const busybox = resolveImage('busybox:1.36') as ResolvedImage;

describe('date in container commands', () => {
  it('prints date(1) output and exits 0, in a shell or on its own', () => {
    const plan = planContainerRun(busybox, { command: ['sh', '-c', 'echo started; sleep 2; date'] });
    expect(plan.behavior).toMatchObject({ mode: 'exit', exitCode: 0, runMs: 2_000 });
    const lines = renderLogLines(plan.behavior.logs, { startedAtMs: 3_000, hostname: 'p', podIP: '10.244.1.2', epochMs: Date.UTC(2025, 0, 1) });
    expect(lines.map((l) => l.text)).toEqual(['started', 'Wed Jan  1 00:00:05 UTC 2025']);
    expect(planContainerRun(busybox, { command: ['date'] }).behavior).toMatchObject({ mode: 'exit', exitCode: 0, logs: [{ text: '{{ts:date}}' }] });
  });

  it('expands $(date) inside echo', () => {
    const plan = planContainerRun(busybox, { command: ['sh', '-c', 'echo "now: $(date)"'] });
    expect(plan.behavior.logs[0].text).toBe('now: {{ts:date}}');
  });

  it('expands $(date +%s) to the seconds since the epoch at each iteration of a loop', () => {
    const plan = planContainerRun(busybox, { command: ['sh', '-c', 'while true; do echo tick $(date +%s); sleep 2; done'] });
    const lines = renderLogLines(plan.behavior.repeatLogs ?? [], { startedAtMs: 5_000, hostname: 'p', podIP: '10.244.1.2', epochMs: Date.UTC(2025, 0, 1) });
    expect(lines.map((l) => l.text)).toEqual([`tick ${Date.UTC(2025, 0, 1) / 1000 + 5}`]);
  });
});
