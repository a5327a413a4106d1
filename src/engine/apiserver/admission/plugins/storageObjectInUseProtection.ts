// Mirrors kubernetes plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go (v1.32):
// every new PersistentVolume and PersistentVolumeClaim gets its protection finalizer, so deleting
// one in use waits (Terminating) until the pvc-protection / pv-protection controllers release it.

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** admitStorageObjectInUseProtection appends the kind's finalizer on create (once). */
export function admitStorageObjectInUseProtection(obj: { kind?: string; metadata?: { finalizers?: string[] } }): void {
  const finalizer = obj.kind === 'PersistentVolumeClaim' ? PVC_PROTECTION_FINALIZER : obj.kind === 'PersistentVolume' ? PV_PROTECTION_FINALIZER : undefined;
  if (!finalizer) return;
  const meta = (obj.metadata ??= {});
  const finalizers = meta.finalizers ?? [];
  if (!finalizers.includes(finalizer)) meta.finalizers = [...finalizers, finalizer];
}
