import { describe, expect, it } from 'vitest';
import { aggregateMessage, lastSuccess, runtimeErrors } from './runtimeState';

// pkg/kubelet/runtime.go runtimeErrors with kubelet.go's 5 s updateRuntimeUp and 30 s
// maxWaitForContainerRuntime, and pkg/kubelet/pleg/generic.go's 3 min relist threshold.
describe('runtimeState', () => {
  const base = { kubeletStartedMs: 0, relistPeriodMs: 1_000 };

  it('finds the last successful tick before an outage', () => {
    expect(lastSuccess(0, 5_000, 12_000, undefined)).toBe(10_000);
    expect(lastSuccess(0, 5_000, 47_000, { fromMs: 32_000 })).toBe(30_000);
    expect(lastSuccess(0, 5_000, 47_000, { fromMs: 32_000, toMs: 41_000 })).toBe(45_000);
    expect(lastSuccess(10_000, 5_000, 12_000, { fromMs: 0 })).toBeUndefined();
  });

  it('reports the runtime down 30 s after the last good status check, and PLEG after 3 minutes', () => {
    const outage = { fromMs: 32_000 };
    expect(runtimeErrors({ ...base, nowMs: 59_000, outage })).toEqual([]);
    expect(runtimeErrors({ ...base, nowMs: 60_000, outage })).toEqual(['container runtime is down']);
    const late = runtimeErrors({ ...base, nowMs: 31_000 + 180_500, outage });
    expect(late).toEqual(['container runtime is down', 'PLEG is not healthy: pleg was last seen active 3m0.5s ago; threshold is 3m0s']);
    expect(aggregateMessage(late)).toBe('[container runtime is down, PLEG is not healthy: pleg was last seen active 3m0.5s ago; threshold is 3m0s]');
  });

  it('is healthy again at the first status check after containerd is back', () => {
    const outage = { fromMs: 32_000, toMs: 71_000 };
    expect(runtimeErrors({ ...base, nowMs: 72_000, outage })).toEqual(['container runtime is down']);
    expect(runtimeErrors({ ...base, nowMs: 75_000, outage })).toEqual([]);
  });

  it('has never succeeded when the kubelet started while containerd was down', () => {
    expect(runtimeErrors({ ...base, kubeletStartedMs: 50_000, nowMs: 52_000, outage: { fromMs: 10_000 } })).toEqual([
      'container runtime status check may not have completed yet',
      'PLEG is not healthy: pleg has yet to be successful',
    ]);
  });
});
