// Mirrors kubernetes pkg/controller/job/job_controller.go (v1.32) manageJob, deleteJobPods,
// deleteActivePods and activePodsForRemoval (NonIndexed jobs).
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../api/object';
import { spawn, wait, type Task } from '../../sim/task';
import { sortActivePodsWithRanks } from '../activePodsWithRanks';
import { newControllerRef } from '../controllerUtils';
import { isPodReady } from '../podutil';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { waitAll } from '../waitAll';
import { getRemainingTime } from './backoffUtils';
import { JOB_CONTROLLER, removeTrackingFinalizerPatch, type JobController } from './jobController';
import type { SyncJobCtx } from './syncJob';
import { hasJobTrackingFinalizer, JOB_TRACKING_FINALIZER, onlyReplaceFailedPods } from './utils';

/** MAX_POD_CREATE_DELETE_PER_SYNC caps one sync's creations or deletions (500). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** SLOW_START_INITIAL_BATCH_SIZE: creations go out in batches of 1, 2, 4, … (controller.SlowStartInitialBatchSize). */
const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * wantActive is how many pods should run: with completions, the remaining completions capped by
 * parallelism; without (a work queue), parallelism until the first success, then whatever runs.
 *
 * Example: completions 5, parallelism 2, 4 succeeded → min(5 − 4, 2) = 1 pod.
 */
export function wantActive(job: Job, active: number, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/**
 * manageJob creates or deletes pods so that wantActive run (never both in one sync), respecting
 * the pod-failure back-off; a suspended Job has all its active pods deleted. Returns the new
 * active count.
 */
export function* manageJob(jm: JobController, job: Stored<Job>, ctx: SyncJobCtx): Task<{ active: number; err: SyncError }> {
  let active = ctx.activePods.length;
  if (job.spec?.suspend) {
    const removed = yield* deleteJobPods(jm, job, ctx.key, ctx.activePods);
    ctx.terminating += removed.deleted;
    ctx.ready -= removed.deletedReady;
    return { active: active - removed.deleted, err: removed.err };
  }
  const want = wantActive(job, active, ctx.succeeded);
  const rmAtLeast = Math.max(0, active - want);
  if (rmAtLeast > 0) {
    // controller.ActivePods order (the ranked order with equal ranks): pending, not ready, newest first.
    const ordered = sortActivePodsWithRanks(ctx.activePods.map((pod) => ({ pod, rank: 0 })), jm.sim.nowMs, jm.epochMs).map((r) => r.pod as Stored<Pod>);
    const podsToDelete = ordered.slice(0, Math.min(rmAtLeast, MAX_POD_CREATE_DELETE_PER_SYNC));
    jm.expectations.expectDeletions(ctx.key, podsToDelete.length);
    const removed = yield* deleteJobPods(jm, job, ctx.key, podsToDelete);
    ctx.terminating += removed.deleted;
    ctx.ready -= removed.deletedReady;
    return { active: active - removed.deleted, err: removed.err };
  }
  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return { active, err: undefined };
  const remainingMs = getRemainingTime(ctx.newBackoffRecord, jm.sim.nowMs);
  if (remainingMs > 0) {
    traceDecision(jm.sim, JOB_CONTROLLER, 'job.backoff', refOf(job), { waitMs: remainingMs, failures: ctx.newBackoffRecord.failuresAfterLastSuccess });
    jm.enqueueSyncJobWithDelay(job, remainingMs);
    return { active: 0, err: undefined };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  jm.expectations.expectCreations(ctx.key, diff);
  traceDecision(jm.sim, JOB_CONTROLLER, 'job.createPods', refOf(job), { count: diff, want });
  active += diff;
  const template = deepClone(job.spec!.template) as PodTemplateSpec & { metadata: { finalizers?: string[] } };
  template.metadata ??= {};
  if (!(template.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) template.metadata.finalizers = [...(template.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
  const controllerRef = newControllerRef(job, 'batch/v1', 'Job');
  let firstErr: SyncError;
  for (let batchSize = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE); diff > 0; batchSize = Math.min(2 * batchSize, diff)) {
    const results = yield* waitAll(Array.from({ length: batchSize }, () => spawn(jm.podControl.createPods(job.metadata.namespace ?? '', template, job, controllerRef))));
    let failed = 0;
    for (const r of results) {
      if (!r.err || r.namespaceTerminating) continue;
      jm.expectations.creationObserved(ctx.key);
      active--;
      failed++;
      firstErr ??= r.err;
    }
    diff -= batchSize;
    if (failed > 0 && diff > 0) {
      // Slow-start failure: the rest are not attempted and not expected.
      active -= diff;
      for (let i = 0; i < diff; i++) jm.expectations.creationObserved(ctx.key);
      break;
    }
  }
  return { active, err: firstErr };
}

/**
 * deleteJobPods removes the tracking finalizer then deletes each pod (manageJob's deletions:
 * excess or suspended pods are not counted as failures).
 */
export function* deleteJobPods(jm: JobController, job: Stored<Job>, key: string, pods: readonly Stored<Pod>[]): Task<{ deleted: number; deletedReady: number; err: SyncError }> {
  const results = yield* waitAll(pods.map((pod) => spawn(deleteOne(jm, job, pod, true))));
  const failures = results.filter((r) => r !== undefined && !r.notFound);
  for (const r of results) if (r) jm.expectations.deletionObserved(key);
  return { deleted: pods.length - failures.length, deletedReady: pods.filter(isPodReady).length, err: failures[0]?.err };
}

/** deleteActivePods deletes the active pods of a failed Job, keeping their finalizers (they are counted as failed). */
export function* deleteActivePods(jm: JobController, job: Stored<Job>, pods: readonly Stored<Pod>[]): Task<{ deleted: number; deletedReady: number; err: SyncError }> {
  const results = yield* waitAll(pods.map((pod) => spawn(deleteOne(jm, job, pod, false))));
  const failures = results.filter((r) => r !== undefined && !r.notFound);
  return { deleted: pods.length - failures.length, deletedReady: pods.filter(isPodReady).length, err: failures[0]?.err };
}

function* deleteOne(jm: JobController, job: Stored<Job>, pod: Stored<Pod>, dropFinalizer: boolean): Task<{ err: SyncError; notFound: boolean } | undefined> {
  if (dropFinalizer && hasJobTrackingFinalizer(pod)) {
    const patched = yield* wait(jm.client.patch('pods', pod.metadata.namespace, pod.metadata.name, 'strategic', removeTrackingFinalizerPatch()));
    if (!patched.ok) return { err: patched.status.message ?? 'patch failed', notFound: patched.status.code === 404 };
  }
  const deleted = yield* jm.podControl.deletePod(job.metadata.namespace ?? '', pod.metadata.name, job);
  return deleted.err ? deleted : undefined;
}
