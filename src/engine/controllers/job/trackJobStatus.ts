// Mirrors kubernetes pkg/controller/job/job_controller.go (v1.32) trackJobStatusAndRemoveFinalizers,
// flushUncountedAndRemoveFinalizers, cleanUncountedPodsWithoutFinalizers, enactJobFinished and
// recordJobFinished (NonIndexed jobs).
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepClone, type Stored, type Writable } from '../../api/object';
import { spawn, wait, type Task } from '../../sim/task';
import { refOf, traceDecision } from '../trace';
import { errorOf, isNotFound, type SyncError } from '../types';
import { waitAll } from '../waitAll';
import { JOB_CONTROLLER, removeTrackingFinalizerPatch, type JobController } from './jobController';
import { setCount, type SyncJobCtx } from './syncJob';
import { ensureJobConditionStatus, hasJobTrackingFinalizer, isPodFailed, newCondition } from './utils';

/** MAX_UNCOUNTED_PODS bounds .status.uncountedTerminatedPods (500 uids, ~20 KB). */
export const MAX_UNCOUNTED_PODS = 500;

/**
 * trackJobStatusAndRemoveFinalizers counts finished pods in two steps so that none is counted
 * twice: (1) their uids go into status.uncountedTerminatedPods (status write), (2) their tracking
 * finalizers are removed, (3) the uids move into the succeeded/failed counters (status write).
 * The interim SuccessCriteriaMet/FailureTarget condition is written with (1); Complete/Failed
 * once nothing is uncounted and no pod is terminating.
 */
export function* trackJobStatusAndRemoveFinalizers(jm: JobController, ctx: SyncJobCtx, needsFlushIn: boolean): Task<SyncError> {
  let needsFlush = needsFlushIn;
  const status = ctx.job.status as Writable<JobStatus>;
  const uncounted = (status.uncountedTerminatedPods ??= {}) as { succeeded?: string[]; failed?: string[] };
  const uidsWithFinalizer = new Set<string>();
  for (const p of ctx.pods) if (hasJobTrackingFinalizer(p) && !ctx.expectedRmFinalizers.has(p.metadata.uid ?? '')) uidsWithFinalizer.add(p.metadata.uid ?? '');
  if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;
  const podsToRemoveFinalizer = [];
  let reachedMaxUncountedPods = false;
  for (const pod of ctx.pods) {
    const uid = pod.metadata.uid ?? '';
    if (!hasJobTrackingFinalizer(pod) || ctx.expectedRmFinalizers.has(uid)) continue;
    const failed = isPodFailed(pod, ctx.job);
    if (!(ctx.job.metadata.deletionTimestamp || ctx.finishedCondition || pod.status?.phase === 'Succeeded' || failed)) continue;
    podsToRemoveFinalizer.push(pod);
    if (pod.status?.phase === 'Succeeded' && !ctx.uncountedFailed.has(uid)) {
      if (!ctx.uncountedSucceeded.has(uid)) {
        uncounted.succeeded = [...(uncounted.succeeded ?? []), uid];
        needsFlush = true;
      }
    } else if (failed || (ctx.finishedCondition && ctx.finishedCondition.type !== 'SuccessCriteriaMet')) {
      if (!ctx.uncountedFailed.has(uid)) {
        uncounted.failed = [...(uncounted.failed ?? []), uid];
        needsFlush = true;
      }
    }
    if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
      reachedMaxUncountedPods = true;
      break;
    }
  }
  const interim = ctx.finishedCondition;
  if (interim?.type === 'FailureTarget') {
    status.conditions = [...(status.conditions ?? []), interim];
    needsFlush = true;
    ctx.finishedCondition = newCondition('Failed', 'True', interim.reason ?? '', interim.message ?? '', jm.sim.nowMs, jm.epochMs);
  } else if (interim?.type === 'SuccessCriteriaMet') {
    if (!(status.conditions ?? []).some((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')) {
      status.conditions = [...(status.conditions ?? []), interim];
      needsFlush = true;
    }
    ctx.finishedCondition = newCondition('Complete', 'True', interim.reason ?? '', interim.message ?? '', jm.sim.nowMs, jm.epochMs);
  }
  const flushed = yield* flushUncountedAndRemoveFinalizers(jm, ctx, podsToRemoveFinalizer, uidsWithFinalizer, needsFlush);
  if (flushed.err) return flushed.err;
  needsFlush = flushed.needsFlush;
  const finished = !reachedMaxUncountedPods && enactJobFinished(jm, ctx);
  if (finished) needsFlush = true;
  if (!needsFlush) return undefined;
  const written = yield* wait(jm.client.updateStatus<Job>('jobs', ctx.job));
  if (!written.ok) return `removing uncounted pods from status: ${errorOf(written)}`;
  if (finished) recordJobFinished(jm, ctx.job, ctx.finishedCondition!);
  return undefined;
}

/**
 * flushUncountedAndRemoveFinalizers writes the status with the new uncounted uids (and interim
 * condition), then removes the finalizers, then folds what was removed into the counters.
 */
function* flushUncountedAndRemoveFinalizers(jm: JobController, ctx: SyncJobCtx, pods: readonly Stored<Pod>[], uidsWithFinalizer: Set<string>, needsFlushIn: boolean): Task<{ needsFlush: boolean; err: SyncError }> {
  let needsFlush = needsFlushIn;
  if (needsFlush) {
    const written = yield* wait(jm.client.updateStatus<Job>('jobs', ctx.job));
    if (!written.ok) return { needsFlush, err: `adding uncounted pods to status: ${errorOf(written)}` };
    ctx.job = deepClone(written.object) as SyncJobCtx['job'];
    jm.podBackoffStore.set(ctx.key, ctx.newBackoffRecord);
    needsFlush = false;
  }
  let rmErr: SyncError;
  if (pods.length > 0) {
    jm.expectFinalizersRemoved(ctx.key, pods.map((p) => p.metadata.uid ?? ''));
    const results = yield* waitAll(pods.map((pod) => spawn(removeTrackingFinalizer(jm, ctx.key, pod))));
    results.forEach((err, i) => {
      if (err === undefined) uidsWithFinalizer.delete(pods[i].metadata.uid ?? '');
      else rmErr ??= err;
    });
  }
  const status = ctx.job.status as Writable<JobStatus>;
  if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true;
  if (rmErr && needsFlush) {
    const written = yield* wait(jm.client.updateStatus<Job>('jobs', ctx.job));
    if (!written.ok) return { needsFlush, err: `removing uncounted pods from status: ${errorOf(written)}` };
  }
  return { needsFlush, err: rmErr };
}

function* removeTrackingFinalizer(jm: JobController, key: string, pod: Stored<Pod>): Task<SyncError> {
  const patched = yield* wait(jm.client.patch('pods', pod.metadata.namespace, pod.metadata.name, 'strategic', removeTrackingFinalizerPatch()));
  if (patched.ok || isNotFound(patched)) return undefined;
  jm.finalizerRemovalObserved(key, pod.metadata.uid ?? '');
  return errorOf(patched);
}

/**
 * cleanUncountedPodsWithoutFinalizers moves uids whose finalizer is gone from
 * uncountedTerminatedPods into the succeeded/failed counters. Returns whether anything moved.
 */
export function cleanUncountedPodsWithoutFinalizers(status: Writable<JobStatus>, uidsWithFinalizer: ReadonlySet<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {}) as { succeeded?: string[]; failed?: string[] };
  let updated = false;
  for (const field of ['succeeded', 'failed'] as const) {
    const before = uncounted[field] ?? [];
    const kept = before.filter((uid) => uidsWithFinalizer.has(uid));
    if (kept.length === before.length) continue;
    updated = true;
    setCount(status, field, (status[field] ?? 0) + before.length - kept.length);
    if (kept.length > 0) uncounted[field] = kept;
    else delete uncounted[field];
  }
  return updated;
}

