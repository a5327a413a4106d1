// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printDeployment,
// printReplicaSet, printJob and printCronJob.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import { fromRFC3339 } from '../../../sim/time';
import { humanDuration, translateTimestampSince } from '../humanDuration';
import { formatLabelSelector, layoutContainerCells, selectorString } from './labels';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

const WIDE_TEMPLATE_COLUMNS = [col('Containers', 1), col('Images', 1), col('Selector', 1)];

export const deploymentPrinter: ResourcePrinter<Deployment> = {
  columns: [NAME_COLUMN, col('Ready'), col('Up-to-date'), col('Available'), AGE_COLUMN, ...WIDE_TEMPLATE_COLUMNS],
  printRow(d, { nowMs, wide }) {
    const status = d.status ?? {};
    const cells = [
      d.metadata?.name ?? '',
      `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      translateTimestampSince(d.metadata?.creationTimestamp, nowMs),
    ];
    if (!wide) return cells;
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [...cells, names, images, selectorString(d.spec?.selector)];
  },
};

export const replicaSetPrinter: ResourcePrinter<ReplicaSet> = {
  columns: [NAME_COLUMN, col('Desired'), col('Current'), col('Ready'), AGE_COLUMN, ...WIDE_TEMPLATE_COLUMNS],
  printRow(rs, { nowMs, wide }) {
    const cells = [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, nowMs),
    ];
    if (!wide) return cells;
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(rs.spec?.selector)];
  },
};

function hasJobCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  const condition = (conditions ?? []).find((c) => c.type === type);
  return condition?.status === 'True';
}

/** jobStatus is the STATUS column: the first matching of Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasJobCondition(conditions, 'Complete')) return 'Complete';
  if (hasJobCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasJobCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** jobCompletions is `succeeded/completions`, or `n/1 of P` for work-queue jobs with parallelism > 1. */
function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, nowMs: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? fromRFC3339(end) : nowMs) - fromRFC3339(start));
}

export const jobPrinter: ResourcePrinter<Job> = {
  columns: [NAME_COLUMN, col('Status'), col('Completions'), col('Duration'), AGE_COLUMN, ...WIDE_TEMPLATE_COLUMNS],
  printRow(job, { nowMs, wide }) {
    const cells = [job.metadata?.name ?? '', jobStatus(job), jobCompletions(job), jobDuration(job, nowMs), translateTimestampSince(job.metadata?.creationTimestamp, nowMs)];
    if (!wide) return cells;
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(job.spec?.selector)];
  },
};

/** printBoolPtr prints `True`/`False`, or `<unset>` for a nil pointer. */
export function printBoolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

export const cronJobPrinter: ResourcePrinter<CronJob> = {
  columns: [NAME_COLUMN, col('Schedule'), col('Timezone'), col('Suspend'), col('Active'), col('Last Schedule'), AGE_COLUMN, ...WIDE_TEMPLATE_COLUMNS],
  printRow(cj, { nowMs, wide }) {
    const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, nowMs) : '<none>';
    const cells = [
      cj.metadata?.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      printBoolPtr(cj.spec?.suspend),
      (cj.status?.active ?? []).length,
      last,
      translateTimestampSince(cj.metadata?.creationTimestamp, nowMs),
    ];
    if (!wide) return cells;
    const template = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(template?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(template?.selector)];
  },
};
