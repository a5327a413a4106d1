// Mirrors kubernetes pkg/controller/volume/persistentvolume/util/util.go (v1.32) and the storage
// helpers it uses (component-helpers/storage/volume): binding mode, pre-binding, FindMatchingVolume.
import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { fromLabelSelector, matches } from '../../../api/labels';
import { parseQuantity } from '../../../api/quantity';
import { claimClass, volumeClass } from '../../../api/storageClassName';
import { compileNodeSelector } from '../../../scheduler/plugins/helper/nodeSelector';

/** The annotations the binder and the scheduler write (pkg/controller/volume/persistentvolume/util). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** NOT_SUPPORTED_PROVISIONER is the provisioner of classes for pre-created local volumes. */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

/**
 * isDelayBindingMode: the claim's class exists and says WaitForFirstConsumer. No class, or a
 * class that does not exist, binds immediately.
 */
export function isDelayBindingMode(claim: PersistentVolumeClaim, classes: (name: string) => StorageClass | undefined): boolean {
  const name = claimClass(claim);
  if (name === '') return false;
  return classes(name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** isVolumeBoundToClaim: claimRef names the claim (and its uid, when the ref has one). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata?.name || ref.namespace !== claim.metadata?.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata?.uid;
}

function accessModesSatisfied(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const offered = new Set(volume.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((mode) => offered.has(mode));
}

/** volumeModeMismatch: Filesystem is the default on both sides (CheckVolumeModeMismatches). */
function volumeModeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  return (volume.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem');
}

/** volumeNodeAffinityMatches is CheckNodeAffinity: no required terms match every node. */
export function volumeNodeAffinityMatches(volume: PersistentVolume, node: Node): boolean {
  const required = volume.spec?.nodeAffinity?.required;
  return !required || compileNodeSelector(required)(node);
}

/**
 * findMatchingVolume is FindMatchingVolume: a volume pre-bound to the claim wins at once (if big
 * enough and, with a node, its node affinity fits); otherwise the smallest Available, unclaimed
 * volume of the claim's class whose access modes (pvIndex.findByClaim's mode groups), volume
 * mode, labels (claim selector), size and node affinity fit. With delayed binding and no node,
 * only pre-bound volumes count: the scheduler binds the rest.
 */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node: Node | undefined, delayBinding: boolean): PersistentVolume | undefined {
  const requested = parseQuantity(claim.spec?.resources?.requests?.storage ?? '0');
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : undefined;
  const wantedClass = claimClass(claim);
  let best: PersistentVolume | undefined;
  let bestSize = Infinity;
  for (const volume of volumes) {
    const boundToClaim = isVolumeBoundToClaim(volume, claim);
    if (volume.spec?.claimRef && !boundToClaim) continue;
    if (!accessModesSatisfied(volume, claim)) continue;
    const size = parseQuantity(volume.spec?.capacity?.storage ?? '0');
    if (size < requested || volumeModeMismatch(volume, claim) || volume.metadata?.deletionTimestamp) continue;
    const nodeAffinityValid = !node || volumeNodeAffinityMatches(volume, node);
    if (boundToClaim) return nodeAffinityValid ? volume : undefined;
    if (!node && delayBinding) continue;
    // Volumes still Pending are skipped: the controller makes them Available first.
    if (volume.status?.phase !== 'Available') continue;
    if (selector && !matches(selector, volume.metadata?.labels)) continue;
    if (volumeClass(volume) !== wantedClass || !nodeAffinityValid) continue;
    if (size < bestSize) {
      best = volume;
      bestSize = size;
    }
  }
  return best;
}
