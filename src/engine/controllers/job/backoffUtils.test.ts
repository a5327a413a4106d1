import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, toRFC3339 } from '../../sim/time';
import { EMPTY_BACKOFF, getFinishedTimeMs, getRemainingTime, newBackoffRecord } from './backoffUtils';

function finished(finishedMs: number): Pod {
  return { metadata: { name: 'p', creationTimestamp: toRFC3339(0) }, status: { containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, finishedAt: toRFC3339(finishedMs) } } }] } };
}

describe('pod failure back-off (backoff_utils.go: 10 s doubling, capped at 10 min)', () => {
  it.each([
    { failures: 1, backoffMs: 10_000 },
    { failures: 2, backoffMs: 20_000 },
    { failures: 3, backoffMs: 40_000 },
    { failures: 6, backoffMs: 320_000 },
    { failures: 7, backoffMs: 600_000 },
    { failures: 20, backoffMs: 600_000 },
  ])('$failures consecutive failures wait $backoffMs ms after the last one', ({ failures, backoffMs }) => {
    const record = { failuresAfterLastSuccess: failures, lastFailureTimeMs: 100_000 };
    expect(getRemainingTime(record, 100_000)).toBe(backoffMs);
    expect(getRemainingTime(record, 100_000 + backoffMs - 1)).toBe(1);
    expect(getRemainingTime(record, 100_000 + backoffMs + 1)).toBe(0);
  });

  it('does not wait without failures', () => {
    expect(getRemainingTime(EMPTY_BACKOFF, 5_000)).toBe(0);
  });

  it('adds new failures and keeps the latest failure time', () => {
    const record = newBackoffRecord({ failuresAfterLastSuccess: 1, lastFailureTimeMs: 10_000 }, [], [finished(30_000), finished(20_000)], DEFAULT_EPOCH_MS);
    expect(record).toEqual({ failuresAfterLastSuccess: 3, lastFailureTimeMs: 30_000 });
  });

  it('restarts the count at a success: only failures finishing after it count', () => {
    const record = newBackoffRecord({ failuresAfterLastSuccess: 4, lastFailureTimeMs: 10_000 }, [finished(25_000)], [finished(20_000), finished(30_000)], DEFAULT_EPOCH_MS);
    expect(record).toEqual({ failuresAfterLastSuccess: 1, lastFailureTimeMs: 30_000 });
    expect(newBackoffRecord(record, [finished(40_000)], [], DEFAULT_EPOCH_MS)).toEqual(EMPTY_BACKOFF);
  });

  it('takes a pod without finished containers as finished when Ready turned False', () => {
    const pod: Pod = { metadata: { creationTimestamp: toRFC3339(0) }, status: { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: toRFC3339(42_000) }] } };
    expect(getFinishedTimeMs(pod, DEFAULT_EPOCH_MS)).toBe(42_000);
  });
});
