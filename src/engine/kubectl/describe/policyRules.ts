// PolicyRule helpers kubectl shares between `auth can-i --list` and `describe role|clusterrole`:
// k8s.io/component-helpers/auth/rbac (BreakdownRule, CompactRules, SortableRuleSlice) and
// describe.CombineResourceGroup, v1.32.

export interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** compactedRules: each rule broken down, compacted, and sorted by its String() (what both commands print). */
export function compactedRules(rules: ReadonlyArray<Partial<Rule>>): Rule[] {
  const full = (r: Partial<Rule>): Rule => ({ verbs: r.verbs ?? [], apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [], nonResourceURLs: r.nonResourceURLs ?? [] });
  return compact(rules.map(full).flatMap(breakdown)).sort((a, b) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0));
}

/** goList is Go's %v of a []string: `[a b]`. */
export const goList = (items: readonly string[]) => `[${items.join(' ')}]`;

export function breakdown(rule: Rule): Rule[] {
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
export function compact(rules: Rule[]): Rule[] {
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
export function combineResourceGroup(r: Rule): string {
  if (r.resources.length === 0) return '';
  const [resource, sub] = r.resources[0].split('/', 2);
  let out = resource;
  if (r.apiGroups.length > 0 && r.apiGroups[0] !== '') out += `.${r.apiGroups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}
