// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go, create_quota.go
// (populateResourceListV1, parseScopes), create_priorityclass.go and create_pdb.go.
import { boolFlag, numberFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import type { GenerateContext, GenerateResult } from './context';
import { createPreamble, finishCreate, namespaceIfEnforced } from './createCommon';
import { parseToLabelSelector } from './labelSelector';
import { parseQuantity } from './quantity';

/** createNamespace builds `kubectl create namespace NAME`. */
export function createNamespace(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  if (pre.name.length === 0) return cmdError('name must be specified');
  return finishCreate(cmd, pre, { kind: 'Namespace', apiVersion: 'v1', metadata: { name: pre.name } });
}

/** populateResourceList mirrors populateResourceListV1: `cpu=1,memory=1Gi`. */
export function populateResourceList(spec: string): JsonObject | undefined | Error {
  if (spec === '') return undefined;
  const out: JsonObject = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) return new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = parseQuantity(parts[1]);
    if (q instanceof Error) return q;
    out[parts[0]] = q.text;
  }
  return out;
}

/** createQuota builds `kubectl create quota NAME [--hard=...] [--scopes=...]`. */
export function createQuota(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  if (pre.name.length === 0) return cmdError('name must be specified');
  const hard = populateResourceList(stringFlag(cmd, 'hard'));
  if (hard instanceof Error) return cmdError(hard.message);
  const scopesText = stringFlag(cmd, 'scopes');
  const scopes = scopesText === '' ? undefined : scopesText.split(',');
  if (scopes?.includes('')) return cmdError('invalid resource quota scope ""');
  const spec: JsonObject = {};
  if (hard) spec.hard = hard;
  if (scopes) spec.scopes = scopes;
  const quota: JsonObject = {
    kind: 'ResourceQuota',
    apiVersion: 'v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' },
    spec,
  };
  return finishCreate(cmd, pre, quota);
}

/** createPriorityClass builds `kubectl create priorityclass NAME --value=N ...`. */
export function createPriorityClass(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  return finishCreate(cmd, pre, {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name: pre.name },
    value: numberFlag(cmd, 'value'),
    globalDefault: boolFlag(cmd, 'global-default'),
    description: stringFlag(cmd, 'description'),
    preemptionPolicy: stringFlag(cmd, 'preemption-policy'),
  });
}

const PDB_VALUE = /^[0-9]+%?$/;

/** pdbValidate mirrors PodDisruptionBudgetOpts.Validate. */
function pdbValidate(name: string, selector: string, minAvailable: string, maxUnavailable: string): string | undefined {
  if (name.length === 0) return 'name must be specified';
  if (selector.length === 0) return 'a selector must be specified';
  if (maxUnavailable.length === 0 && minAvailable.length === 0) return 'one of min-available or max-unavailable must be specified';
  if (maxUnavailable.length > 0 && minAvailable.length > 0) return 'min-available and max-unavailable cannot be both specified';
  if (minAvailable.length > 0 && !PDB_VALUE.test(minAvailable)) return 'invalid format specified for min-available';
  if (maxUnavailable.length > 0 && !PDB_VALUE.test(maxUnavailable)) return 'invalid format specified for max-unavailable';
  return undefined;
}

/** intstrParse mirrors intstr.Parse: an int if it parses as one, else the string. */
function intstrParse(text: string): number | string {
  return /^[+-]?\d+$/.test(text) && Math.abs(Number(text)) < 2 ** 31 ? Number(text) : text;
}

/** createPodDisruptionBudget builds `kubectl create pdb NAME --selector=... --min-available=N`. */
export function createPodDisruptionBudget(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const selectorText = stringFlag(cmd, 'selector');
  const minAvailable = stringFlag(cmd, 'min-available');
  const maxUnavailable = stringFlag(cmd, 'max-unavailable');
  const invalid = pdbValidate(pre.name, selectorText, minAvailable, maxUnavailable);
  if (invalid) return cmdError(invalid);
  const selector = parseToLabelSelector(selectorText);
  if (selector instanceof Error) return cmdError(selector.message);
  const spec: JsonObject = { selector };
  if (minAvailable.length > 0) spec.minAvailable = intstrParse(minAvailable);
  else spec.maxUnavailable = intstrParse(maxUnavailable);
  return finishCreate(cmd, pre, {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' },
    spec,
  });
}
