import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { getMatchingTolerations, getMinTolerationTime } from './tolerations';

// Cases of taint_eviction_test.go TestGetMinTolerationTime: no tolerations → 0 (evict now);
// none with tolerationSeconds → -1 (forever); otherwise the smallest, ≤ 0 meaning now.
const seconds = (s: number | undefined): Toleration => ({ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: s });

describe('getMinTolerationTime', () => {
  it.each([
    { tolerations: [], want: 0 },
    { tolerations: [seconds(1)], want: 1000 },
    { tolerations: [seconds(1), seconds(2)], want: 1000 },
    { tolerations: [seconds(1), seconds(undefined)], want: 1000 },
    { tolerations: [seconds(undefined), seconds(2)], want: 2000 },
    { tolerations: [seconds(undefined)], want: -1 },
    { tolerations: [seconds(-1), seconds(10)], want: 0 },
    { tolerations: [seconds(0)], want: 0 },
  ])('$tolerations.length tolerations → $want ms', ({ tolerations, want }) => {
    expect(getMinTolerationTime(tolerations)).toBe(want);
  });
});

describe('getMatchingTolerations', () => {
  const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
  const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
  it('returns, per taint, the first toleration that tolerates it', () => {
    const a: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
    const b: Toleration = { operator: 'Exists' };
    expect(getMatchingTolerations([unreachable, notReady], [a, b])).toEqual([true, [a, b]]);
  });
  it('fails as soon as one taint is not tolerated', () => {
    expect(getMatchingTolerations([unreachable, notReady], [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }])).toEqual([false, []]);
  });
  it('tolerates an empty taint list', () => {
    expect(getMatchingTolerations([], undefined)).toEqual([true, []]);
  });
});
