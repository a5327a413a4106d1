// Mirrors pkg/kubelet/config/config.go podsDifferSemantically (v1.32).
import type { Pod } from 'kubernetes-types/core/v1';

/** semanticallyChanged: anything but status and resourceVersion changed (podsDifferSemantically). */
export function semanticallyChanged(oldPod: Pod, newPod: Pod): boolean {
  if (oldPod.spec !== newPod.spec) return true;
  const meta = (pod: Pod) => JSON.stringify({ ...pod.metadata, resourceVersion: undefined, managedFields: undefined });
  return meta(oldPod) !== meta(newPod);
}
