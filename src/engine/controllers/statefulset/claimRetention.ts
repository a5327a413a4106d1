// Mirrors kubernetes pkg/controller/statefulset/stateful_set_utils.go (v1.32) for the
// persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC, GA in v1.32): which owner
// references a pod's claims must carry so the garbage collector deletes them at the right time.
//
//   whenScaled  whenDeleted  claim of a pod in range  claim of a scaled-down pod
//   Retain      Retain       no owner                 no owner
//   Retain      Delete       the set                  the set
//   Delete      Retain       no owner                 the pod
//   Delete      Delete       the set                  the pod

import type { StatefulSet, StatefulSetPersistentVolumeClaimRetentionPolicy } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { newControllerRef } from '../controllerUtils';
import { podInOrdinalRange } from './statefulSetUtils';

interface Kind {
  apiVersion: string;
  kind: string;
}
const SET_KIND: Kind = { apiVersion: 'apps/v1', kind: 'StatefulSet' };
const POD_KIND: Kind = { apiVersion: 'v1', kind: 'Pod' };

/** getPersistentVolumeClaimRetentionPolicy: the set's policy, Retain/Retain when unset. */
export function getPersistentVolumeClaimRetentionPolicy(set: StatefulSet): Required<StatefulSetPersistentVolumeClaimRetentionPolicy> {
  const policy = set.spec?.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: policy?.whenDeleted ?? 'Retain', whenScaled: policy?.whenScaled ?? 'Retain' };
}

/** matchesRef: same apiVersion, kind and name (the uid may differ: a stale reference). */
function matchesRef(ref: OwnerReference, obj: KubeObject, kind: Kind): boolean {
  return ref.apiVersion === kind.apiVersion && ref.kind === kind.kind && ref.name === obj.metadata?.name;
}

/** hasOwnerRef: `target` lists `owner`'s uid, controller or not. */
export function hasOwnerRef(target: KubeObject, owner: KubeObject): boolean {
  return (target.metadata?.ownerReferences ?? []).some((ref) => ref.uid === owner.metadata?.uid);
}

/** hasStaleOwnerRef: a reference to `obj` by name whose uid is not obj's (an earlier object of that name). */
export function hasStaleOwnerRef(target: KubeObject, obj: KubeObject, kind: Kind): boolean {
  const ref = (target.metadata?.ownerReferences ?? []).find((r) => matchesRef(r, obj, kind));
  return !!ref && ref.uid !== obj.metadata?.uid;
}

/** hasUnexpectedController: with a Delete policy, some controller other than the set or pod owns the claim. */
function hasUnexpectedController(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  if (policy.whenScaled === 'Retain' && policy.whenDeleted === 'Retain') return false;
  for (const ref of claim.metadata?.ownerReferences ?? []) {
    if (matchesRef(ref, set, SET_KIND)) {
      if (ref.uid !== set.metadata?.uid) return true;
      continue;
    }
    if (matchesRef(ref, pod, POD_KIND)) {
      if (ref.uid !== pod.metadata?.uid) return true;
      continue;
    }
    if (ref.controller) return true;
  }
  return false;
}

/** hasNonControllerOwner: the set or pod owns the claim without being its controller. */
function hasNonControllerOwner(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  return (claim.metadata?.ownerReferences ?? []).some((ref) => (ref.uid === set.metadata?.uid || ref.uid === pod.metadata?.uid) && !ref.controller);
}

/** wantedOwners: which of set and pod should own the claim under the policy (the table above). */
function wantedOwners(set: StatefulSet, pod: Pod): { set: boolean; pod: boolean } {
  const policy = getPersistentVolumeClaimRetentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  return {
    set: policy.whenDeleted === 'Delete' && !(policy.whenScaled === 'Delete' && scaledDown),
    pod: policy.whenScaled === 'Delete' && scaledDown,
  };
}

/**
 * isClaimOwnerUpToDate: the claim's owner references already match the policy. Claims with a stale
 * reference (an older set or pod of the same name) are left alone, as are claims another
 * controller owns, unless the set or pod also owns them.
 */
export function isClaimOwnerUpToDate(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): boolean {
  if (hasStaleOwnerRef(claim, set, SET_KIND) || hasStaleOwnerRef(claim, pod, POD_KIND)) return true;
  if (hasUnexpectedController(claim, set, pod)) return !(hasOwnerRef(claim, set) || hasOwnerRef(claim, pod));
  if (hasNonControllerOwner(claim, set, pod)) return false;
  const wanted = wantedOwners(set, pod);
  return hasOwnerRef(claim, set) === wanted.set && hasOwnerRef(claim, pod) === wanted.pod;
}

/**
 * updateClaimOwnerRefForSetAndPod returns the claim's new owner references: the set's and pod's
 * are scrubbed, then added back as controller references where the policy wants them (none when
 * another controller owns the claim).
 */
export function updateClaimOwnerRefForSetAndPod(claim: PersistentVolumeClaim, set: StatefulSet, pod: Pod): OwnerReference[] {
  const unexpectedController = hasUnexpectedController(claim, set, pod);
  const refs = (claim.metadata?.ownerReferences ?? []).filter((ref) => !matchesRef(ref, set, SET_KIND) && !matchesRef(ref, pod, POD_KIND));
  if (unexpectedController) return refs;
  const wanted = wantedOwners(set, pod);
  if (wanted.pod) refs.push(newControllerRef(pod, POD_KIND.apiVersion, POD_KIND.kind));
  if (wanted.set) refs.push(newControllerRef(set, SET_KIND.apiVersion, SET_KIND.kind));
  return refs;
}

export { POD_KIND, SET_KIND };
