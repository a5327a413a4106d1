// Mirrors kubernetes pkg/controller/cronjob/cronjob_controllerv2.go and utils.go (v1.32): one
// queue of CronJob keys, each sync requeued for the next schedule time (+100 ms); Jobs named
// `<cronjob>-<scheduled minute since the Unix epoch>`, concurrency policies, starting deadlines,
// the active list and history limits, with the controller's Events.
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../api/object';
import { parseCron, type CronFields } from '../../apiserver/validation/cron';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { waitForCacheSync } from '../cacheSync';
import { getControllerOf, newControllerRef } from '../controllerUtils';
import { finishedCondition } from '../job/utils';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isAlreadyExists, isNotFound, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from '../types';
import { nextActivation } from './schedule';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
/** NEXT_SCHEDULE_DELTA_MS: requeue a little after the schedule time, so it has passed. */
const NEXT_SCHEDULE_DELTA_MS = 100;
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export interface CronJobControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  cronJobs: SharedIndexInformer<CronJob>;
  jobs: SharedIndexInformer<Job>;
}

/** jobName is getJobName: the scheduled time in minutes since the Unix epoch. */
export function jobName(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}

const keyOf = (obj: { metadata: { namespace?: string; name: string } }) => `${obj.metadata.namespace}/${obj.metadata.name}`;
const rfc1123z = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

export class CronJobController {
  readonly queue: RateLimitingQueue;

  constructor(readonly options: CronJobControllerOptions) {
    this.queue = new RateLimitingQueue(options.sim, 'cronjob', CRONJOB_CONTROLLER);
    options.cronJobs.addEventHandler({ add: (cj) => this.queue.add(keyOf(cj)), update: (_old, cj) => this.queue.add(keyOf(cj)) });
    const owner = (job: Stored<Job>) => {
      const ref = getControllerOf(job);
      if (ref?.kind === 'CronJob') this.queue.add(`${job.metadata.namespace}/${ref.name}`);
    };
    options.jobs.addEventHandler({ add: owner, update: (_old, job) => owner(job), delete: owner });
  }

  run(workers = 5): void {
    const { sim, cronJobs, jobs } = this.options;
    waitForCacheSync(sim, [cronJobs, jobs]).then(() => runWorkers(sim, this.queue, workers, CRONJOB_CONTROLLER, (key) => this.sync(key)));
  }

  private nowMs(): number {
    return this.options.epochMs + this.options.sim.nowMs;
  }

  /** sync is syncCronJob plus the status update, history cleanup and requeue of the worker. */
  *sync(key: string): Task<SyncError> {
    const cronJob = this.options.cronJobs.indexer.get(key) as Stored<CronJob> | undefined;
    if (!cronJob) return undefined;
    const children = (this.options.jobs.indexer.list() as Stored<Job>[]).filter((j) => j.metadata.namespace === cronJob.metadata.namespace && getControllerOf(j)?.uid === cronJob.metadata.uid);
    const working = deepClone(cronJob) as CronJob & { status: NonNullable<CronJob['status']> };
    working.status ??= {};
    let changed = this.reconcileActive(working, children);
    const outcome = yield* this.syncCronJob(working);
    changed ||= outcome.changed;
    if (outcome.error !== undefined) return outcome.error;
    if (changed) {
      const updated = yield* wait(this.options.client.updateStatus<CronJob>('cronjobs', working));
      if (!updated.ok && !isNotFound(updated)) return errorOf(updated);
    }
    yield* this.cleanupFinishedJobs(working, children);
    if (outcome.requeueMs !== undefined) this.queue.addAfter(key, outcome.requeueMs);
    return undefined;
  }

