// Mirrors kubectl pkg/cmd/taint (taint.go, utils.go), v1.32: `kubectl taint nodes NAME
// KEY[=VALUE]:EFFECT ... KEY[:EFFECT]-` parses the changes, merges them into each node's taints
// (an existing key+effect is only replaced with --overwrite), patches spec.taints and prints
// tainted / untainted / modified.
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag, type ParsedCommand } from '../args/commandSpec';
import { lookupResourceType } from '../args/resources';
import { fail, failStatus, type KubectlContext } from './context';
import { fetchTargets } from './targets';

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export interface TaintPlan {
  resources: string[];
  add: Taint[];
  remove: Taint[];
}

/** taintString is Taint.ToString: key[=value][:effect]. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** parseTaint reads `key=value:effect`, `key:effect` or `key`. */
function parseTaint(spec: string): Taint | string {
  const parts = spec.split(':');
  if (parts.length > 2) return `invalid taint spec: ${spec}`;
  let key = parts[0];
  let value = '';
  let effect = '';
  if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.has(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = parts[0].split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}`;
    key = kv[0];
    value = kv[1] ?? '';
    if (value.length > 63 || !LABEL_VALUE.test(value)) return `invalid taint spec: ${spec}, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`;
  }
  if (!QUALIFIED_NAME.test(key)) return `invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
  return effect ? { key, value: value || undefined, effect } as Taint : ({ key, value: value || undefined } as Taint);
}

/**
 * planTaint is Complete + Validate: resources before taint changes, the changes parsed, no change
 * both adding and removing one taint, names or -l/--all given. Errors carry `usage: true` when
 * kubectl reports them as usage errors.
 */
export function planTaint(cmd: ParsedCommand): TaintPlan | { error: string; usage?: boolean } {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of cmd.args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) return { error: `all resources must be specified before taint changes: ${arg}` };
    else resources.push(arg);
  }
  if (resources.length < 1) return { error: 'one or more resources must be specified as <resource> <name>' };
  if (specs.length < 1) return { error: 'at least one taint update is required' };
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    const parsed = parseTaint(spec.endsWith('-') ? spec.slice(0, -1) : spec);
    if (typeof parsed === 'string') return { error: parsed, usage: true };
    if (spec.endsWith('-')) remove.push({ key: parsed.key, effect: parsed.effect } as Taint);
    else {
      if (!parsed.effect) return { error: `invalid taint spec: ${spec}`, usage: true };
      if (add.some((t) => t.key === parsed.key && t.effect === parsed.effect)) return { error: `duplicated taints with the same key and effect: {${parsed.key} ${parsed.value ?? ''} ${parsed.effect} <nil>}`, usage: true };
      add.push(parsed);
    }
  }
  const type = lookupResourceType(resources[0]);
  if (!type) return { error: `the server doesn't have a resource type "${resources[0]}"` };
  if (type.kind !== 'Node') return { error: `invalid resource type ${resources[0].toLowerCase()}, only node types are supported` };
  const conflicts = add.flatMap((a) => remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `${r.key}=${r.effect ?? ''}`));
  if (conflicts.length > 0) return { error: `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}` };
  const all = boolFlag(cmd, 'all');
  const selector = stringFlag(cmd, 'selector');
  if (all && selector) return { error: "setting 'all' parameter with a non empty selector is prohibited" };
  if (!all && !selector && resources.length < 2) return { error: "at least one resource name must be specified since 'all' parameter is not set" };
  return { resources, add, remove };
}

const matchTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** reorganizeTaints: the new taints, then the old ones not replaced, minus the removals; and the verb. */
export function reorganizeTaints(old: readonly Taint[], overwrite: boolean, add: readonly Taint[], remove: readonly Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matchTaint(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matchTaint(r, t) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

export function* taint(ctx: KubectlContext): Task<number> {
  const plan = planTaint(ctx.cmd);
  if ('error' in plan) return fail(ctx, plan.usage ? `${plan.error}\nSee 'kubectl taint -h' for help and examples` : plan.error);
  const selector = stringFlag(ctx.cmd, 'selector');
  const all = boolFlag(ctx.cmd, 'all');
  const targets = yield* fetchTargets(ctx, selector || all ? ['nodes'] : plan.resources.slice(1).map((n) => `nodes/${n}`), { allowSelector: Boolean(selector) || all });
  if (!targets.ok) return targets.exit;
  const overwrite = boolFlag(ctx.cmd, 'overwrite');
  for (const node of targets.objects as Stored<Node>[]) {
    const old = node.spec?.taints ?? [];
    if (!overwrite) {
      const existing = plan.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (existing.length > 0) return fail(ctx, `node ${node.metadata.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
    const result = reorganizeTaints(old, overwrite, plan.add, plan.remove);
    if (result.errors.length > 0) return fail(ctx, result.errors.length === 1 ? result.errors[0] : `[${result.errors.join(', ')}]`);
    const patched = yield* wait(ctx.client.patch('nodes', undefined, node.metadata.name, 'merge', { spec: { taints: result.taints.length > 0 ? result.taints : null } }));
    if (!patched.ok) return failStatus(ctx, patched.status);
    ctx.io.out(`node/${node.metadata.name} ${result.operation}\n`);
  }
  return 0;
}
