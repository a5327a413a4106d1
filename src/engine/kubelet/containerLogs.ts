// Mirrors kubernetes pkg/kubelet/kubelet_pods.go GetKubeletContainerLogs and
// validateContainerLogStatus (v1.32): which container instance `kubectl logs` reads, and the
// errors it gets when there is none.
import type { PodStatus } from 'kubernetes-types/core/v1';

/** LogRequest is kubectl logs' options as the kubelet receives them. */
export interface LogRequest {
  previous?: boolean;
  tail?: number;
  timestamps?: boolean;
  /** containerId: an open follow stream reads the container instance it was opened on. */
  containerId?: string;
}

/**
 * validateContainerLogStatus picks the container ID whose log to read: the previous instance with
 * --previous, else the running one, else the last terminated one; waiting containers give the
 * kubelet's "is waiting to start" errors.
 */
export function validateContainerLogStatus(podName: string, status: PodStatus, containerName: string, previous: boolean): { id: string } | { error: string } {
  const all = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])];
  const found = all.find((s) => s.name === containerName);
  const where = `container "${containerName}" in pod "${podName}"`;
  if (!found) return { error: `${where} is not available` };
  const last = found.lastState?.terminated;
  const { waiting, running, terminated } = found.state ?? {};
  if (previous) {
    if (!last?.containerID) return { error: `previous terminated ${where} not found` };
    return { id: stripScheme(last.containerID) };
  }
  if (running) return { id: stripScheme(found.containerID ?? '') };
  if (terminated) {
    if (terminated.containerID) return { id: stripScheme(terminated.containerID) };
    if (last?.containerID) return { id: stripScheme(last.containerID) };
    return { error: `${where} is terminated` };
  }
  if (last) {
    if (!last.containerID) return { error: `${where} is terminated` };
    return { id: stripScheme(last.containerID) };
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') return { error: `${where} is waiting to start: image can't be pulled` };
    if (waiting.reason === 'ImagePullBackOff') return { error: `${where} is waiting to start: trying and failing to pull image` };
    return { error: `${where} is waiting to start: ${waiting.reason ?? ''}` };
  }
  return { error: `${where} is waiting to start - no logs yet` };
}

function stripScheme(containerID: string): string {
  const i = containerID.indexOf('://');
  return i < 0 ? containerID : containerID.slice(i + 3);
}
