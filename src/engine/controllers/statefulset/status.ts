// Mirrors kubernetes pkg/controller/statefulset/stateful_set_control.go (v1.32) computeReplicaStatus
// and updateStatus, and stateful_set_utils.go inconsistentStatus and completeRollingUpdate: the
// counts a StatefulSet's status reports.

import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { getPodRevision, isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating, specReplicas } from './statefulSetUtils';

/** Counts is the part of StatefulSetStatus computed from the pods. */
export type ReplicaCounts = Required<Pick<StatefulSetStatus, 'replicas' | 'readyReplicas' | 'availableReplicas' | 'currentReplicas' | 'updatedReplicas'>>;

export interface StatusClock {
  minReadySeconds: number;
  nowMs: number;
  epochMs: number;
}

/**
 * computeReplicaStatus counts created pods (replicas), running-and-ready ones (readyReplicas), of
 * those the ones ready for minReadySeconds (availableReplicas), and the live pods labelled with
 * the current and the update revision.
 */
export function computeReplicaStatus(pods: ReadonlyArray<Pod | undefined>, clock: StatusClock, currentRevision: string, updateRevision: string): ReplicaCounts {
  const counts: ReplicaCounts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of pods) {
    if (!pod) continue;
    if (isCreated(pod)) counts.replicas++;
    if (isRunningAndReady(pod)) {
      counts.readyReplicas++;
      if (isRunningAndAvailable(pod, clock.minReadySeconds, clock.nowMs, clock.epochMs)) counts.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const revision = getPodRevision(pod);
      if (revision === currentRevision) counts.currentReplicas++;
      if (revision === updateRevision) counts.updatedReplicas++;
    }
  }
  return counts;
}

/** updateStatus recounts `status` over the given pod lists (replicas and condemned). */
export function updateStatus(status: StatefulSetStatus, clock: StatusClock, podLists: ReadonlyArray<ReadonlyArray<Pod | undefined>>): void {
  const counts = computeReplicaStatus(podLists.flat(), clock, status.currentRevision ?? '', status.updateRevision ?? '');
  Object.assign(status, counts);
}

/**
 * completeRollingUpdate: once every desired pod is created, ready and at the update revision, the
 * update revision becomes the current one.
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): void {
  const replicas = specReplicas(set);
  if (set.spec?.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === replicas && status.readyReplicas === replicas && status.replicas === replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** inconsistentStatus: the computed status differs from the stored one (so it must be written). */
export function inconsistentStatus(set: StatefulSet, status: StatefulSetStatus): boolean {
  const stored = set.status ?? { replicas: 0 };
  return (status.observedGeneration ?? 0) > (stored.observedGeneration ?? 0)
    || status.replicas !== stored.replicas
    || (status.currentReplicas ?? 0) !== (stored.currentReplicas ?? 0)
    || (status.readyReplicas ?? 0) !== (stored.readyReplicas ?? 0)
    || (status.updatedReplicas ?? 0) !== (stored.updatedReplicas ?? 0)
    || (status.currentRevision ?? '') !== (stored.currentRevision ?? '')
    || (status.availableReplicas ?? 0) !== (stored.availableReplicas ?? 0)
    || (status.updateRevision ?? '') !== (stored.updateRevision ?? '');
}
