// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) RoleDescriber, ClusterRoleDescriber,
// RoleBindingDescriber, ClusterRoleBindingDescriber and ServiceAccountDescriber.
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { combineResourceGroup, compactedRules, goList } from './policyRules';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';

/** describeRole covers Role and ClusterRole: rules broken down, compacted and sorted. */
export function describeRole(role: Role | ClusterRole): string {
  const rules = compactedRules((role.rules ?? []) as never);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata?.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) w.write(LEVEL_1, `${combineResourceGroup(r)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  });
}

/** describeRoleBinding covers RoleBinding and ClusterRoleBinding. */
export function describeRoleBinding(binding: RoleBinding | ClusterRoleBinding): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${binding.roleRef.kind}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef.name}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}

/**
 * describeServiceAccount: the three secret lists in header order (sets.StringKeySet sorts them),
 * `<none>` for an empty one; k8sim creates no legacy token Secrets, so Tokens lists none.
 */
export function describeServiceAccount(sa: ServiceAccount, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata?.annotations);
    const lists: Array<[string, string[]]> = [
      ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
      ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
      ['Tokens:            ', []],
    ];
    for (const [header, names] of lists) {
      if (names.length === 0) w.write(LEVEL_0, `${header}\t<none>\n`);
      names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${name}\n`));
    }
    if (options.showEvents !== false) {
      describeEvents(searchEvents(lookup, { name: sa.metadata?.name ?? '', namespace: sa.metadata?.namespace ?? '', kind: 'ServiceAccount', uid: sa.metadata?.uid }), w, options.nowMs);
    }
  });
}
