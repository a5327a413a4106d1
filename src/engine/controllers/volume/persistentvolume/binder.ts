// Mirrors the write half of kubernetes pkg/controller/volume/persistentvolume/pv_controller.go
// (v1.32): bind (volume first, then claim, as the controller's two-phase commit), phase updates
// with lastPhaseTransitionTime, unbind.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../../api/object';
import { toRFC3339 } from '../../../sim/time';
import { wait, type Task } from '../../../sim/task';
import { refOf, traceDecision } from '../../trace';
import { errorOf, type SyncError } from '../../types';
import type { PersistentVolumeController } from './pvController';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, isVolumeBoundToClaim } from './volumeUtil';

type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
type ClaimPhase = 'Pending' | 'Bound' | 'Lost';

/** updateVolumePhase writes status.phase (and message) when it changes, stamping the transition time. */
export function* updateVolumePhase(ctrl: PersistentVolumeController, volume: Stored<PersistentVolume>, phase: VolumePhase, message = ''): Task<Stored<PersistentVolume> | undefined> {
  if (volume.status?.phase === phase && (volume.status?.message ?? '') === message) return volume;
  const next = deepClone(volume) as PersistentVolume & { status: { phase?: string; message?: string; lastPhaseTransitionTime?: string } };
  next.status ??= {};
  if (next.status.phase !== phase) next.status.lastPhaseTransitionTime = toRFC3339(ctrl.options.sim.nowMs, ctrl.options.epochMs);
  next.status.phase = phase;
  if (message) next.status.message = message;
  else delete next.status.message;
  traceDecision(ctrl.options.sim, ctrl.name, 'persistentvolume.phase', refOf(volume), { phase });
  const result = yield* wait(ctrl.options.client.updateStatus<PersistentVolume>('persistentvolumes', next));
  return result.ok ? result.object : undefined;
}

/**
 * updateClaimStatus writes status.phase; Bound copies the volume's access modes and capacity,
 * any other phase clears them (updateClaimStatus).
 */
export function* updateClaimStatus(ctrl: PersistentVolumeController, claim: Stored<PersistentVolumeClaim>, phase: ClaimPhase, volume?: PersistentVolume): Task<Stored<PersistentVolumeClaim> | undefined> {
  const status = claim.status ?? {};
  const wantModes = volume ? volume.spec?.accessModes : undefined;
  const wantCapacity = volume ? volume.spec?.capacity : undefined;
  const same = status.phase === phase && JSON.stringify(status.accessModes) === JSON.stringify(wantModes) && JSON.stringify(status.capacity) === JSON.stringify(wantCapacity);
  if (same) return claim;
  const next = deepClone(claim) as PersistentVolumeClaim & { status: Record<string, unknown> };
  next.status ??= {};
  next.status.phase = phase;
  if (volume) {
    next.status.accessModes = wantModes;
    next.status.capacity = wantCapacity;
  } else {
    delete next.status.accessModes;
    delete next.status.capacity;
  }
  const result = yield* wait(ctrl.options.client.updateStatus<PersistentVolumeClaim>('persistentvolumeclaims', next));
  return result.ok ? result.object : undefined;
}

/**
 * bind ties a volume and a claim together: the volume's claimRef (bound-by-controller when the
 * controller chose it) and phase Bound, then the claim's volumeName with bind-completed and its
 * phase Bound. A failure stops here; the next sync finishes the job.
 */
export function* bind(ctrl: PersistentVolumeController, volume: Stored<PersistentVolume>, claim: Stored<PersistentVolumeClaim>): Task<SyncError> {
  const { client, sim } = ctrl.options;
  traceDecision(sim, ctrl.name, 'persistentvolume.bind', refOf(claim), { volume: volume.metadata.name });
  let boundVolume: Stored<PersistentVolume> | undefined = volume;
  const ref = volume.spec?.claimRef;
  const refComplete = ref && ref.uid === claim.metadata.uid && ref.resourceVersion !== undefined && isVolumeBoundToClaim(volume, claim);
  if (!refComplete) {
    const next = deepClone(volume) as PersistentVolume;
    next.spec ??= {};
    next.spec.claimRef = {
      kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid,
      apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion,
    };
    // Pre-bound by the user (claimRef named the claim already): the controller did not choose it.
    if (!isVolumeBoundToClaim(volume, claim)) next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const updated = yield* wait(client.update<PersistentVolume>('persistentvolumes', next));
    if (!updated.ok) return errorOf(updated);
    boundVolume = updated.object;
  }
  boundVolume = yield* updateVolumePhase(ctrl, boundVolume, 'Bound');
  if (!boundVolume) return 'updating volume phase failed';
  let boundClaim: Stored<PersistentVolumeClaim> | undefined = claim;
  const annotations = claim.metadata.annotations ?? {};
  if (claim.spec?.volumeName !== volume.metadata.name || annotations[ANN_BIND_COMPLETED] !== 'yes') {
    const next = deepClone(claim) as PersistentVolumeClaim;
    next.spec ??= {};
    const chosenByController = !next.spec.volumeName;
    next.spec.volumeName = volume.metadata.name;
    next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BIND_COMPLETED]: 'yes', ...(chosenByController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}) };
    const updated = yield* wait(client.update<PersistentVolumeClaim>('persistentvolumeclaims', next));
    if (!updated.ok) return errorOf(updated);
    boundClaim = updated.object;
  }
  boundClaim = yield* updateClaimStatus(ctrl, boundClaim, 'Bound', boundVolume);
  return boundClaim ? undefined : 'updating claim status failed';
}

/**
 * unbindVolume rolls a volume back: a controller-made claimRef goes away, a user's pre-binding
 * keeps the claim's name but loses its uid; either way the volume is Available again.
 */
export function* unbindVolume(ctrl: PersistentVolumeController, volume: Stored<PersistentVolume>): Task<SyncError> {
  const next = deepClone(volume) as PersistentVolume;
  const annotations = { ...next.metadata?.annotations };
  if (annotations[ANN_BOUND_BY_CONTROLLER]) {
    delete next.spec!.claimRef;
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    next.metadata!.annotations = annotations;
  } else if (next.spec?.claimRef) {
    delete next.spec.claimRef.uid;
    delete next.spec.claimRef.resourceVersion;
  }
  const updated = yield* wait(ctrl.options.client.update<PersistentVolume>('persistentvolumes', next));
  if (!updated.ok) return errorOf(updated);
  return (yield* updateVolumePhase(ctrl, updated.object, 'Available')) ? undefined : 'updating volume phase failed';
}
