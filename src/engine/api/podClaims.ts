// The PersistentVolumeClaims a pod names in spec.volumes: what the PV binder, the pvc-protection
// controller, the scheduler's VolumeBinding and `kubectl describe pvc` all look for.
import type { Pod } from 'kubernetes-types/core/v1';

/** claimNames lists the claims the pod's volumes name, in volume order. */
export function claimNames(pod: Pod): string[] {
  const names: string[] = [];
  for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim) names.push(v.persistentVolumeClaim.claimName);
  return names;
}

/** mountsClaim: one of the pod's volumes names the claim. */
export function mountsClaim(pod: Pod, claimName: string | undefined): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claimName);
}
