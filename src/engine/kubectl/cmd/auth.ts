// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (v1.32): `kubectl auth can-i VERB
// TYPE[/NAME] [NAME]` creates a SelfSubjectAccessReview and prints yes or no (exit 0 or 1).
import { RESOURCES, type ResourceInfo } from '../../api/resources';
import { boolFlag, stringFlag } from '../args/commandSpec';
import type { Task } from '../../sim/task';
import { wait } from '../../sim/task';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { failStatus, type KubectlContext } from './context';

/** resolveType finds a resource as kubectl's RESTMapper would: plural, singular, short name or plural.group. */
export function resolveType(text: string): ResourceInfo | undefined {
  const [name, ...groupParts] = text.toLowerCase().split('.');
  const group = groupParts.join('.');
  return RESOURCES.find((r) => (r.resource === name || r.singular === name || r.shortNames.includes(name)) && (group === '' || r.group === group));
}

export function* authCanI(ctx: KubectlContext): Task<number> {
  const { cmd, io } = ctx;
  if (boolFlag(cmd, 'list')) return yield* listAccess(ctx);
  const [verb, target, extraName] = cmd.args;
  const [typeText, slashName] = target.split('/', 2);
  const info = resolveType(typeText);
  if (!info) io.err(`Warning: the server doesn't have a resource type '${typeText}'\n`);
  const namespace = boolFlag(cmd, 'all-namespaces') ? '' : info && !info.namespaced ? '' : ctx.namespace;
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: {
      resourceAttributes: {
        namespace,
        verb,
        group: info?.group ?? '',
        resource: info?.resource ?? typeText,
        subresource: stringFlag(cmd, 'subresource'),
        name: slashName ?? extraName ?? '',
      },
    },
  };
  const result = yield* wait(ctx.client.create<typeof review & { status?: { allowed?: boolean; reason?: string } }>('selfsubjectaccessreviews', review as never));
  if (!result.ok) return failStatus(ctx, result.status);
  const allowed = result.object.status?.allowed === true;
  if (!boolFlag(cmd, 'quiet')) io.out(allowed ? 'yes\n' : 'no\n');
  return allowed ? 0 : 1;
}

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/**
 * listAccess is `can-i --list` (printStatus): a SelfSubjectRulesReview, its rules broken down to
 * one resource/verb each (BreakdownRule), simple ones merged again per resource (CompactRules),
 * sorted by the rule's Go String() and printed as Resources / Non-Resource URLs / Resource Names
 * / Verbs with Go's %v of each list.
 */
function* listAccess(ctx: KubectlContext): Task<number> {
  const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: ctx.namespace } };
  const result = yield* wait(ctx.client.create<typeof review & { status?: { resourceRules?: Partial<Rule>[]; nonResourceRules?: Partial<Rule>[] } }>('selfsubjectrulesreviews', review as never));
  if (!result.ok) return failStatus(ctx, result.status);
  const status = result.object.status ?? {};
  const full = (r: Partial<Rule>): Rule => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: r.nonResourceURLs ?? [] });
  const broken = [...(status.resourceRules ?? []), ...(status.nonResourceRules ?? [])].map(full).flatMap(breakdown);
  const rules = compact(broken).sort((a, b) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0));
  const list = (items: string[]) => `[${items.join(' ')}]`;
  const lines = [...(boolFlag(ctx.cmd, 'no-headers') ? [] : ['Resources\tNon-Resource URLs\tResource Names\tVerbs\n'])];
  for (const r of rules) lines.push(`${combineResourceGroup(r)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`);
  ctx.io.out(formatTabbed(lines.join(''), TABLE_TABWRITER));
  return 0;
}

function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups) {
    for (const resource of rule.resources) {
      for (const verb of rule.verbs) {
        const names = rule.resourceNames.length > 0 ? rule.resourceNames.map((n) => [n]) : [[]];
        for (const resourceNames of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames, nonResourceURLs: [] });
      }
    }
  }
  for (const url of rule.nonResourceURLs) for (const verb of rule.verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** compact merges the verbs of simple rules (one group, one resource, at most one name), first-seen order. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if (r.apiGroups.length === 1 && r.resources.length === 1 && r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0) {
      const key = `${r.apiGroups[0]}|${r.resources[0]}|${r.resourceNames[0] ?? ''}`;
      const existing = simple.get(key);
      if (existing) existing.verbs.push(...r.verbs);
      else simple.set(key, { ...r, verbs: [...r.verbs] });
    } else out.push(r);
  }
  return [...out, ...simple.values()];
}

/** goString is rbacv1.PolicyRule's generated String(), the sort key. */
function goString(r: Rule): string {
  const v = (items: string[]) => `[${items.join(' ')}]`;
  return `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
}

/** combineResourceGroup is describe.CombineResourceGroup: `pods`, `deployments.apps`, `*.*`, `pods/log`. */
function combineResourceGroup(r: Rule): string {
  if (r.resources.length === 0) return '';
  const [resource, sub] = r.resources[0].split('/', 2);
  let out = resource;
  if (r.apiGroups.length > 0 && r.apiGroups[0] !== '') out += `.${r.apiGroups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}
