// Mirrors plugin/pkg/auth/authorizer/rbac (rbac.go, VisitRulesFor) and
// pkg/apis/rbac/v1/evaluation_helpers.go (RuleAllows: VerbMatches, APIGroupMatches,
// ResourceMatches with "resource/subresource" and "*/subresource", ResourceNameMatches), v1.32.
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { UserInfo } from '../request';

/** Attributes are what a request asks to do (authorizer.Attributes for a resource request). */
export interface Attributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface RbacObjects {
  roles: readonly Role[];
  roleBindings: readonly RoleBinding[];
  clusterRoles: readonly ClusterRole[];
  clusterRoleBindings: readonly ClusterRoleBinding[];
}

export type Decision = { allowed: true; reason: string } | { allowed: false; reason: string };

/** ruleAllows is RuleAllows for a resource request. */
export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  const verbs = rule.verbs ?? [];
  if (!verbs.includes('*') && !verbs.includes(a.verb)) return false;
  const groups = rule.apiGroups ?? [];
  if (!groups.includes('*') && !groups.includes(a.group)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resources = rule.resources ?? [];
  const resourceOk = resources.some((r) => r === '*' || r === combined || (a.subresource !== undefined && r === `*/${a.subresource}`));
  if (!resourceOk) return false;
  const names = rule.resourceNames ?? [];
  return names.length === 0 || (a.name !== undefined && a.name !== '' && names.includes(a.name));
}

/** appliesTo is whether a binding's subject is this user (appliesToUser). */
export function appliesTo(subject: Subject, user: UserInfo, bindingNamespace: string): boolean {
  if (subject.kind === 'User') return subject.name === user.username;
  if (subject.kind === 'Group') return user.groups.includes(subject.name);
  if (subject.kind === 'ServiceAccount') return user.username === `system:serviceaccount:${subject.namespace || bindingNamespace}:${subject.name}`;
  return false;
}

/**
 * rbacAuthorize visits the ClusterRoleBindings, then the RoleBindings of the request's namespace,
 * and allows on the first rule that matches, with upstream's reason text
 * (`RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "jane"`).
 */
export function rbacAuthorize(objects: RbacObjects, user: UserInfo, a: Attributes): Decision {
  const clusterRole = (name: string) => objects.clusterRoles.find((r) => r.metadata?.name === name);
  for (const binding of objects.clusterRoleBindings) {
    const subject = (binding.subjects ?? []).find((s) => appliesTo(s, user, ''));
    if (!subject || binding.roleRef.kind !== 'ClusterRole') continue;
    if ((clusterRole(binding.roleRef.name)?.rules ?? []).some((r) => ruleAllows(r, a))) {
      return { allowed: true, reason: `RBAC: allowed by ClusterRoleBinding "${binding.metadata?.name}" of ClusterRole "${binding.roleRef.name}" to ${subject.kind} "${subject.name}"` };
    }
  }
  if (a.namespace) {
    for (const binding of objects.roleBindings) {
      if (binding.metadata?.namespace !== a.namespace) continue;
      const subject = (binding.subjects ?? []).find((s) => appliesTo(s, user, a.namespace!));
      if (!subject) continue;
      const role = binding.roleRef.kind === 'ClusterRole' ? clusterRole(binding.roleRef.name) : objects.roles.find((r) => r.metadata?.namespace === a.namespace && r.metadata?.name === binding.roleRef.name);
      if ((role?.rules ?? []).some((r) => ruleAllows(r, a))) {
        return { allowed: true, reason: `RBAC: allowed by RoleBinding "${binding.metadata?.name}/${a.namespace}" of ${binding.roleRef.kind} "${binding.roleRef.name}" to ${subject.kind} "${subject.name}"` };
      }
    }
  }
  return { allowed: false, reason: '' };
}

/**
 * forbiddenMessage is the apiserver's text for a denied request (k8s.io/apiserver
 * pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage).
 */
export function forbiddenMessage(user: UserInfo, a: Attributes): string {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? ` in the namespace "${a.namespace}"` : ' at the cluster scope';
  return `User "${user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.group}"${scope}`;
}

/**
 * rulesFor is the rule resolver's RulesFor: every rule bound to the user cluster-wide, then those
 * bound in `namespace` (what a SelfSubjectRulesReview returns), in visit order.
 */
export function rulesFor(objects: RbacObjects, user: UserInfo, namespace: string): PolicyRule[] {
  const clusterRole = (name: string) => objects.clusterRoles.find((r) => r.metadata?.name === name);
  const rules: PolicyRule[] = [];
  for (const binding of objects.clusterRoleBindings) {
    if (binding.roleRef.kind !== 'ClusterRole' || !(binding.subjects ?? []).some((s) => appliesTo(s, user, ''))) continue;
    rules.push(...(clusterRole(binding.roleRef.name)?.rules ?? []));
  }
  for (const binding of objects.roleBindings) {
    if (binding.metadata?.namespace !== namespace || !(binding.subjects ?? []).some((s) => appliesTo(s, user, namespace))) continue;
    const role = binding.roleRef.kind === 'ClusterRole' ? clusterRole(binding.roleRef.name) : objects.roles.find((r) => r.metadata?.namespace === namespace && r.metadata?.name === binding.roleRef.name);
    rules.push(...(role?.rules ?? []));
  }
  return rules;
}