  /** reconcileActive drops finished or vanished Jobs from status.active, with their Events. */
  private reconcileActive(cj: CronJob & { status: NonNullable<CronJob['status']> }, children: Stored<Job>[]): boolean {
    const { recorder } = this.options;
    let changed = false;
    const active = cj.status.active ?? [];
    const kept: ObjectReference[] = [];
    for (const ref of active) {
      const job = children.find((j) => j.metadata.uid === ref.uid);
      const finished = job && finishedCondition(job);
      if (job && !finished) {
        kept.push(ref);
        continue;
      }
      changed = true;
      if (!job) recorder.event(cj as Stored<CronJob>, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    }
    for (const job of children) {
      const finished = finishedCondition(job);
      if (!finished) continue;
      if (active.some((ref) => ref.uid === job.metadata.uid)) recorder.event(cj as Stored<CronJob>, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, status: ${finished}`);
      const completion = job.status?.completionTime;
      if (finished === 'Complete' && completion && (!cj.status.lastSuccessfulTime || Date.parse(completion) > Date.parse(cj.status.lastSuccessfulTime))) {
        cj.status.lastSuccessfulTime = completion;
        changed = true;
      }
    }
    if (changed) cj.status.active = kept.length > 0 ? kept : undefined;
    return changed;
  }

  /** mostRecentScheduleTime: the latest schedule time ≤ now after the last one (or creation). */
  private mostRecent(cj: CronJob, fields: CronFields, now: number): { scheduled?: number; missed: number } {
    let earliest = Date.parse(cj.status?.lastScheduleTime ?? cj.metadata?.creationTimestamp ?? '');
    if (cj.spec?.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - cj.spec.startingDeadlineSeconds * 1000);
    let scheduled: number | undefined;
    let missed = 0;
    for (let t = nextActivation(fields, earliest); t !== undefined && t <= now; t = nextActivation(fields, t)) {
      scheduled = t;
      missed++;
    }
    return { scheduled, missed };
  }

  /**
   * requeueAfter is nextScheduleTimeDuration: Next(most recent time ≤ now) is the first
   * activation after now, plus the delta.
   */
  private requeueAfter(fields: CronFields, now: number): number | undefined {
    const next = nextActivation(fields, now);
    return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
  }

  private *syncCronJob(cj: CronJob & { status: NonNullable<CronJob['status']> }): Task<{ changed: boolean; requeueMs?: number; error?: string }> {
    const { recorder, client, sim } = this.options;
    const stored = cj as Stored<CronJob>;
    if (cj.metadata?.deletionTimestamp || cj.spec?.suspend) return { changed: false };
    const fields = parseCron(cj.spec?.schedule ?? '');
    if (typeof fields === 'string') {
      recorder.event(stored, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule ?? '')} : ${fields}`);
      return { changed: false };
    }
    const now = this.nowMs();
    const { scheduled, missed } = this.mostRecent(cj, fields, now);
    const requeueMs = this.requeueAfter(fields, now);
    if (missed > 100) {
      recorder.event(stored, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    if (scheduled === undefined) return { changed: false, requeueMs };
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && scheduled + deadline * 1000 < now) {
      recorder.event(stored, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { changed: false, requeueMs };
    }
    const name = jobName(cj.metadata?.name ?? '', scheduled);
    const active = cj.status.active ?? [];
    if (active.some((ref) => ref.name === name) || (cj.status.lastScheduleTime && Date.parse(cj.status.lastScheduleTime) === scheduled)) return { changed: false, requeueMs };
    if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
      recorder.event(stored, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { changed: false, requeueMs };
    }
    let changed = false;
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const ref of active) {
        if (!(yield* this.deleteJob(stored, ref.name ?? ''))) return { changed, error: `deleting job ${ref.name} failed` };
        changed = true;
      }
      cj.status.active = undefined;
    }
    const template = cj.spec?.jobTemplate;
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata?.namespace,
        labels: template?.metadata?.labels ? { ...template.metadata.labels } : undefined,
        annotations: { ...template?.metadata?.annotations, [SCHEDULED_TIMESTAMP_ANNOTATION]: new Date(scheduled).toISOString().replace(/\.\d{3}Z$/, 'Z') },
        ownerReferences: [newControllerRef(stored, 'batch/v1', 'CronJob')],
      },
      spec: deepClone(template?.spec) ?? { template: { spec: { containers: [] } } },
    };
    traceDecision(sim, CRONJOB_CONTROLLER, 'cronjob.create', refOf(stored), { job: name, scheduled: new Date(scheduled).toISOString() });
    const created = yield* wait(client.create<Job>('jobs', job));
    if (!created.ok && hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE)) return { changed };
    if (!created.ok && !isAlreadyExists(created)) {
      recorder.event(stored, 'Warning', 'FailedCreate', `Error creating job: ${created.status.message ?? ''}`);
      return { changed, error: errorOf(created) };
    }
    if (created.ok) {
      recorder.event(stored, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
      const meta = created.object.metadata;
      cj.status.active = [...(cj.status.active ?? []), { kind: 'Job', namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: 'batch/v1', resourceVersion: meta.resourceVersion }];
    }
    cj.status.lastScheduleTime = toRFC3339(scheduled - this.options.epochMs, this.options.epochMs);
    return { changed: true, requeueMs };
  }

  /** cleanupFinishedJobs keeps the newest successfulJobsHistoryLimit / failedJobsHistoryLimit Jobs. */
  private *cleanupFinishedJobs(cj: CronJob, children: Stored<Job>[]): Task<void> {
    const limits = { Complete: cj.spec?.successfulJobsHistoryLimit, Failed: cj.spec?.failedJobsHistoryLimit };
    for (const kind of ['Complete', 'Failed'] as const) {
      const limit = limits[kind];
      if (limit === undefined || limit === null) continue;
      const finished = children.filter((j) => finishedCondition(j) === kind);
      // Oldest first by start time (jobs that never started count as oldest).
      const started = (j: Job) => (j.status?.startTime ? Date.parse(j.status.startTime) : 0);
      finished.sort((a, b) => started(a) - started(b));
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) yield* this.deleteJob(cj as Stored<CronJob>, job.metadata.name);
    }
  }

  private *deleteJob(cj: Stored<CronJob>, name: string): Task<boolean> {
    const deleted = yield* wait(this.options.client.delete('jobs', cj.metadata.namespace, name, { propagationPolicy: 'Background' }));
    // Already gone (a sync right before this one deleted it, and the watch has not caught up).
    if (isNotFound(deleted)) return true;
    if (!deleted.ok) {
      this.options.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${deleted.status.message ?? ''}`);
      return false;
    }
    this.options.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
    return true;
  }
}
