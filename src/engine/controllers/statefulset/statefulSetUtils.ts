// Mirrors kubernetes pkg/controller/statefulset/stateful_set_utils.go (v1.32): pod identity
// (`<set>-<ordinal>`), the ordinal range, stable storage, pod states and newVersionedStatefulSetPod.
// Revisions are in revision.ts, the PVC retention policy in claimRetention.ts.

import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import { deepClone, type KubeObject } from '../../api/object';
import { getPodFromTemplate, newControllerRef } from '../controllerUtils';
import { isPodAvailable, isPodReady } from '../podutil';

/** STATEFUL_SET_POD_NAME_LABEL is apps.StatefulSetPodNameLabel (a Service can select one pod by it). */
export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** POD_INDEX_LABEL is apps.PodIndexLabel; the PodIndexLabel gate is beta and on in v1.32. */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** STATEFUL_SET_REVISION_LABEL is apps.StatefulSetRevisionLabel: the revision name a pod was built from. */
export const STATEFUL_SET_REVISION_LABEL = 'controller-revision-hash';

/** statefulPodRegex: the parent name, a dash, then the ordinal at the end of the pod name. */
const STATEFUL_POD_REGEX = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal splits `web-2` into `web` and 2; a name without an ordinal gives ('', -1). */
export function getParentNameAndOrdinal(pod: Pod): { parent: string; ordinal: number } {
  const match = STATEFUL_POD_REGEX.exec(pod.metadata?.name ?? '');
  if (!match) return { parent: '', ordinal: -1 };
  // strconv.ParseInt(…, 10, 32): ordinals beyond int32 do not parse.
  const ordinal = Number(match[2]);
  return { parent: match[1], ordinal: ordinal <= 2 ** 31 - 1 ? ordinal : -1 };
}

export function getOrdinal(pod: Pod): number {
  return getParentNameAndOrdinal(pod).ordinal;
}

/** getStartOrdinal is spec.ordinals.start (0 when unset): the first ordinal, inclusive. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec?.ordinals?.start ?? 0;
}

/** getEndOrdinal is the last ordinal, inclusive: start + replicas - 1. */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + specReplicas(set) - 1;
}

/** specReplicas is spec.replicas (defaulted to 1 by the apiserver). */
export function specReplicas(set: StatefulSet): number {
  return set.spec?.replicas ?? 1;
}

/** podInOrdinalRange: the pod's ordinal is one of [start, end]; the others are condemned. */
export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const ordinal = getOrdinal(pod);
  return ordinal >= getStartOrdinal(set) && ordinal <= getEndOrdinal(set);
}

export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

