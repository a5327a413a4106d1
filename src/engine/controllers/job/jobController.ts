// Mirrors kubernetes pkg/controller/job/job_controller.go (v1.32): the controller, its informer
// handlers and queues. syncJob is in syncJob.ts, manageJob in manageJob.ts, the status and
// finalizer bookkeeping in trackJobStatus.ts.
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { namespacedName, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { ItemExponentialFailureRateLimiter } from '../../client/workqueue/rateLimiter';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { fromRFC3339 } from '../../sim/time';
import { waitForCacheSync } from '../cacheSync';
import { controllerRefsEqual, getControllerOf, labelsEqual } from '../controllerUtils';
import { ControllerExpectations } from '../expectations';
import { PodControl } from '../podControl';
import { addPodControllerUIDIndex, filterPodsByOwner } from '../podIndex';
import { errorOf, isNotFound, type ControllerClient, type SyncError } from '../types';
import type { BackoffRecord } from './backoffUtils';
import { syncJob } from './syncJob';
import { hasJobTrackingFinalizer, isJobFinished, JOB_TRACKING_FINALIZER } from './utils';

export const JOB_CONTROLLER = 'job-controller';
/** SYNC_JOB_BATCH_PERIOD_MS batches the syncs pod events cause (syncJobBatchPeriod = 1 s). */
export const SYNC_JOB_BATCH_PERIOD_MS = 1_000;
/** The Job API back-off (DefaultJobApiBackOff 1 s, MaxJobApiBackOff 1 min). */
const JOB_API_BACKOFF_MS = 1_000;
const MAX_JOB_API_BACKOFF_MS = 60_000;

export interface JobControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  jobs: SharedIndexInformer<Job>;
  pods: SharedIndexInformer<Pod>;
}

/**
 * JobController runs a Job's pods to completion: it keeps up to `parallelism` pods running until
 * `completions` of them succeeded, replaces failed ones after a back-off until more than
 * `backoffLimit` failed, and counts finished pods through the batch.kubernetes.io/job-tracking
 * finalizer so none is counted twice or lost.
 */
export class JobController {
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly jobs: SharedIndexInformer<Job>;
  readonly pods: SharedIndexInformer<Pod>;
  readonly podControl: PodControl;
  readonly expectations: ControllerExpectations;
  /** finalizerExpectations: per job, the pod uids whose finalizer removal is in flight. */
  readonly finalizerExpectations = new Map<string, Set<string>>();
  readonly podBackoffStore = new Map<string, BackoffRecord>();
  readonly queue: RateLimitingQueue;
  readonly orphanQueue: RateLimitingQueue;

