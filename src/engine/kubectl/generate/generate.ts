// Dispatcher from a parsed command path to its client-side generator: the part of each
// kubectl command's Run that builds (or edits) the object before any API request.
import type { ParsedCommand } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import { generateAutoscale } from './autoscale';
import type { GenerateContext, GenerateResult } from './context';
import { createConfigMap, createSecretGeneric } from './createData';
import { createDeployment } from './createDeployment';
import { createCronJob, createJob } from './createJob';
import { createClusterRole, createClusterRoleBinding, createRole, createRoleBinding, createServiceAccount } from './createRbac';
import { createService } from './createService';
import { createNamespace, createPodDisruptionBudget, createPriorityClass, createQuota } from './createSimple';
import { generateExpose } from './expose';
import { generateAnnotate, generateLabel } from './labelAnnotate';
import { generateRun } from './run';
import { generateSetEnv } from './setEnv';
import { generateSetImage } from './setImage';
import { generateSetResources } from './setResources';

type Generator = (cmd: ParsedCommand, ctx: GenerateContext & { envFrom?: JsonObject }) => GenerateResult;

const GENERATORS: Record<string, Generator> = {
  'create deployment': createDeployment,
  'create service clusterip': createService,
  'create service nodeport': createService,
  'create service loadbalancer': createService,
  'create service externalname': createService,
  'create namespace': createNamespace,
  'create configmap': createConfigMap,
  'create secret generic': createSecretGeneric,
  'create job': createJob,
  'create cronjob': createCronJob,
  'create quota': createQuota,
  'create priorityclass': createPriorityClass,
  'create poddisruptionbudget': createPodDisruptionBudget,
  'create role': createRole,
  'create clusterrole': createClusterRole,
  'create rolebinding': createRoleBinding,
  'create clusterrolebinding': createClusterRoleBinding,
  'create serviceaccount': createServiceAccount,
  run: generateRun,
  expose: generateExpose,
  autoscale: generateAutoscale,
  'set image': generateSetImage,
  'set resources': generateSetResources,
  'set env': generateSetEnv,
  label: generateLabel,
  annotate: generateAnnotate,
};

/** hasGenerator tells whether `path` builds objects client-side (create/run/expose/set/...). */
export function hasGenerator(path: readonly string[]): boolean {
  return path.join(' ') in GENERATORS;
}

/**
 * generateFromCommand runs the generator for a parsed command: the objects kubectl would send
 * (or print with --dry-run=client / --local), or the error text it prints.
 * Commands acting on an existing object (expose, autoscale, set *, label, annotate, create
 * job --from) read it from `ctx.source`; `set env --from` reads `ctx.envFrom`.
 * @example generateFromCommand(parseKubectl(tokenize('kubectl create ns a').argv) as ParsedCommand, {})
 */
export function generateFromCommand(cmd: ParsedCommand, ctx: GenerateContext & { envFrom?: JsonObject } = {}): GenerateResult {
  const generator = GENERATORS[cmd.path.join(' ')];
  if (!generator) return cmdError(`"kubectl ${cmd.path.join(' ')}" has no client-side generator`);
  return generator(cmd, ctx);
}
