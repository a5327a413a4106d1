// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printRole,
// printClusterRole (NAME, CREATED AT as RFC 3339), printRoleBinding and printClusterRoleBinding
// (NAME, ROLE as Kind/name, AGE; -o wide adds USERS, GROUPS, SERVICEACCOUNTS).
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import { translateTimestampSince } from '../humanDuration';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

const roleColumns = [NAME_COLUMN, col('Created At')];

export const rolePrinter: ResourcePrinter<Role | ClusterRole> = {
  columns: roleColumns,
  printRow: (r) => [r.metadata?.name ?? '', r.metadata?.creationTimestamp ?? ''],
};

/** subjectsOf splits a binding's subjects as the wide columns list them. */
function subjectsOf(subjects: Subject[] | undefined, bindingNamespace: string): [string, string, string] {
  const of = (kind: string) => (subjects ?? []).filter((s) => s.kind === kind);
  const serviceAccounts = of('ServiceAccount').map((s) => `${s.namespace || bindingNamespace}/${s.name}`);
  return [of('User').map((s) => s.name).join(', '), of('Group').map((s) => s.name).join(', '), serviceAccounts.join(', ')];
}

export const roleBindingPrinter: ResourcePrinter<RoleBinding | ClusterRoleBinding> = {
  columns: [NAME_COLUMN, col('Role'), AGE_COLUMN, col('Users', 1), col('Groups', 1), col('ServiceAccounts', 1)],
  printRow(b, { nowMs, wide }) {
    const cells = [b.metadata?.name ?? '', `${b.roleRef.kind}/${b.roleRef.name}`, translateTimestampSince(b.metadata?.creationTimestamp, nowMs)];
    return wide ? [...cells, ...subjectsOf(b.subjects, b.metadata?.namespace ?? '')] : cells;
  },
};
