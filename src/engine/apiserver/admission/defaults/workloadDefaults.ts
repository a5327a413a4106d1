// Mirrors kubernetes pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_ReplicaSet,
// SetDefaults_StatefulSet, SetDefaults_DaemonSet) and pkg/apis/batch/v1/defaults.go
// (SetDefaults_Job, SetDefaults_CronJob), with the generated template traversal, v1.32.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { setDefaultsPodSpec } from './podDefaults';

function setDefaultsTemplate(template: PodTemplateSpec | undefined): void {
  if (template) {
    template.spec ??= { containers: [] };
    setDefaultsPodSpec(template.spec);
  }
}

/** setDefaultsDeployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function setDefaultsDeployment(d: Deployment): void {
  d.spec ??= { selector: {}, template: {} };
  const spec = d.spec;
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  spec.strategy ??= {};
  if (!spec.strategy.type) spec.strategy.type = 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  setDefaultsTemplate(spec.template);
}

/** setDefaultsReplicaSet: replicas 1. */
export function setDefaultsReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= { selector: {} };
  if (rs.spec.replicas === undefined || rs.spec.replicas === null) rs.spec.replicas = 1;
  setDefaultsTemplate(rs.spec.template);
}

/** setDefaultsStatefulSet: OrderedReady, RollingUpdate partition 0, Retain PVC policy, replicas 1, history 10. */
export function setDefaultsStatefulSet(ss: StatefulSet): void {
  ss.spec ??= { selector: {}, serviceName: '', template: {} };
  const spec = ss.spec;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate && spec.updateStrategy.rollingUpdate.partition === undefined) {
    spec.updateStrategy.rollingUpdate.partition = 0;
  }
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  setDefaultsTemplate(spec.template);
}

/** setDefaultsDaemonSet: RollingUpdate maxUnavailable 1 maxSurge 0, revisionHistoryLimit 10. */
export function setDefaultsDaemonSet(ds: DaemonSet): void {
  ds.spec ??= { selector: {}, template: {} };
  const spec = ds.spec;
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  setDefaultsTemplate(spec.template);
}

type JobSpecX = NonNullable<Job['spec']> & { podReplacementPolicy?: string; backoffLimitPerIndex?: number };

/**
 * setDefaultsJob: completions/parallelism 1 when both unset, backoffLimit 6 (MaxInt32 with a
 * per-index limit), job labels from the template, NonIndexed, suspend false, podReplacementPolicy
 * (JobPodReplacementPolicy is beta and on in 1.32), manualSelector false.
 */
export function setDefaultsJob(job: Job): void {
  job.spec ??= { template: {} };
  const spec = job.spec as JobSpecX;
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism === undefined || spec.parallelism === null) spec.parallelism = 1;
  if (spec.backoffLimit === undefined || spec.backoffLimit === null) spec.backoffLimit = spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const labels = spec.template?.metadata?.labels;
  job.metadata ??= {};
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  spec.completionMode ??= 'NonIndexed';
  if (spec.suspend === undefined || spec.suspend === null) spec.suspend = false;
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const p of rule.onPodConditions ?? []) if (!p.status) p.status = 'True';
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  if (spec.manualSelector === undefined || spec.manualSelector === null) spec.manualSelector = false;
  setDefaultsTemplate(spec.template);
}

/** setDefaultsCronJob: Allow, suspend false, history limits 3 and 1; the job template's pod spec. */
export function setDefaultsCronJob(cj: CronJob): void {
  cj.spec ??= { schedule: '', jobTemplate: {} };
  const spec = cj.spec;
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (spec.suspend === undefined || spec.suspend === null) spec.suspend = false;
  if (spec.successfulJobsHistoryLimit === undefined || spec.successfulJobsHistoryLimit === null) spec.successfulJobsHistoryLimit = 3;
  if (spec.failedJobsHistoryLimit === undefined || spec.failedJobsHistoryLimit === null) spec.failedJobsHistoryLimit = 1;
  for (const rule of spec.jobTemplate?.spec?.podFailurePolicy?.rules ?? []) for (const p of rule.onPodConditions ?? []) if (!p.status) p.status = 'True';
  setDefaultsTemplate(spec.jobTemplate?.spec?.template);
}
