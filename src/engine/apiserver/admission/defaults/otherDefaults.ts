// Mirrors kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Secret, SetDefaults_Namespace,
// SetDefaults_NamespaceStatus, SetDefaults_NodeStatus, SetDefaults_ResourceList on quota lists),
// pkg/apis/scheduling/v1/defaults.go (SetDefaults_PriorityClass), v1.32.
import type { Namespace, Node, ResourceQuota, Secret } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { setDefaultsResourceList } from './podDefaults';

/** setDefaultsSecret: type Opaque. */
export function setDefaultsSecret(secret: Secret): void {
  if (!secret.type) secret.type = 'Opaque';
}

/** setDefaultsNamespace: the kubernetes.io/metadata.name label (named namespaces only) and phase Active. */
export function setDefaultsNamespace(ns: Namespace): void {
  const name = ns.metadata?.name ?? '';
  if (name.length > 0) {
    ns.metadata!.labels ??= {};
    ns.metadata!.labels['kubernetes.io/metadata.name'] = name;
  }
  ns.status ??= {};
  if (!ns.status.phase) ns.status.phase = 'Active';
}

/** setDefaultsNode: allocatable = capacity when unset; quantities canonical. */
export function setDefaultsNode(node: Node): void {
  const status = node.status;
  if (!status) return;
  setDefaultsResourceList(status.capacity);
  setDefaultsResourceList(status.allocatable);
  if (!status.allocatable && status.capacity) status.allocatable = { ...status.capacity };
}

/** setDefaultsResourceQuota: canonical quantities in spec.hard and status. */
export function setDefaultsResourceQuota(rq: ResourceQuota): void {
  setDefaultsResourceList(rq.spec?.hard);
  setDefaultsResourceList(rq.status?.hard);
  setDefaultsResourceList(rq.status?.used);
}

/** setDefaultsPriorityClass: preemptionPolicy PreemptLowerPriority. */
export function setDefaultsPriorityClass(pc: PriorityClass): void {
  if (!pc.preemptionPolicy) pc.preemptionPolicy = 'PreemptLowerPriority';
}

/**
 * setDefaultsLimitRange is SetDefaults_LimitRangeItem for every Container item: default limit from
 * max, default request from the default limit, else from min.
 */
export function setDefaultsLimitRange(lr: { spec?: { limits?: Array<{ type?: string; default?: Record<string, string>; defaultRequest?: Record<string, string>; max?: Record<string, string>; min?: Record<string, string> }> } }): void {
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    item.default ??= {};
    item.defaultRequest ??= {};
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in item.default)) item.default[k] = v;
    for (const [k, v] of Object.entries(item.default)) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in item.defaultRequest)) item.defaultRequest[k] = v;
  }
}