/** enactJobFinished adds Complete/Failed once every finished pod is counted and none is terminating. */
function enactJobFinished(jm: JobController, ctx: SyncJobCtx): boolean {
  const finished = ctx.finishedCondition;
  if (!finished) return false;
  const uncounted = ctx.job.status?.uncountedTerminatedPods;
  if ((uncounted?.succeeded?.length ?? 0) + (uncounted?.failed?.length ?? 0) > 0) return false;
  if (ctx.terminating > 0) return false;
  const status = ctx.job.status as Writable<JobStatus>;
  [status.conditions] = ensureJobConditionStatus(status.conditions, finished.type, finished.status, finished.reason ?? '', finished.message ?? '', jm.sim.nowMs, jm.epochMs);
  if (finished.type === 'Complete') status.completionTime = finished.lastTransitionTime;
  return true;
}

/** recordJobFinished: `Completed` "Job completed", or a Warning with the failure reason and message. */
function recordJobFinished(jm: JobController, job: Stored<Job>, finished: JobCondition): void {
  traceDecision(jm.sim, JOB_CONTROLLER, 'job.finished', refOf(job), { condition: finished.type, reason: finished.reason });
  if (finished.type === 'Complete') {
    const completions = job.spec?.completions;
    if (completions !== undefined && completions !== null && (job.status?.succeeded ?? 0) > completions) {
      jm.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    }
    jm.recorder.event(job, 'Normal', 'Completed', 'Job completed');
  } else {
    jm.recorder.event(job, 'Warning', finished.reason ?? '', finished.message ?? '');
  }
}
