// Mirrors kubernetes pkg/kubelet/kubelet_pods.go getPhase (v1.32).
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/**
 * getPhase derives the pod phase from container statuses: Pending while any container waits
 * without having run (or init containers are unfinished), Running while one runs, and once all
 * have stopped: Succeeded/Failed if the pod is terminal or its restartPolicy will not restart
 * them (Never, OnFailure after success), else Running (they are about to restart).
 */
export function getPhase(spec: PodSpec, initStatuses: readonly ContainerStatus[], statuses: readonly ContainerStatus[], podIsTerminal: boolean): PodPhase {
  const { pending, failed } = initProgress(spec, initStatuses);
  if (failed > 0 && spec.restartPolicy === 'Never') return 'Failed';
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  const byName = new Map(statuses.map((s) => [s.name, s]));
  for (const container of spec.containers) {
    const status = byName.get(container.name);
    if (!status) unknown++;
    else if (status.state?.running) running++;
    else if (status.state?.terminated) {
      stopped++;
      if (status.state.terminated.exitCode === 0) succeeded++;
    } else if (status.state?.waiting) {
      if (status.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const regularStarted = statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  if ((pending > 0 && !regularStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always' || spec.restartPolicy === undefined) return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** initProgress counts unfinished and failed regular init containers (sidecars never block). */
function initProgress(spec: PodSpec, initStatuses: readonly ContainerStatus[]): { pending: number; failed: number } {
  let pending = 0;
  let failed = 0;
  const byName = new Map(initStatuses.map((s) => [s.name, s]));
  for (const container of spec.initContainers ?? []) {
    if (container.restartPolicy === 'Always') {
      if (!byName.get(container.name)?.started) pending++;
      continue;
    }
    const status = byName.get(container.name);
    const terminated = status?.state?.terminated;
    const last = status?.lastState?.terminated;
    if (!status || status.state?.running) pending++;
    else if (terminated) {
      if (terminated.exitCode !== 0) (pending++, failed++);
    } else if (status.state?.waiting && last) {
      if (last.exitCode !== 0) (pending++, failed++);
    } else pending++;
  }
  return { pending, failed };
}
