// Mirrors kubernetes pkg/controller/controller_utils.go ActivePodsWithRanks (with the
// PodDeletionCost and LogarithmicScaleDown features, both on in 1.32).

import type { Pod } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../sim/time';
import { getPodReadyCondition, isPodReady } from './podutil';

/** POD_DELETION_COST_ANNOTATION is core.PodDeletionCost. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: Pod;
  /** How many related active pods share its node (more = deleted first). */
  rank: number;
}

/**
 * activePodsWithRanksLess reports whether pod `a` should be deleted before pod `b`:
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready;
 * 4. lower pod-deletion-cost < higher; 5. higher rank (doubled up on a node) first;
 * 6. ready for less time first (log2 buckets of the ready age); 7. more restarts first;
 * 8. newer first (log2 buckets of the age), then lower UID.
 */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, nowMs: number, epochMs: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const assignedA = !!pa.spec?.nodeName;
  const assignedB = !!pb.spec?.nodeName;
  if (assignedA !== assignedB) return !assignedA;
  const phaseA = PHASE_ORDINAL[pa.status?.phase ?? 'Pending'] ?? 0;
  const phaseB = PHASE_ORDINAL[pb.status?.phase ?? 'Pending'] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isPodReady(pa) !== isPodReady(pb)) return !isPodReady(pa);
  const costA = deletionCost(pa);
  const costB = deletionCost(pb);
  if (costA !== costB) return costA < costB;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (isPodReady(pa) && isPodReady(pb)) {
    const readyA = readyTimeMs(pa, epochMs);
    const readyB = readyTimeMs(pb, epochMs);
    if (readyA !== readyB) return newerFirst(readyA, readyB, pa, pb, nowMs);
  }
  const restartsA = maxContainerRestarts(pa);
  const restartsB = maxContainerRestarts(pb);
  if (restartsA !== restartsB) return restartsA > restartsB;
  const createdA = timeMs(pa.metadata?.creationTimestamp, epochMs);
  const createdB = timeMs(pb.metadata?.creationTimestamp, epochMs);
  if (createdA !== createdB) return newerFirst(createdA, createdB, pa, pb, nowMs);
  return false;
}

/** sortActivePodsWithRanks returns the pods in deletion order (first = deleted first). */
export function sortActivePodsWithRanks(ranked: RankedPod[], nowMs: number, epochMs: number): RankedPod[] {
  return [...ranked].sort((a, b) => {
    if (activePodsWithRanksLess(a, b, nowMs, epochMs)) return -1;
    if (activePodsWithRanksLess(b, a, nowMs, epochMs)) return 1;
    return 0;
  });
}

/** logarithmicRankDiff compares ages in log2 buckets of nanoseconds, so similar ages tie. */
export function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  const bucket = (tMs: number) => {
    const nanos = (nowMs - tMs) * 1e6;
    return nanos > 0 ? Math.floor(Math.log2(nanos)) : -1;
  };
  return bucket(t1Ms) - bucket(t2Ms);
}

/** newerFirst: zero times sort first (afterOrZero), else the younger log bucket, then lower UID. */
function newerFirst(t1Ms: number | undefined, t2Ms: number | undefined, a: Pod, b: Pod, nowMs: number): boolean {
  if (t1Ms === undefined || t2Ms === undefined) return t1Ms === undefined;
  const diff = logarithmicRankDiff(t1Ms, t2Ms, nowMs);
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '');
  return diff < 0;
}

function deletionCost(pod: Pod): number {
  const value = pod.metadata?.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -2147483648 && cost <= 2147483647 ? cost : 0;
}

function readyTimeMs(pod: Pod, epochMs: number): number | undefined {
  return timeMs(getPodReadyCondition(pod)?.lastTransitionTime, epochMs);
}

function timeMs(text: string | undefined, epochMs: number): number | undefined {
  if (!text) return undefined;
  const ms = fromRFC3339(text, epochMs);
  return Number.isNaN(ms) ? undefined : ms;
}

/** maxContainerRestarts counts app containers and restartable (sidecar) init containers. */
function maxContainerRestarts(pod: Pod): number {
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always').map((c) => c.name));
  let max = 0;
  for (const status of pod.status?.containerStatuses ?? []) max = Math.max(max, status.restartCount ?? 0);
  for (const status of pod.status?.initContainerStatuses ?? []) if (sidecars.has(status.name)) max = Math.max(max, status.restartCount ?? 0);
  return max;
}
