// Mirrors kubernetes pkg/apis/batch/validation/validation.go (v1.32): ValidateJob,
// validateJobSpec, ValidateJobUpdate, ValidateCronJobCreate/Update, validateCronJobSpec.
import type { CronJob, CronJobSpec, Job, JobSpec } from 'kubernetes-types/batch/v1';
import {
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  goQuote,
  type FieldError,
} from '../../api/status';
import { cronParseError } from './cron';
import { goLabelSelector, goStringMap } from './goValues';
import { isDNS1123Label, nameIsDNSSubdomain } from './names';
import {
  deepEqual,
  selectorMatches,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { child } from './path';
import { validatePodTemplateSpec } from './podSpec';

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;

type JobSpecX = JobSpec & { podReplacementPolicy?: string; managedBy?: string };

function validateJobSpecBody(spec: JobSpecX, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const nonneg = (v: number | undefined | null, f: string): void => {
    if (v !== undefined && v !== null) errs.push(...validateNonnegativeField(v, child(path, f)));
  };
  nonneg(spec.parallelism, 'parallelism');
  nonneg(spec.completions, 'completions');
  nonneg(spec.activeDeadlineSeconds, 'activeDeadlineSeconds');
  nonneg(spec.backoffLimit, 'backoffLimit');
  nonneg(spec.ttlSecondsAfterFinished, 'ttlSecondsAfterFinished');
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errs.push(fieldNotSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed') {
    if (spec.completions === undefined || spec.completions === null) errs.push(fieldRequired(child(path, 'completions'), 'when completion mode is Indexed'));
    if ((spec.parallelism ?? 0) > MAX_PARALLELISM_FOR_INDEXED_JOB) {
      errs.push(fieldInvalid(child(path, 'parallelism'), spec.parallelism!, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
    }
  }
  const rp = spec.podReplacementPolicy;
  if (rp !== undefined) {
    if (spec.podFailurePolicy && rp !== 'Failed') errs.push(fieldNotSupported(child(path, 'podReplacementPolicy'), rp, ['Failed']));
    else if (!spec.podFailurePolicy && rp !== 'Failed' && rp !== 'TerminatingOrFailed') {
      errs.push(fieldNotSupported(child(path, 'podReplacementPolicy'), rp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, child(path, 'template')));
  const restart = spec.template?.spec?.restartPolicy ?? '';
  const restartPath = child(path, 'template', 'spec', 'restartPolicy');
  if (restart === 'Always' || restart === '') errs.push(fieldRequired(restartPath, `valid values: ${goQuote('OnFailure')}, ${goQuote('Never')}`));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(fieldNotSupported(restartPath, restart, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && restart !== 'Never') errs.push(fieldInvalid(restartPath, restart, `only ${goQuote('Never')} is supported when podFailurePolicy is specified`));
  return errs;
}

/** validateJobSpec is ValidateJobSpec: body + selector required and matching the template. */
export function validateJobSpec(spec: JobSpecX, path = 'spec'): FieldError[] {
  const errs = validateJobSpecBody(spec, path);
  if (!spec.selector) errs.push(fieldRequired(child(path, 'selector'), ''));
  else {
    errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
    const labels = spec.template?.metadata?.labels;
    if (!selectorMatches(spec.selector, labels)) {
      errs.push(fieldInvalid(child(path, 'template', 'metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    }
  }
  return errs;
}

function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec;
  if (!spec || spec.manualSelector || !spec.selector) return [];
  const errs: FieldError[] = [];
  const meta = job.metadata ?? {};
  if (!meta.uid) errs.push(fieldRequired('metadata.uid', ''));
  const labels = spec.template?.metadata?.labels ?? {};
  const expected: Record<string, string> = {
    'controller-uid': meta.uid ?? '',
    'job-name': meta.name ?? '',
    'batch.kubernetes.io/controller-uid': meta.uid ?? '',
    'batch.kubernetes.io/job-name': meta.name ?? '',
  };
  for (const [k, v] of Object.entries(expected)) {
    const p = `spec.template.metadata.labels[${k}]`;
    if (!(k in labels)) errs.push(fieldRequired(p, `must be '${v}'`));
    else if (labels[k] !== v) errs.push(fieldInvalid(p, goStringMap(labels), `must be '${v}'`));
  }
  if (!selectorMatches(spec.selector, expected)) errs.push(fieldInvalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

/** validateJob is ValidateJob (create): run after the strategy generated selector and labels. */
export function validateJob(job: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec((job.spec ?? {}) as JobSpecX));
  const completions = job.spec?.completions;
  if (job.spec?.completionMode === 'Indexed' && completions && completions > 0) {
    const host = `${job.metadata?.name ?? ''}-${completions - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(fieldInvalid('metadata.name', job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

/** validateJobUpdate is ValidateJobUpdate: selector, template, completions, completionMode immutable. */
export function validateJobUpdate(next: Job, prev: Job): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  const ns = (next.spec ?? {}) as JobSpecX;
  const ps = (prev.spec ?? {}) as JobSpecX;
  errs.push(...validateJobSpec(ns));
  errs.push(...validateImmutableField(ns.completions ?? null, ps.completions ?? null, 'spec.completions', ns.completions ?? null));
  errs.push(...validateImmutableField(ns.selector, ps.selector, 'spec.selector', goLabelSelector(ns.selector)));
  if (!deepEqual(ns.template, ps.template)) errs.push(fieldInvalid('spec.template', { goSyntax: 'core.PodTemplateSpec{…}' }, 'field is immutable'));
  errs.push(...validateImmutableField(ns.completionMode ?? null, ps.completionMode ?? null, 'spec.completionMode', ns.completionMode ?? null));
  return errs;
}

function validateCronJobSpec(spec: CronJobSpec, prev: CronJobSpec | undefined, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const sp = child(path, 'schedule');
  if (!spec.schedule) errs.push(fieldRequired(sp, ''));
  else {
    const err = cronParseError(spec.schedule);
    if (err) errs.push(fieldInvalid(sp, spec.schedule, err));
    const allowTZ = prev?.schedule?.includes('TZ') ?? false;
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone) errs.push(fieldInvalid(sp, spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && spec.schedule.includes('TZ')) errs.push(fieldInvalid(sp, spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  if (spec.startingDeadlineSeconds !== undefined && spec.startingDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, child(path, 'startingDeadlineSeconds')));
  }
  const cp = spec.concurrencyPolicy ?? '';
  if (cp === '') errs.push(fieldRequired(child(path, 'concurrencyPolicy'), ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(fieldNotSupported(child(path, 'concurrencyPolicy'), cp, ['Allow', 'Forbid', 'Replace']));
  const jt = child(path, 'jobTemplate');
  errs.push(...validateJobSpecBody((spec.jobTemplate?.spec ?? {}) as JobSpecX, child(jt, 'spec')));
  if (spec.jobTemplate?.spec?.selector) {
    errs.push(fieldInvalid(child(jt, 'spec', 'selector'), goLabelSelector(spec.jobTemplate.spec.selector), '`selector` will be auto-generated'));
  }
  if (spec.jobTemplate?.spec?.manualSelector) errs.push(fieldNotSupported(child(jt, 'spec', 'manualSelector'), true, ['nil', 'false']));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const v = spec[f];
    if (v !== undefined && v !== null) errs.push(...validateNonnegativeField(v, child(path, f)));
  }
  return errs;
}

/** validateCronJobCreate is ValidateCronJobCreate (names ≤ 52 characters). */
export function validateCronJobCreate(cj: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(cj.spec ?? ({} as CronJobSpec), undefined));
  if ((cj.metadata?.name ?? '').length > 52) errs.push(fieldInvalid('metadata.name', cj.metadata!.name!, 'must be no more than 52 characters'));
  return errs;
}

/** validateCronJobUpdate is ValidateCronJobUpdate. */
export function validateCronJobUpdate(next: CronJob, prev: CronJob): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {}), ...validateCronJobSpec(next.spec ?? ({} as CronJobSpec), prev.spec)];
}
