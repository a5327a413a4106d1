// Mirrors kubernetes pkg/controller/job/job_controller.go (v1.32) syncJob: count the Job's pods,
// decide whether it failed (backoffLimit, activeDeadlineSeconds) or succeeded, create or delete
// pods (manageJob), then record the counts and conditions (trackJobStatusAndRemoveFinalizers).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../../api/labels';
import { deepClone, type Stored, type Writable } from '../../api/object';
import type { Task } from '../../sim/task';
import { fromRFC3339, toRFC3339 } from '../../sim/time';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { filterActivePods, newControllerRef } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { EMPTY_BACKOFF, newBackoffRecord, type BackoffRecord } from './backoffUtils';
import { JOB_CONTROLLER, type JobController } from './jobController';
import { deleteActivePods, manageJob } from './manageJob';
import { trackJobStatusAndRemoveFinalizers } from './trackJobStatus';
import {
  BACKOFF_LIMIT_MESSAGE, COMPLETIONS_REACHED_MESSAGE, countReadyPods, countTerminatingPods, DEADLINE_MESSAGE, ensureJobConditionStatus, findConditionByType,
  hasJobTrackingFinalizer, isJobFinished, isPodFailed, JOB_REASON_BACKOFF_LIMIT_EXCEEDED, JOB_REASON_COMPLETIONS_REACHED, JOB_REASON_DEADLINE_EXCEEDED,
  newCondition, pastBackoffLimitOnFailure,
} from './utils';

/** SyncJobCtx is what one syncJob knows about the Job and its pods (syncJobCtx). */
export interface SyncJobCtx {
  key: string;
  job: Writable<Job> & Stored<Job>;
  pods: Stored<Pod>[];
  activePods: Stored<Pod>[];
  finishedCondition: JobCondition | undefined;
  succeeded: number;
  failed: number;
  newBackoffRecord: BackoffRecord;
  expectedRmFinalizers: ReadonlySet<string>;
  uncountedSucceeded: Set<string>;
  uncountedFailed: Set<string>;
  terminating: number;
  ready: number;
  /** suspendChanged: the Suspended condition changed in this sync (a status write is due). */
  suspendChanged: boolean;
}

/**
 * syncJob reconciles one Job (key `namespace/name`). Every terminal state goes through an interim
 * condition first (v1.32, JobPodReplacementPolicy and JobSuccessPolicy on): SuccessCriteriaMet
 * then Complete, FailureTarget then Failed, the final one only once no pod is still terminating.
 */
export function* syncJob(jm: JobController, key: string): Task<SyncError> {
  const shared = jm.jobs.indexer.get(key) as Stored<Job> | undefined;
  if (!shared) {
    jm.expectations.deleteExpectations(key);
    jm.finalizerExpectations.delete(key);
    jm.podBackoffStore.delete(key);
    return undefined;
  }
  if (isJobFinished(shared)) {
    jm.podBackoffStore.delete(key);
    return undefined;
  }
  if (shared.spec?.completionMode === 'Indexed') {
    traceDecision(jm.sim, JOB_CONTROLLER, 'job.unsupported', refOf(shared), { message: 'Indexed completion mode is not simulated yet' });
    return undefined;
  }
  const job = deepClone(shared) as SyncJobCtx['job'];
  const status = (job.status ??= {});
  status.uncountedTerminatedPods ??= {};
  const satisfiedExpectations = jm.expectations.satisfiedExpectations(key);
  const claimed = yield* claimObjects(
    { client: jm.client, resource: 'pods', controller: shared, selector: fromLabelSelector(shared.spec?.selector), controllerRef: newControllerRef(shared, 'batch/v1', 'Job'), canAdopt: recheckDeletionTimestamp(jm.client, 'jobs', shared) },
    jm.podsForJob(shared),
  );
  if (claimed.err) return claimed.err;
  const ctx = newSyncJobCtx(jm, key, job, claimed.claimed);
  let active = ctx.activePods.length;
  if (!status.startTime && !job.spec?.suspend) status.startTime = toRFC3339(jm.sim.nowMs, jm.epochMs);
  let manageJobErr: SyncError;
  decideFailure(jm, ctx);
  if (ctx.finishedCondition) {
    const { deletedReady, deleted, err } = yield* deleteActivePods(jm, job, ctx.activePods);
    if (deleted !== active || !satisfiedExpectations) ctx.finishedCondition = undefined;
    active -= deleted;
    ctx.terminating += deleted;
    ctx.ready -= deletedReady;
    manageJobErr = err;
  } else {
    let manageJobCalled = false;
    if (satisfiedExpectations && !job.metadata.deletionTimestamp) {
      ({ active, err: manageJobErr } = yield* manageJob(jm, job, ctx));
      manageJobCalled = true;
    }
    const completions = job.spec?.completions;
    const complete = completions === undefined || completions === null ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0;
    if (complete) ctx.finishedCondition = newCondition('SuccessCriteriaMet', 'True', JOB_REASON_COMPLETIONS_REACHED, COMPLETIONS_REACHED_MESSAGE, jm.sim.nowMs, jm.epochMs);
    else if (manageJobCalled) suspendConditions(jm, job, ctx);
  }
  const needsStatusUpdate = ctx.suspendChanged || active !== (status.active ?? 0) || ctx.ready !== status.ready || ctx.terminating !== (status as { terminating?: number }).terminating;
  setCount(status, 'active', active);
  status.ready = ctx.ready;
  (status as { terminating?: number }).terminating = ctx.terminating;
  const tracked = yield* trackJobStatusAndRemoveFinalizers(jm, ctx, needsStatusUpdate);
  return tracked ?? manageJobErr;
}

