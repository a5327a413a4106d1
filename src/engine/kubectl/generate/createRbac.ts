// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/{create_role.go, create_clusterrole.go,
// create_rolebinding.go, create_clusterrolebinding.go, create_serviceaccount.go} in v1.32.
import { listFlag, type ParsedCommand, stringFlag } from '../args/commandSpec';
import { cmdError, usageFailure } from '../args/errors';
import { lookupResourceType } from '../args/resources';
import type { JsonObject } from '../printers/json';
import type { GenerateContext, GenerateResult } from './context';
import { createPreamble, finishCreate, namespaceIfEnforced } from './createCommon';

const RBAC = 'rbac.authorization.k8s.io';
/** validResourceVerbs; anything else only warns. */
const VERBS = new Set(['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'redirect', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']);

/** rulesFor builds one PolicyRule per API group (groups sorted), or kubectl's complaint. */
function rulesFor(cmd: ParsedCommand, nonResourceURLs: string[]): { rules: JsonObject[]; warnings: string } | GenerateResult {
  const verbs = listFlag(cmd, 'verb').flatMap((v) => v.split(',')).filter(Boolean);
  const resources = listFlag(cmd, 'resource').flatMap((r) => r.split(',')).filter(Boolean);
  const resourceNames = listFlag(cmd, 'resource-name').flatMap((r) => r.split(',')).filter(Boolean);
  if (verbs.length === 0) return cmdError('at least one verb must be specified');
  if (resources.length === 0 && nonResourceURLs.length === 0) return cmdError('at least one resource must be specified');
  const warnings = verbs.filter((v) => !VERBS.has(v)).map((v) => `Warning: '${v}' is not a standard resource verb\n`).join('');
  const byGroup = new Map<string, string[]>();
  for (const typed of resources) {
    const [base, sub] = typed.split('/');
    const type = lookupResourceType(base);
    if (!type) return usageFailure(`the server doesn't have a resource type "${base}"\n`);
    const name = sub ? `${type.plural}/${sub}` : type.plural;
    const list = byGroup.get(type.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(type.group, list);
  }
  const rules: JsonObject[] = [...byGroup.keys()].sort().map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group)!,
    ...(resourceNames.length ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length > 0) rules.push({ verbs, nonResourceURLs });
  return { rules, warnings };
}

function withWarnings(result: GenerateResult, warnings: string): GenerateResult {
  return warnings && result.kind === 'generated' ? { ...result, warnings: `${warnings}${result.warnings}` } : result;
}

/** createRole builds `kubectl create role NAME --verb=... --resource=... [--resource-name=...]`. */
export function createRole(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const built = rulesFor(cmd, []);
  if ('kind' in built) return built;
  const role: JsonObject = { kind: 'Role', apiVersion: `${RBAC}/v1`, metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' }, rules: built.rules };
  return withWarnings(finishCreate(cmd, pre, role), built.warnings);
}

/** createClusterRole adds --non-resource-url and --aggregation-rule to createRole. */
export function createClusterRole(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const aggregation = stringFlag(cmd, 'aggregation-rule');
  if (aggregation) {
    const matchLabels = Object.fromEntries(aggregation.split(',').map((kv) => kv.split('=')));
    const role: JsonObject = { kind: 'ClusterRole', apiVersion: `${RBAC}/v1`, metadata: { name: pre.name }, rules: [], aggregationRule: { clusterRoleSelectors: [{ matchLabels }] } };
    return finishCreate(cmd, pre, role);
  }
  const built = rulesFor(cmd, listFlag(cmd, 'non-resource-url').flatMap((u) => u.split(',')).filter(Boolean));
  if ('kind' in built) return built;
  return withWarnings(finishCreate(cmd, pre, { kind: 'ClusterRole', apiVersion: `${RBAC}/v1`, metadata: { name: pre.name }, rules: built.rules }), built.warnings);
}

/** subjectsOf lists users, then groups, then service accounts (`namespace:name`). */
function subjectsOf(cmd: ParsedCommand): JsonObject[] | GenerateResult {
  const subjects: JsonObject[] = [];
  for (const name of listFlag(cmd, 'user')) subjects.push({ kind: 'User', apiGroup: RBAC, name });
  for (const name of listFlag(cmd, 'group')) subjects.push({ kind: 'Group', apiGroup: RBAC, name });
  for (const sa of listFlag(cmd, 'serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return cmdError(`serviceaccount must be <namespace>:<name>`);
    subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return subjects;
}

/** createRoleBinding builds `kubectl create rolebinding NAME --role=|--clusterrole= [--user] [--group] [--serviceaccount]`. */
export function createRoleBinding(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const role = stringFlag(cmd, 'role');
  const clusterRole = stringFlag(cmd, 'clusterrole');
  if ((role === '') === (clusterRole === '')) return cmdError('exactly one of clusterrole or role must be specified');
  const subjects = subjectsOf(cmd);
  if (!Array.isArray(subjects)) return subjects;
  const binding: JsonObject = {
    kind: 'RoleBinding', apiVersion: `${RBAC}/v1`, metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' },
    subjects, roleRef: { apiGroup: RBAC, kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
  };
  return finishCreate(cmd, pre, binding);
}

/** createClusterRoleBinding builds `kubectl create clusterrolebinding NAME --clusterrole= ...`. */
export function createClusterRoleBinding(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  const subjects = subjectsOf(cmd);
  if (!Array.isArray(subjects)) return subjects;
  const binding: JsonObject = { kind: 'ClusterRoleBinding', apiVersion: `${RBAC}/v1`, metadata: { name: pre.name }, subjects, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: stringFlag(cmd, 'clusterrole') } };
  return finishCreate(cmd, pre, binding);
}

/** createServiceAccount builds `kubectl create serviceaccount NAME`. */
export function createServiceAccount(cmd: ParsedCommand, ctx: GenerateContext): GenerateResult {
  const pre = createPreamble(cmd, ctx);
  if ('kind' in pre) return pre;
  return finishCreate(cmd, pre, { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: pre.name, namespace: namespaceIfEnforced(pre) ?? '' } });
}