/** getPersistentVolumeClaimName is `<template>-<set>-<ordinal>`, e.g. www-web-0. */
export function getPersistentVolumeClaimName(set: StatefulSet, claim: PersistentVolumeClaim, ordinal: number): string {
  return `${claim.metadata?.name ?? ''}-${set.metadata?.name ?? ''}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to the set (the filter of getPodsForStatefulSet). */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentNameAndOrdinal(pod).parent === set.metadata?.name;
}

/** identityMatches: the pod's name, namespace and pod-name label fit its ordinal in the set. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod);
  return ordinal >= 0 && set.metadata?.name === parent && pod.metadata?.name === getPodName(set, ordinal)
    && pod.metadata?.namespace === set.metadata?.namespace && pod.metadata?.labels?.[STATEFUL_SET_POD_NAME_LABEL] === pod.metadata?.name;
}

/** storageMatches: every volumeClaimTemplate is mounted from the pod's own claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  return (set.spec?.volumeClaimTemplates ?? []).every((claim) => volumes.get(claim.metadata?.name ?? '')?.persistentVolumeClaim?.claimName === getPersistentVolumeClaimName(set, claim, ordinal));
}

/**
 * getPersistentVolumeClaims builds the pod's claims from the templates, keyed by template name:
 * named per ordinal, in the set's namespace, labelled with the set's matchLabels.
 */
export function getPersistentVolumeClaims(set: StatefulSet, pod: Pod): Map<string, PersistentVolumeClaim> {
  const ordinal = getOrdinal(pod);
  const claims = new Map<string, PersistentVolumeClaim>();
  for (const template of set.spec?.volumeClaimTemplates ?? []) {
    const { status: _status, ...copy } = deepClone(template);
    const matchLabels = set.spec?.selector?.matchLabels ?? {};
    const claim: PersistentVolumeClaim = { ...copy, apiVersion: 'v1', kind: 'PersistentVolumeClaim' };
    claim.metadata = { ...claim.metadata, name: getPersistentVolumeClaimName(set, template, ordinal), namespace: set.metadata?.namespace };
    claim.metadata.labels = { ...(claim.metadata.labels ?? {}), ...matchLabels };
    claims.set(template.metadata?.name ?? '', claim);
  }
  return claims;
}

/** updateStorage mounts the pod's claims, replacing template volumes of the same name. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const claims = getPersistentVolumeClaims(set, pod);
  const volumes: Volume[] = [...claims].map(([name, claim]) => ({ name, persistentVolumeClaim: { claimName: claim.metadata!.name! } }));
  for (const volume of pod.spec?.volumes ?? []) if (!claims.has(volume.name)) volumes.push(volume);
  pod.spec = { ...(pod.spec ?? { containers: [] }), volumes };
}

/** initIdentity is updateIdentity plus hostname and subdomain, which are immutable after creation. */
export function initIdentity(set: StatefulSet, pod: Pod): void {
  updateIdentity(set, pod);
  pod.spec = { ...(pod.spec ?? { containers: [] }), hostname: pod.metadata!.name, subdomain: set.spec?.serviceName };
}

/** updateIdentity sets the pod's name, namespace, pod-name label and pod-index label from its ordinal. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  const name = getPodName(set, ordinal);
  pod.metadata = { ...pod.metadata, name, namespace: set.metadata?.namespace };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFUL_SET_POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
}

/** isRunningAndReady: phase Running and the Ready condition True (what OrderedReady waits for). */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable: ready for longer than minReadySeconds (podutil.IsPodAvailable). */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number, epochMs: number): boolean {
  return isPodAvailable(pod, minReadySeconds, nowMs, epochMs);
}

/** isCreated: the apiserver set a phase, so the pod exists (a pod built by the controller has none). */
export function isCreated(pod: Pod): boolean {
  return !!pod.status?.phase;
}

export function isPending(pod: Pod): boolean {
  return pod.status?.phase === 'Pending';
}

export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

export function isTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp;
}

/** isUnavailable: not available, or going away. */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowMs: number, epochMs: number): boolean {
  return !isRunningAndAvailable(pod, minReadySeconds, nowMs, epochMs) || isTerminating(pod);
}

/** allowsBurst: podManagementPolicy Parallel lifts the one-at-a-time ordering. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

export function setPodRevision(pod: Pod, revision: string): void {
  pod.metadata = { ...pod.metadata, labels: { ...(pod.metadata?.labels ?? {}), [STATEFUL_SET_REVISION_LABEL]: revision } };
}

export function getPodRevision(pod: Pod): string {
  return pod.metadata?.labels?.[STATEFUL_SET_REVISION_LABEL] ?? '';
}

/** newStatefulSetPod builds the pod of `ordinal` from the set's template: identity first, then storage. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const pod = getPodFromTemplate(set.spec!.template, set as KubeObject, newControllerRef(set as KubeObject, 'apps/v1', 'StatefulSet'));
  // generateName `<set>-` stays, as on real StatefulSet pods; the explicit name wins.
  pod.metadata!.name = getPodName(set, ordinal);
  initIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

/**
 * newVersionedStatefulSetPod builds a missing pod at the current revision when its ordinal is
 * below the partition (or, without rollingUpdate, below start + currentReplicas), else at the
 * update revision. Go's `a && b || c` groups as `(a && b) || c`, kept here.
 */
export function newVersionedStatefulSetPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const strategy = currentSet.spec?.updateStrategy;
  const start = getStartOrdinal(currentSet);
  const atCurrent = (strategy?.type === 'RollingUpdate' && !strategy.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0))
    || (!!strategy?.rollingUpdate && ordinal < start + (strategy.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(atCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, atCurrent ? currentRevision : updateRevision);
  return pod;
}

/** byOrdinalDescending sorts condemned pods highest ordinal first (descendingOrdinal). */
export function byOrdinalDescending(a: Pod, b: Pod): number {
  return getOrdinal(b) - getOrdinal(a);
}
