// Mirrors kubernetes pkg/controller/job/backoff_utils.go (v1.32): how long the Job controller
// waits before replacing failed pods (10 s, doubling per consecutive failure, at most 10 min).
import type { Pod } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../../sim/time';

/** DEFAULT_JOB_POD_FAILURE_BACKOFF_MS and MAX_JOB_POD_FAILURE_BACKOFF_MS (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff). */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 600_000;

/** BackoffRecord: failures since the last success, and when the last one happened (sim ms). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTimeMs: number | undefined;
}

export const EMPTY_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTimeMs: undefined };

/**
 * newBackoffRecord folds newly finished pods into the record: failures add up; a success resets
 * the count to the failures that finished after it.
 */
export function newBackoffRecord(old: BackoffRecord, succeeded: readonly Pod[], failed: readonly Pod[], epochMs: number): BackoffRecord {
  const byFinish = (pods: readonly Pod[]) => pods.map((p) => getFinishedTimeMs(p, epochMs)).sort((a, b) => a - b);
  const successTimes = byFinish(succeeded);
  const failureTimes = byFinish(failed);
  if (successTimes.length === 0) {
    if (failureTimes.length === 0) return old;
    return { failuresAfterLastSuccess: old.failuresAfterLastSuccess + failureTimes.length, lastFailureTimeMs: failureTimes[failureTimes.length - 1] };
  }
  const lastSuccessMs = successTimes[successTimes.length - 1];
  const after = failureTimes.filter((t) => t > lastSuccessMs);
  return { failuresAfterLastSuccess: after.length, lastFailureTimeMs: after.length > 0 ? after[after.length - 1] : undefined };
}

/**
 * getRemainingTime is how long pod creation must still wait: the back-off for n consecutive
 * failures is 10 s × 2^(n-1) capped at 10 min, counted from the last failure.
 *
 * Example: 3 failures, the last at t = 100 s → back-off 40 s → no new pod before t = 140 s.
 */
export function getRemainingTime(record: BackoffRecord, nowMs: number, defaultMs = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS, maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTimeMs === undefined) return 0;
  let backoffMs = defaultMs;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoffMs *= 2;
    if (backoffMs >= maxMs) {
      backoffMs = maxMs;
      break;
    }
  }
  const elapsedMs = nowMs - record.lastFailureTimeMs;
  return backoffMs < elapsedMs ? 0 : backoffMs - elapsedMs;
}

/**
 * getFinishedTimeMs: the latest container finishedAt if every container terminated, else when
 * Ready turned False, else deletionTimestamp − grace, else the creation time.
 */
export function getFinishedTimeMs(pod: Pod, epochMs: number): number {
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length > 0 && statuses.every((s) => s.state?.terminated?.finishedAt)) {
    return Math.max(...statuses.map((s) => fromRFC3339(s.state!.terminated!.finishedAt!, epochMs)));
  }
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return fromRFC3339(ready.lastTransitionTime, epochMs);
  if (pod.metadata?.deletionTimestamp) return fromRFC3339(pod.metadata.deletionTimestamp, epochMs) - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return fromRFC3339(pod.metadata?.creationTimestamp ?? '', epochMs);
}
