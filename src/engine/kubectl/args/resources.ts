// The resource types the simulator serves, as kubectl's RESTMapper knows them from API
// discovery (GET /api/v1, /apis/<group>/<version>): plural resource name, singular, short
// names, kind, preferred apiVersion, namespaced. Mirrors the discovery documents of a v1.32
// apiserver (pkg/registry/*/rest storage ShortNames / SingularName).

/** ResourceType is one row of API discovery. */
export interface ResourceType {
  plural: string;
  singular: string;
  shortNames: readonly string[];
  kind: string;
  /** group is '' for the core group. */
  group: string;
  apiVersion: string;
  namespaced: boolean;
}

function r(plural: string, kind: string, apiVersion: string, namespaced: boolean, shortNames: string[] = []): ResourceType {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return { plural, singular: kind.toLowerCase(), shortNames, kind, group, apiVersion, namespaced };
}

/** RESOURCE_TYPES lists served resource types in discovery order (core group first). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  r('bindings', 'Binding', 'v1', true),
  r('componentstatuses', 'ComponentStatus', 'v1', false, ['cs']),
  r('configmaps', 'ConfigMap', 'v1', true, ['cm']),
  r('endpoints', 'Endpoints', 'v1', true, ['ep']),
  r('events', 'Event', 'v1', true, ['ev']),
  r('limitranges', 'LimitRange', 'v1', true, ['limits']),
  r('namespaces', 'Namespace', 'v1', false, ['ns']),
  r('nodes', 'Node', 'v1', false, ['no']),
  r('persistentvolumeclaims', 'PersistentVolumeClaim', 'v1', true, ['pvc']),
  r('persistentvolumes', 'PersistentVolume', 'v1', false, ['pv']),
  r('pods', 'Pod', 'v1', true, ['po']),
  r('podtemplates', 'PodTemplate', 'v1', true),
  r('replicationcontrollers', 'ReplicationController', 'v1', true, ['rc']),
  r('resourcequotas', 'ResourceQuota', 'v1', true, ['quota']),
  r('secrets', 'Secret', 'v1', true),
  r('serviceaccounts', 'ServiceAccount', 'v1', true, ['sa']),
  r('services', 'Service', 'v1', true, ['svc']),
  r('controllerrevisions', 'ControllerRevision', 'apps/v1', true),
  r('daemonsets', 'DaemonSet', 'apps/v1', true, ['ds']),
  r('deployments', 'Deployment', 'apps/v1', true, ['deploy']),
  r('replicasets', 'ReplicaSet', 'apps/v1', true, ['rs']),
  r('statefulsets', 'StatefulSet', 'apps/v1', true, ['sts']),
  r('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling/v2', true, ['hpa']),
  r('cronjobs', 'CronJob', 'batch/v1', true, ['cj']),
  r('jobs', 'Job', 'batch/v1', true),
  r('leases', 'Lease', 'coordination.k8s.io/v1', true),
  r('endpointslices', 'EndpointSlice', 'discovery.k8s.io/v1', true),
  r('ingressclasses', 'IngressClass', 'networking.k8s.io/v1', false),
  r('ingresses', 'Ingress', 'networking.k8s.io/v1', true, ['ing']),
  r('networkpolicies', 'NetworkPolicy', 'networking.k8s.io/v1', true, ['netpol']),
  r('poddisruptionbudgets', 'PodDisruptionBudget', 'policy/v1', true, ['pdb']),
  r('clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', false),
  r('clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io/v1', false),
  r('rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io/v1', true),
  r('roles', 'Role', 'rbac.authorization.k8s.io/v1', true),
  r('priorityclasses', 'PriorityClass', 'scheduling.k8s.io/v1', false, ['pc']),
  r('storageclasses', 'StorageClass', 'storage.k8s.io/v1', false, ['sc']),
];

/**
 * lookupResourceType resolves what a user typed for TYPE (`po`, `pods`, `pod`, `Pod`,
 * `deployments.apps`, `deploy.v1.apps`) the way kubectl's shortcut expander + RESTMapper do:
 * short names, plural and singular resource names and kinds, case-insensitively, with an
 * optional `.version.group` / `.group` qualifier.
 */
export function lookupResourceType(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot < 0 ? lower : lower.slice(0, dot);
  const qualifier = dot < 0 ? '' : lower.slice(dot + 1);
  return RESOURCE_TYPES.find((t) => {
    const names = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
    if (!names.includes(name)) return false;
    if (qualifier === '') return true;
    const version = t.apiVersion.split('/').pop() as string;
    return qualifier === t.group || qualifier === `${version}.${t.group}` || (t.group === '' && qualifier === version);
  });
}

/** resourceTypeForKind finds the row for an object's apiVersion + kind. */
export function resourceTypeForKind(apiVersion: string, kind: string): ResourceType | undefined {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return RESOURCE_TYPES.find((t) => t.kind === kind && t.group === group);
}
