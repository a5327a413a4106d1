// Mirrors kubernetes pkg/controller/job (v1.32): the small pure helpers of job_controller.go
// (newCondition, ensureJobConditionStatus, isPodFailed, pastBackoffLimitOnFailure, ...) and
// pkg/controller/job/util/utils.go (IsJobFinished).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { toRFC3339 } from '../../sim/time';

/** JOB_TRACKING_FINALIZER keeps a finished pod around until the Job counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

/** Condition reasons and messages (k8s.io/api/batch/v1 and job_controller.go). */
export const JOB_REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const JOB_REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const JOB_REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const BACKOFF_LIMIT_MESSAGE = 'Job has reached the specified backoff limit';
export const DEADLINE_MESSAGE = 'Job was active longer than specified deadline';
export const COMPLETIONS_REACHED_MESSAGE = 'Reached expected number of succeeded pods';

/** JobSpecX adds the 1.29-1.32 fields kubernetes-types 1.30 lacks or marks optional. */
export type JobSpecX = NonNullable<Job['spec']> & { podReplacementPolicy?: string };

/** newCondition builds a condition with both times now (lastProbeTime is set on Job conditions). */
export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number, epochMs: number): JobCondition {
  const now = toRFC3339(nowMs, epochMs);
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message };
}

export function findConditionByType(conditions: readonly JobCondition[] | undefined, type: string): JobCondition | undefined {
  return (conditions ?? []).find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus appends the condition, or updates it in place when status, reason or
 * message changed (a False condition is never appended: nothing → False says nothing).
 */
export function ensureJobConditionStatus(list: readonly JobCondition[] | undefined, type: string, status: string, reason: string, message: string, nowMs: number, epochMs: number): [JobCondition[], boolean] {
  const conditions = [...(list ?? [])];
  const i = conditions.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conditions[i];
    if (c.status === status && c.reason === reason && c.message === message) return [conditions, false];
    const now = toRFC3339(nowMs, epochMs);
    conditions[i] = { ...c, status, reason, message, lastProbeTime: now, lastTransitionTime: c.status !== status ? now : c.lastTransitionTime };
    return [conditions, true];
  }
  if (status !== 'False') return [[...conditions, newCondition(type, status, reason, message, nowMs, epochMs)], true];
  return [conditions, false];
}

/** finishedCondition: Complete or Failed with status True (util.FinishedCondition). */
export function finishedCondition(job: Job): string | undefined {
  for (const c of job.status?.conditions ?? []) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed (or a podFailurePolicy) waits for pods to be fully gone. */
export function onlyReplaceFailedPods(job: Job): boolean {
  return (job.spec as JobSpecX | undefined)?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/**
 * isPodFailed: phase Failed, or (with the default TerminatingOrFailed replacement policy) being
 * deleted before it succeeded, so an evicted or deleted pod counts against backoffLimit.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** countTerminatingPods counts deleted pods that have not reached a terminal phase yet. */
export function countTerminatingPods(pods: readonly Pod[]): number {
  return pods.filter((p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
}

/** countReadyPods counts pods whose Ready condition is True (status.ready). */
export function countReadyPods(pods: readonly Pod[]): number {
  return pods.filter((p) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
}

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure, failures are container restarts; the
 * sum over running and pending pods reaching backoffLimit (any restart, for a limit of 0) fails
 * the Job.
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
