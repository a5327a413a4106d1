import type { Status } from 'kubernetes-types/meta/v1';
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-types/rbac/v1';
import { newForbidden } from '../../api/status';
import type { ResourceInfo } from '../../api/resources';
import { cacherFor, traceStage, type ServerContext } from '../context';
import type { ApiRequest, ApiResult } from '../request';
import { componentAllowed } from './componentAccess';
import { forbiddenMessage, rbacAuthorize, rulesFor, type Attributes, type Decision, type RbacObjects } from './rbac';

/**
 * attributesOf maps a request to authorizer attributes (the verb of the HTTP handler chain). A
 * request for one namespace object (/api/v1/namespaces/NAME) is in that namespace: the request
 * info factory reads the namespace from the path (apiserver/pkg/endpoints/request/requestinfo.go).
 */
export function attributesOf(info: ResourceInfo, req: ApiRequest): Attributes {
  const namespace = info.namespaced ? req.namespace : info.resource === 'namespaces' ? req.name : undefined;
  return { verb: req.verb, group: info.group, resource: info.resource, subresource: req.subresource, namespace, name: req.name };
}

/** authorize decides a request: the components' fast path, then RBAC over the watch caches. */
export function authorize(ctx: ServerContext, user: ApiRequest['user'], a: Attributes): Decision {
  const component = componentAllowed(user);
  if (component) return { allowed: true, reason: component };
  return rbacAuthorize(rbacObjects(ctx), user, a);
}

/**
 * authorizeRequest runs the authorization stage: a trace event with the decision, and the
 * apiserver's Forbidden status when denied (`pods is forbidden: User "jane" cannot list ...`).
 */
export function authorizeRequest(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Status | undefined {
  // Every user may ask what they may do (system:basic-user allows the self-subject reviews).
  if (info.resource === 'selfsubjectaccessreviews' || info.resource === 'selfsubjectrulesreviews') {
    traceStage(ctx, req, 'authz', { decision: 'allow', reason: 'RBAC: allowed by ClusterRoleBinding "system:basic-user"' });
    return undefined;
  }
  const a = attributesOf(info, req);
  const decision = authorize(ctx, req.user, a);
  traceStage(ctx, req, 'authz', { decision: decision.allowed ? 'allow' : 'deny', reason: decision.reason });
  if (decision.allowed) return undefined;
  const status = newForbidden({ group: info.group, resource: info.resource }, req.name ?? '', forbiddenMessage(req.user, a)) as Status;
  traceStage(ctx, req, 'refused', { stage: 'authz', code: 403, message: status.message });
  return status;
}

/**
 * nonResourceAllowed decides a GET of a non-resource path (/metrics) by RBAC's nonResourceURLs
 * rules (an exact path, or a prefix ending in `*`).
 */
export function nonResourceAllowed(ctx: ServerContext, user: ApiRequest['user'], path: string): boolean {
  if (componentAllowed(user)) return true;
  return rulesFor(rbacObjects(ctx), user, '').some(
    (r) => (r.verbs.includes('get') || r.verbs.includes('*')) && (r.nonResourceURLs ?? []).some((u) => u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1)))),
  );
}

/**
 * selfSubjectAccessReview answers `kubectl auth can-i`: the review's spec.resourceAttributes
 * decided for the requesting user; nothing is stored.
 */
export function selfSubjectAccessReview(ctx: ServerContext, req: ApiRequest): ApiResult {
  const spec = (req.body as { spec?: { resourceAttributes?: Partial<Attributes> & { namespace?: string } } } | undefined)?.spec?.resourceAttributes ?? {};
  const a: Attributes = { verb: spec.verb ?? '', group: spec.group ?? '', resource: spec.resource ?? '', subresource: spec.subresource || undefined, namespace: spec.namespace || undefined, name: spec.name || undefined };
  const decision = authorize(ctx, req.user, a);
  const object = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    metadata: { creationTimestamp: null },
    spec: { resourceAttributes: spec },
    status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
  };
  return { ok: true, object: object as never };
}

function rbacObjects(ctx: ServerContext): RbacObjects {
  const all = <T>(resource: string): T[] => {
    const listed = cacherFor(ctx, resource).list({});
    return listed.ok ? (listed.items as T[]) : [];
  };
  return { roles: all<Role>('roles'), roleBindings: all<RoleBinding>('rolebindings'), clusterRoles: all<ClusterRole>('clusterroles'), clusterRoleBindings: all<ClusterRoleBinding>('clusterrolebindings') };
}

/**
 * selfSubjectRulesReview answers `kubectl auth can-i --list`: the rules RBAC grants the requesting
 * user in spec.namespace, split into resource and non-resource rules; nothing is stored.
 */
export function selfSubjectRulesReview(ctx: ServerContext, req: ApiRequest): ApiResult {
  const namespace = (req.body as { spec?: { namespace?: string } } | undefined)?.spec?.namespace ?? '';
  const component = componentAllowed(req.user);
  const rules = component ? [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }] : rulesFor(rbacObjects(ctx), req.user, namespace);
  const object = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectRulesReview',
    metadata: { creationTimestamp: null },
    spec: { namespace },
    status: {
      resourceRules: rules.filter((r) => r.resources?.length).map((r) => ({ verbs: r.verbs, ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}), resources: r.resources, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}) })),
      nonResourceRules: rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
      incomplete: false,
    },
  };
  return { ok: true, object: object as never };
}
