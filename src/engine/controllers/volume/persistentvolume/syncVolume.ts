// Mirrors kubernetes pkg/controller/volume/persistentvolume/pv_controller.go (v1.32) syncVolume
// and reclaimVolume, without volume plugins: Retain keeps a released volume, Delete fails (no
// deleter plugin for a volume k8sim cannot reach), Recycle is treated as Retain.
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../api/object';
import type { Task } from '../../../sim/task';
import { unbindVolume, updateVolumePhase } from './binder';
import type { PersistentVolumeController } from './pvController';

export function* syncVolume(ctrl: PersistentVolumeController, volume: Stored<PersistentVolume>): Task<void> {
  const ref = volume.spec?.claimRef;
  // Unused, or reserved by the user for a claim that has not bound yet.
  if (!ref || !ref.uid) {
    yield* updateVolumePhase(ctrl, volume, 'Available');
    return;
  }
  const claimKey = `${ref.namespace}/${ref.name}`;
  const found = ctrl.claimByKey(claimKey);
  const claim = found && found.metadata.uid === ref.uid ? found : undefined;
  if (!claim) {
    let current: Stored<PersistentVolume> | undefined = volume;
    if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') current = yield* updateVolumePhase(ctrl, volume, 'Released');
    if (current) yield* reclaimVolume(ctrl, current);
    return;
  }
  if (!claim.spec?.volumeName) {
    // Binding in progress (or undone by the user): the claim's sync finishes it.
    ctrl.claimQueue.add(claimKey);
    return;
  }
  if (claim.spec.volumeName === volume.metadata.name) {
    yield* updateVolumePhase(ctrl, volume, 'Bound');
    return;
  }
  // The claim went to another volume: undo this one (the user's pre-binding keeps the name).
  yield* unbindVolume(ctrl, volume);
}

function* reclaimVolume(ctrl: PersistentVolumeController, volume: Stored<PersistentVolume>): Task<void> {
  if (volume.spec?.persistentVolumeReclaimPolicy !== 'Delete' || volume.status?.phase === 'Failed') return;
  const message = `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`;
  ctrl.options.recorder.event(volume, 'Warning', 'VolumeFailedDelete', message);
  yield* updateVolumePhase(ctrl, volume, 'Failed', message);
}
