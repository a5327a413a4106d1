// Mirrors kubernetes pkg/controller/controller_utils.go: pod activity, ReplicaSet orderings,
// controller references and GetPodFromTemplate.

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { deepClone, type KubeObject } from '../api/object';

/** isPodActive: not finished and not being deleted (the pods a ReplicaSet counts). */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function filterActivePods<T extends Pod>(pods: readonly T[]): T[] {
  return pods.filter(isPodActive);
}

/** specReplicas reads spec.replicas with the API default of 1 (SetDefaults_ReplicaSet/Deployment). */
export function specReplicas(obj: { spec?: { replicas?: number } }): number {
  return obj.spec?.replicas ?? 1;
}

/** filterActiveReplicaSets keeps ReplicaSets that want pods (spec.replicas > 0). */
export function filterActiveReplicaSets<T extends ReplicaSet>(rss: ReadonlyArray<T | undefined>): T[] {
  return rss.filter((rs): rs is T => rs !== undefined && specReplicas(rs) > 0);
}

/** byCreationTimestamp orders oldest first, then by name (ReplicaSetsByCreationTimestamp). */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata?.creationTimestamp ?? '';
  const tb = b.metadata?.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** bySizeOlder: larger first; equal sizes oldest first (ReplicaSetsBySizeOlder, scaling down). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicas(b) - specReplicas(a);
  return diff !== 0 ? diff : byCreationTimestamp(a, b);
}

/** bySizeNewer: larger first; equal sizes newest first (ReplicaSetsBySizeNewer, scaling up). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const diff = specReplicas(b) - specReplicas(a);
  return diff !== 0 ? diff : byCreationTimestamp(b, a);
}

/** getControllerOf returns the ownerReference with controller: true (metav1.GetControllerOf). */
export function getControllerOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata?.ownerReferences ?? []).find((ref) => ref.controller === true);
}

/**
 * controllerRefsEqual is reflect.DeepEqual on two controller references (either may be absent),
 * field by field: pod event handlers ask it on every pod update.
 */
export function controllerRefsEqual(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.uid === b.uid && a.name === b.name && a.kind === b.kind && a.apiVersion === b.apiVersion && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion;
}

/** labelsEqual is reflect.DeepEqual on two label maps (order does not matter; absent equals empty). */
export function labelsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const left = a ?? {};
  const right = b ?? {};
  let count = 0;
  for (const key in left) {
    if (left[key] !== right[key]) return false;
    count++;
  }
  return count === Object.keys(right).length;
}

/** newControllerRef is metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata?.name ?? '', uid: owner.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** podKey is controller.PodKey: `namespace/name`. */
export function podKey(pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * getPodsPrefix is the generateName of a controller's pods: `<controller>-` when that is a valid
 * name prefix (ValidatePodName with prefix=true appends a character before checking), else the
 * bare name.
 */
export function getPodsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  const candidate = `${prefix}a`;
  return candidate.length <= 253 && DNS1123_SUBDOMAIN.test(candidate) ? prefix : controllerName;
}

/**
 * getPodFromTemplate builds the pod a controller creates: the template's labels, annotations and
 * finalizers, `generateName: <parent>-`, the controller's ownerReference and a copy of the spec.
 * The apiserver picks the 5 random characters of the name.
 */
export function getPodFromTemplate(template: PodTemplateSpec, parent: KubeObject, controllerRef: OwnerReference): Pod {
  const source = template.metadata ?? {};
  const metadata: Pod['metadata'] = { generateName: getPodsPrefix(parent.metadata?.name ?? ''), namespace: parent.metadata?.namespace };
  if (source.labels) metadata.labels = { ...source.labels };
  if (source.annotations) metadata.annotations = { ...source.annotations };
  if (source.finalizers) metadata.finalizers = [...source.finalizers];
  metadata.ownerReferences = [controllerRef];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: deepClone(template.spec ?? { containers: [] }) };
}
