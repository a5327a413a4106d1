// Mirrors kubernetes component-helpers/storage/volume GetPersistentVolumeClass and
// GetPersistentVolumeClaimClass (v1.32), which the PV controller, the scheduler, the server-side
// printers and kubectl describe all use: the beta annotation still wins over spec.storageClassName.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';

const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** claimClass is GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName, else "". */
export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? claim.spec?.storageClassName ?? '';
}

/** volumeClass is GetPersistentVolumeClass. */
export function volumeClass(volume: PersistentVolume): string {
  return volume.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] ?? volume.spec?.storageClassName ?? '';
}
