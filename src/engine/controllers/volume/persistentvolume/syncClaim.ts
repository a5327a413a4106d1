// Mirrors kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (v1.32) syncClaim,
// syncUnboundClaim, syncBoundClaim, provisionClaim and emitEventForUnboundDelayBindingClaim.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../../api/object';
import { mountsClaim } from '../../../api/podClaims';
import { claimClass } from '../../../api/storageClassName';
import { wait, type Task } from '../../../sim/task';
import { bind, updateClaimStatus } from './binder';
import type { PersistentVolumeController } from './pvController';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, findMatchingVolume,
  isDelayBindingMode, isVolumeBoundToClaim,
} from './volumeUtil';

/** syncClaim: a claim the controller finished binding is checked; any other is (re)bound. */
export function* syncClaim(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>): Task<void> {
  if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) yield* syncUnboundClaim(ctrl, claim);
  else yield* syncBoundClaim(ctrl, claim);
}

function* syncUnboundClaim(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>): Task<void> {
  const { recorder } = ctrl.options;
  const volumes = ctrl.options.volumes.indexer.list() as Stored<PersistentVolume>[];
  if (!claim.spec?.volumeName) {
    const delayBinding = isDelayBindingMode(claim, (name) => ctrl.storageClass(name));
    const volume = findMatchingVolume(claim, volumes, undefined, delayBinding);
    if (volume) {
      yield* bind(ctrl, volume as Stored<PersistentVolume>, claim);
      return;
    }
    if (delayBinding && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) emitEventForUnboundDelayBindingClaim(ctrl, claim);
    else if (claimClass(claim) !== '') {
      yield* provisionClaim(ctrl, claim);
      return;
    } else recorder.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    yield* updateClaimStatus(ctrl, claim, 'Pending');
    return;
  }
  // The user asked for a specific volume.
  const volume = ctrl.volumeByName(claim.spec.volumeName);
  if (!volume) {
    yield* updateClaimStatus(ctrl, claim, 'Pending');
    return;
  }
  if (!volume.spec?.claimRef || isVolumeBoundToClaim(volume, claim)) {
    yield* bind(ctrl, volume, claim);
    return;
  }
  if (!claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    recorder.event(claim, 'Warning', 'FailedBinding', `volume "${volume.metadata.name}" already bound to a different claim.`);
    yield* updateClaimStatus(ctrl, claim, 'Pending');
  }
}

function* syncBoundClaim(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>): Task<void> {
  const lost = (message: string, reason = 'ClaimLost') => {
    if (claim.status?.phase !== 'Lost') ctrl.options.recorder.event(claim, 'Warning', reason, message);
    return updateClaimStatus(ctrl, claim, 'Lost');
  };
  if (!claim.spec?.volumeName) {
    yield* lost('Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    return;
  }
  const volume = ctrl.volumeByName(claim.spec.volumeName);
  if (!volume) {
    yield* lost('Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    return;
  }
  // Unbound volume (or a stale cache) or the right claimant: bind again, a no-op when all is set.
  if (!volume.spec?.claimRef || volume.spec.claimRef.uid === claim.metadata.uid) yield* bind(ctrl, volume, claim);
  else yield* lost('Two claims are bound to the same volume, this one is bound incorrectly', 'ClaimMisbound');
}

/**
 * provisionClaim: no volume fits a claim of a named class. A missing class or an in-tree
 * `kubernetes.io/` provisioner without a plugin fails with an Event; an external provisioner is
 * named on the claim and waited for.
 */
function* provisionClaim(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>): Task<void> {
  const { recorder, client } = ctrl.options;
  const name = claimClass(claim);
  const storageClass = ctrl.storageClass(name);
  if (!storageClass) {
    recorder.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${name}" not found`);
    return;
  }
  const provisioner = storageClass.provisioner ?? '';
  if (provisioner.startsWith('kubernetes.io/')) {
    recorder.event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
    return;
  }
  let current = claim;
  const annotations = claim.metadata.annotations ?? {};
  if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner || annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const next = deepClone(claim) as PersistentVolumeClaim;
    next.metadata!.annotations = { ...annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
    const updated = yield* wait(client.update<PersistentVolumeClaim>('persistentvolumeclaims', next));
    if (!updated.ok) return;
    current = updated.object;
  }
  recorder.event(
    current,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  );
}

/** emitEventForUnboundDelayBindingClaim: waiting for a consumer, or for its pods to be scheduled. */
function emitEventForUnboundDelayBindingClaim(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>): void {
  const waiting = (ctrl.options.pods.indexer.list() as Stored<Pod>[])
    .filter((p) => p.metadata.namespace === claim.metadata.namespace && !p.spec?.nodeName)
    .filter((p) => mountsClaim(p, claim.metadata.name))
    .map((p) => p.metadata.name)
    .sort();
  if (waiting.length === 0) ctrl.options.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
  else if (waiting.length === 1) ctrl.options.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pod ${waiting[0]} to be scheduled`);
  else ctrl.options.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pods ${waiting.join(',')} to be scheduled`);
}
