import { flat } from './flat';

/**
 * The API resources the simulated kube-apiserver serves (its discovery document): group, version,
 * plural resource name, Kind, scope and short names, as `kubectl api-resources` lists them in
 * v1.32. Storage keys follow the apiserver's etcd layout `/registry/<resource>/<ns>/<name>`
 * (a few resources keep legacy prefixes, e.g. services → `/registry/services/specs`).
 */
export interface ResourceInfo {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  /** etcd key prefix segment(s) after /registry/ (defaults to `resource`). */
  storagePrefix: string;
}

const r = (
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
  storagePrefix = resource,
): ResourceInfo => ({ group, version, resource, kind, singular: kind.toLowerCase(), namespaced, shortNames, storagePrefix });

// Storage prefixes: pkg/registry/*/storage and k8s.io/apiserver storage defaults (services use
// "services/specs", endpoints "services/endpoints", nodes "minions", events "events").
export const RESOURCES: readonly ResourceInfo[] = [
  r('', 'v1', 'pods', 'Pod', true, ['po']),
  r('', 'v1', 'services', 'Service', true, ['svc'], 'services/specs'),
  r('', 'v1', 'endpoints', 'Endpoints', true, ['ep'], 'services/endpoints'),
  r('', 'v1', 'nodes', 'Node', false, ['no'], 'minions'),
  r('', 'v1', 'namespaces', 'Namespace', false, ['ns']),
  r('', 'v1', 'events', 'Event', true, ['ev']),
  r('', 'v1', 'configmaps', 'ConfigMap', true, ['cm']),
  r('', 'v1', 'secrets', 'Secret', true),
  r('', 'v1', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  r('', 'v1', 'resourcequotas', 'ResourceQuota', true, ['quota']),
  r('', 'v1', 'limitranges', 'LimitRange', true, ['limits']),
  r('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc']),
  r('', 'v1', 'persistentvolumes', 'PersistentVolume', false, ['pv']),
  r('apps', 'v1', 'deployments', 'Deployment', true, ['deploy']),
  r('apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs']),
  r('apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts']),
  r('apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds']),
  r('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true),
  r('batch', 'v1', 'jobs', 'Job', true),
  r('batch', 'v1', 'cronjobs', 'CronJob', true, ['cj']),
  r('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa']),
  r('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, ['pdb']),
  r('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, ['pc']),
  r('coordination.k8s.io', 'v1', 'leases', 'Lease', true),
  r('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, ['sc']),
  r('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true),
  r('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, ['ing'], 'ingress'),
  r('networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false),
  r('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol']),
  r('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  r('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  r('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  r('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  // Create-only and never stored: `kubectl auth can-i` asks through it.
  r('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false),
  r('authorization.k8s.io', 'v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false),
];

const byResource = new Map(RESOURCES.map((info) => [info.resource, info]));
const byKind = new Map(RESOURCES.map((info) => [info.kind, info]));

/** resourceInfo looks up a plural resource name (`deployments`); throws on an unknown one (a bug). */
export function resourceInfo(resource: string): ResourceInfo {
  const info = byResource.get(resource);
  if (!info) throw new Error(`unknown resource ${resource}`);
  return info;
}

export function findResource(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

/** apiVersion is `group/version`, or just `version` for the core group. */
export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** groupResource is how the apiserver names a resource in messages: `deployments.apps`, `pods`. */
export function groupResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** storageKey is the etcd key of an object: /registry/<prefix>/<namespace>/<name>. */
export function storageKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? flat('/registry/', info.storagePrefix, '/', `${namespace}`, '/', name) : flat('/registry/', info.storagePrefix, '/', name);
}

/** storagePrefixOf is the etcd key prefix of a resource, optionally within one namespace. */
export function storagePrefixOf(info: ResourceInfo, namespace?: string): string {
  return info.namespaced && namespace ? `/registry/${info.storagePrefix}/${namespace}/` : `/registry/${info.storagePrefix}/`;
}
