// Mirrors kubernetes pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable, GetPodReadyCondition).

import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../sim/time';

/** getPodReadyCondition returns the pod's Ready condition, if the kubelet reported one. */
export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
}

/** isPodReady: the Ready condition is True (what Endpoints and ReplicaSet readyReplicas count). */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

/**
 * isPodAvailable: ready, and ready for longer than minReadySeconds. The comparison is strict
 * (`lastTransitionTime + minReadySeconds < now`), so with minReadySeconds 5 a pod that became ready
 * at t=10 s is available from t=15.001 s, not at 15 s.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number, epochMs: number): boolean {
  const ready = getPodReadyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  if (!ready.lastTransitionTime) return false;
  return fromRFC3339(ready.lastTransitionTime, epochMs) + minReadySeconds * 1000 < nowMs;
}

/** isPodTerminal: the pod has finished (Succeeded or Failed) and will never run again. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