  constructor(options: JobControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder, jobs: this.jobs, pods: this.pods } = options);
    this.podControl = new PodControl(this.client, this.recorder);
    this.expectations = new ControllerExpectations(() => this.sim.nowMs);
    this.queue = new RateLimitingQueue(this.sim, 'job', JOB_CONTROLLER, new ItemExponentialFailureRateLimiter(JOB_API_BACKOFF_MS, MAX_JOB_API_BACKOFF_MS));
    this.orphanQueue = new RateLimitingQueue(this.sim, 'job_orphan_pod', JOB_CONTROLLER, new ItemExponentialFailureRateLimiter(JOB_API_BACKOFF_MS, MAX_JOB_API_BACKOFF_MS));
    this.jobs.addEventHandler({
      add: (job) => this.queue.add(namespacedName(job)),
      update: (old, cur) => this.updateJob(old, cur),
      delete: (job) => {
        this.queue.add(namespacedName(job));
        this.cleanupPodFinalizers(job);
      },
    });
    addPodControllerUIDIndex(this.pods);
    this.pods.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod, true),
    });
  }

  /** run waits for the caches, then starts `workers` (--concurrent-job-syncs, 5) and the orphan worker. */
  run(workers: number): void {
    waitForCacheSync(this.sim, [this.pods, this.jobs]).then(() => {
      runWorkers(this.sim, this.queue, workers, JOB_CONTROLLER, (key) => syncJob(this, key));
      runWorkers(this.sim, this.orphanQueue, 1, JOB_CONTROLLER, (key) => this.syncOrphanPod(key));
    });
  }

  /** enqueueSyncJobBatched: pod events and status updates sync the Job at most once per second. */
  enqueueSyncJobBatched(job: Stored<Job>): void {
    this.queue.addAfter(namespacedName(job), SYNC_JOB_BATCH_PERIOD_MS);
  }

  enqueueSyncJobWithDelay(job: Job, delayMs: number): void {
    this.queue.addAfter(`${job.metadata?.namespace}/${job.metadata?.name}`, Math.max(delayMs, SYNC_JOB_BATCH_PERIOD_MS));
  }

  /** podsForJob lists the Job's own pods and the namespace's orphans it may adopt. */
  podsForJob(job: Stored<Job>): Stored<Pod>[] {
    return filterPodsByOwner(this.pods, job, true);
  }

  expectFinalizersRemoved(key: string, uids: readonly string[]): void {
    const set = this.finalizerExpectations.get(key) ?? new Set<string>();
    for (const uid of uids) set.add(uid);
    this.finalizerExpectations.set(key, set);
  }

  finalizerRemovalObserved(key: string, uid: string): void {
    this.finalizerExpectations.get(key)?.delete(uid);
  }

  private updateJob(old: Stored<Job>, cur: Stored<Job>): void {
    const key = namespacedName(cur);
    if (cur.metadata.generation === old.metadata.generation) this.enqueueSyncJobBatched(cur);
    else this.queue.add(key);
    if (isJobFinished(cur)) this.cleanupPodFinalizers(cur);
    const deadline = cur.spec?.activeDeadlineSeconds;
    if (cur.status?.startTime && deadline !== undefined && deadline !== old.spec?.activeDeadlineSeconds) {
      const passedMs = this.sim.nowMs - fromRFC3339(cur.status.startTime, this.epochMs);
      this.queue.addAfter(key, deadline * 1000 - passedMs);
    }
  }

  private addPod(pod: Stored<Pod>): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod, false);
    const ref = getControllerOf(pod);
    if (ref) {
      const job = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (!job) return;
      this.expectations.creationObserved(namespacedName(job));
      this.enqueueSyncJobBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(namespacedName(pod));
    for (const job of this.getPodJobs(pod)) this.enqueueSyncJobBatched(job);
  }

  private updatePod(old: Stored<Pod>, cur: Stored<Pod>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    if (cur.metadata.deletionTimestamp) return this.deletePod(cur, false);
    const finalizerRemoved = !hasJobTrackingFinalizer(cur);
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = !controllerRefsEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const job = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (job) {
        if (finalizerRemoved) this.finalizerRemovalObserved(namespacedName(job), cur.metadata.uid ?? '');
        this.enqueueSyncJobBatched(job);
      }
    }
    if (curRef) {
      const job = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (!job) return;
      if (finalizerRemoved) this.finalizerRemovalObserved(namespacedName(job), cur.metadata.uid ?? '');
      this.enqueueSyncJobBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(cur)) this.orphanQueue.add(namespacedName(cur));
    const labelChanged = !labelsEqual(cur.metadata.labels, old.metadata.labels);
    if (labelChanged || refChanged) for (const job of this.getPodJobs(cur)) this.enqueueSyncJobBatched(job);
  }

  /** deletePod: `final` for the informer's delete, false for a deletionTimestamp update. */
  private deletePod(pod: Stored<Pod>, final: boolean): void {
    const ref = getControllerOf(pod);
    const hasFinalizer = hasJobTrackingFinalizer(pod);
    if (!ref) {
      if (hasFinalizer) this.orphanQueue.add(namespacedName(pod));
      return;
    }
    const job = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!job || isJobFinished(job)) {
      if (hasFinalizer) this.orphanQueue.add(namespacedName(pod));
      return;
    }
    const key = namespacedName(job);
    this.expectations.deletionObserved(key);
    if (final || !hasFinalizer) this.finalizerRemovalObserved(key, pod.metadata.uid ?? '');
    this.enqueueSyncJobBatched(job);
  }

  /** cleanupPodFinalizers hands the pods of a finished or deleted Job to the orphan worker. */
  private cleanupPodFinalizers(job: Stored<Job>): void {
    for (const pod of filterPodsByOwner(this.pods, job, false)) if (hasJobTrackingFinalizer(pod)) this.orphanQueue.add(namespacedName(pod));
  }

  /** syncOrphanPod removes the tracking finalizer from a pod no unfinished Job owns. */
  private *syncOrphanPod(key: string): Task<SyncError> {
    const pod = this.pods.indexer.get(key) as Stored<Pod> | undefined;
    if (!pod || !hasJobTrackingFinalizer(pod)) return undefined;
    const ref = getControllerOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return undefined;
      const job = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (job && !isJobFinished(job)) return undefined;
    }
    const patched = yield* wait(this.client.patch('pods', pod.metadata.namespace, pod.metadata.name, 'strategic', removeTrackingFinalizerPatch()));
    return patched.ok || isNotFound(patched) ? undefined : errorOf(patched);
  }

  resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Stored<Job> | undefined {
    if (ref.kind !== 'Job') return undefined;
    const job = this.jobs.indexer.get(`${namespace}/${ref.name}`) as Stored<Job> | undefined;
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private getPodJobs(pod: Stored<Pod>): Stored<Job>[] {
    return (this.jobs.indexer.byIndex('namespace', pod.metadata.namespace ?? '') as Stored<Job>[]).filter((job) => {
      const selector = fromLabelSelector(job.spec?.selector);
      return selector.length > 0 && matches(selector, pod.metadata.labels);
    });
  }
}

/** removeTrackingFinalizerPatch is the strategic merge patch that drops the tracking finalizer. */
export function removeTrackingFinalizerPatch(): Record<string, unknown> {
  return { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } };
}
