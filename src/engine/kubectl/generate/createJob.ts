// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go (createJob,
// createJobFromCronJob) and create_cronjob.go (createCronJob).
import { type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import type { GenerateContext, GenerateResult } from './context';
import { createPreamble, finishCreate } from './createCommon';

function container(name: string, image: string, command: string[] | undefined): JsonObject {
  return { name, image, ...(command ? { command } : {}) };
}

/** jobFromCronJob mirrors createJobFromCronJob: copy the job template, mark it manual. */
function jobFromCronJob(name: string, cronJob: JsonObject): JsonObject {
  const spec = (cronJob.spec ?? {}) as JsonObject;
  const template = (spec.jobTemplate ?? {}) as JsonObject;
  const templateMeta = (template.metadata ?? {}) as JsonObject;
  const cronMeta = (cronJob.metadata ?? {}) as JsonObject;
  const annotations: JsonObject = { 'cronjob.kubernetes.io/instantiate': 'manual', ...((templateMeta.annotations ?? {}) as JsonObject) };
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: {
      name,
      annotations,
      labels: templateMeta.labels ?? null,
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: cronMeta.name ?? '', uid: cronMeta.uid ?? '', controller: true },
      ],
    },
    spec: template.spec ?? {},
  };
}

/** createJob builds `kubectl create job NAME --image=... [-- COMMAND]` or `--from=cronjob/x`. */
export function createJob(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const image = stringFlag(cmd, 'image');
  const from = stringFlag(cmd, 'from');
  const command = cmd.args.length > 1 ? cmd.args.slice(1) : undefined;
  if ((image === '' && from === '') || (image !== '' && from !== '')) return cmdError('either --image or --from must be specified');
  if (command && from !== '') return cmdError('cannot specify --from and command');
  let job: JsonObject;
  if (image !== '') {
    job = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: pre.name },
      spec: { template: { spec: { containers: [container(pre.name, image, command)], restartPolicy: 'Never' } } },
    };
  } else {
    const source = ctx.source;
    if (!source || source.kind !== 'CronJob') return cmdError('from must be an existing cronjob');
    job = jobFromCronJob(pre.name, source);
  }
  if (pre.ns.enforce) job.metadata = { ...(job.metadata as JsonObject), namespace: pre.ns.namespace };
  return finishCreate(cmd, pre, job);
}

/** createCronJob builds `kubectl create cronjob NAME --image=... --schedule=...`. */
export function createCronJob(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const command = cmd.args.length > 1 ? cmd.args.slice(1) : undefined;
  const restart = stringFlag(cmd, 'restart') || 'OnFailure';
  const podSpec = { containers: [container(pre.name, stringFlag(cmd, 'image'), command)], restartPolicy: restart };
  const cronJob: JsonObject = {
    kind: 'CronJob',
    apiVersion: 'batch/v1',
    metadata: { name: pre.name, ...(pre.ns.enforce ? { namespace: pre.ns.namespace } : {}) },
    spec: {
      schedule: stringFlag(cmd, 'schedule'),
      jobTemplate: { metadata: { name: pre.name }, spec: { template: { spec: podSpec } } },
    },
  };
  return finishCreate(cmd, pre, cronJob);
}