function newSyncJobCtx(jm: JobController, key: string, job: SyncJobCtx['job'], pods: Stored<Pod>[]): SyncJobCtx {
  const status = job.status!;
  const uncounted = status.uncountedTerminatedPods ?? {};
  const activePods = filterActivePods(pods);
  const ctx: SyncJobCtx = {
    key, job, pods, activePods, finishedCondition: undefined, succeeded: 0, failed: 0, newBackoffRecord: EMPTY_BACKOFF,
    expectedRmFinalizers: jm.finalizerExpectations.get(key) ?? new Set(),
    uncountedSucceeded: new Set(uncounted.succeeded ?? []), uncountedFailed: new Set(uncounted.failed ?? []),
    terminating: countTerminatingPods(pods), ready: countReadyPods(activePods), suspendChanged: false,
  };
  const counted = (p: Stored<Pod>, uncountedSet: Set<string>) => hasJobTrackingFinalizer(p) && !uncountedSet.has(p.metadata.uid ?? '') && !ctx.expectedRmFinalizers.has(p.metadata.uid ?? '');
  const newSucceeded = pods.filter((p) => counted(p, ctx.uncountedSucceeded) && p.status?.phase === 'Succeeded');
  const newFailed = pods.filter((p) => counted(p, ctx.uncountedFailed) && isPodFailed(p, job));
  ctx.succeeded = (status.succeeded ?? 0) + newSucceeded.length + ctx.uncountedSucceeded.size;
  ctx.failed = (status.failed ?? 0) + newFailed.length + ctx.uncountedFailed.size;
  ctx.newBackoffRecord = newBackoffRecord(jm.podBackoffStore.get(key) ?? EMPTY_BACKOFF, newSucceeded, newFailed, jm.epochMs);
  return ctx;
}

/**
 * decideFailure sets the interim FailureTarget condition when more pods failed than
 * backoffLimit allows or the Job ran past activeDeadlineSeconds (and books a sync for the
 * deadline otherwise). A SuccessCriteriaMet condition already recorded wins.
 */
function decideFailure(jm: JobController, ctx: SyncJobCtx): void {
  const { job } = ctx;
  const met = findConditionByType(job.status?.conditions, 'SuccessCriteriaMet');
  if (met?.status === 'True') {
    ctx.finishedCondition = met;
    return;
  }
  const target = findConditionByType(job.status?.conditions, 'FailureTarget');
  if (target?.status === 'True') {
    ctx.finishedCondition = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', jm.sim.nowMs, jm.epochMs);
    return;
  }
  const backoffLimit = job.spec?.backoffLimit ?? 6;
  const deadlineSeconds = job.spec?.activeDeadlineSeconds;
  const startMs = job.status?.startTime ? fromRFC3339(job.status.startTime, jm.epochMs) : undefined;
  const suspended = !!job.spec?.suspend;
  if (ctx.failed > backoffLimit || pastBackoffLimitOnFailure(job, ctx.pods)) {
    ctx.finishedCondition = newCondition('FailureTarget', 'True', JOB_REASON_BACKOFF_LIMIT_EXCEEDED, BACKOFF_LIMIT_MESSAGE, jm.sim.nowMs, jm.epochMs);
  } else if (deadlineSeconds !== undefined && deadlineSeconds !== null && startMs !== undefined && !suspended) {
    const leftMs = deadlineSeconds * 1000 - (jm.sim.nowMs - startMs);
    if (leftMs <= 0) ctx.finishedCondition = newCondition('FailureTarget', 'True', JOB_REASON_DEADLINE_EXCEEDED, DEADLINE_MESSAGE, jm.sim.nowMs, jm.epochMs);
    else jm.queue.addAfter(ctx.key, leftMs);
  }
}

/** suspendConditions keeps the Suspended condition in step with spec.suspend (Suspended/Resumed events). */
function suspendConditions(jm: JobController, job: SyncJobCtx['job'], ctx: SyncJobCtx): void {
  const status = job.status!;
  const [type, state, reason, message, event] = job.spec?.suspend ? ['Suspended', 'True', 'JobSuspended', 'Job suspended', 'Suspended'] : ['Suspended', 'False', 'JobResumed', 'Job resumed', 'Resumed'];
  const [conditions, updated] = ensureJobConditionStatus(status.conditions, type, state, reason, message, jm.sim.nowMs, jm.epochMs);
  if (!updated) return;
  status.conditions = conditions;
  ctx.suspendChanged = true;
  jm.recorder.event(job, 'Normal', event, message);
  if (!job.spec?.suspend) status.startTime = toRFC3339(jm.sim.nowMs, jm.epochMs);
}

/** setCount writes an omitempty counter: zero is left out, as the API serializes it. */
export function setCount(status: NonNullable<Writable<Job>['status']>, field: 'active' | 'succeeded' | 'failed', value: number): void {
  const counters = status as Record<string, unknown>;
  if (value > 0) counters[field] = value;
  else delete counters[field];
}
