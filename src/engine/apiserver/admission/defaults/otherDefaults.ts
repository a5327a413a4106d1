// Mirrors kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Secret, SetDefaults_Namespace,
// SetDefaults_NamespaceStatus, SetDefaults_NodeStatus, SetDefaults_ResourceList on quota lists),
// SetDefaults_PersistentVolume(Claim)), pkg/apis/scheduling/v1/defaults.go (SetDefaults_PriorityClass),
// pkg/apis/storage/v1/defaults.go (SetDefaults_StorageClass), v1.32.
import type {
  Namespace, Node, PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimStatus, PersistentVolumeStatus, ResourceQuota, Secret,
} from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
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

/** setDefaultsPersistentVolume: phase Pending, reclaim policy Retain, volumeMode Filesystem, hostPath type "". */
export function setDefaultsPersistentVolume(pv: PersistentVolume): void {
  pv.spec ??= {};
  pv.spec.persistentVolumeReclaimPolicy ||= 'Retain';
  pv.spec.volumeMode ??= 'Filesystem';
  if (pv.spec.hostPath) pv.spec.hostPath.type ??= '';
  const status = ((pv as { status?: PersistentVolumeStatus }).status ??= {});
  status.phase ||= 'Pending';
}

/** setDefaultsPersistentVolumeClaim: phase Pending, volumeMode Filesystem. */
export function setDefaultsPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  pvc.spec ??= {};
  pvc.spec.volumeMode ??= 'Filesystem';
  const status = ((pvc as { status?: PersistentVolumeClaimStatus }).status ??= {});
  status.phase ||= 'Pending';
}

/** setDefaultsStorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function setDefaultsStorageClass(sc: StorageClass): void {
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}
