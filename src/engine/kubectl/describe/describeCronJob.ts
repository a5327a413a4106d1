// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) CronJobDescriber / describeCronJob,
// describeJobTemplate and printActiveJobs.
import type { CronJob, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import { formatLabelSelector } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { describePodTemplate } from './describePodTemplate';
import { formatRFC1123Z, printBool } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

const orUnset = (value: number | undefined | null) => (value === undefined || value === null ? '<unset>' : String(value));

function describeJobTemplate(template: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = template?.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${orUnset(spec?.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(spec?.completions)}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

/** describeCronJob is `kubectl describe cronjob NAME`. */
export function describeCronJob(cj: CronJob, lookup: DescribeLookup, options: DescribeOptions): string {
  const spec = cj.spec;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${spec?.suspend === undefined ? '<unset>' : printBool(spec.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec?.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec?.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`}\n`);
    describeJobTemplate(spec?.jobTemplate, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatRFC1123Z(last) : '<unset>'}\n`);
    const active = cj.status?.active ?? [];
    w.write(LEVEL_0, 'Active Jobs:\t');
    w.writeLine(active.length === 0 ? '<none>' : active.map((j) => j.name).join(', '));
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: cj.metadata?.name ?? '', namespace: cj.metadata?.namespace ?? '', kind: 'CronJob', uid: cj.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
