// Mirrors kubernetes pkg/controller/replicaset/replica_set_utils.go.

import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, fromLabelSelector } from '../../api/labels';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { specReplicas } from '../controllerUtils';
import { jsonEqual } from '../equality';
import { isPodAvailable, isPodReady } from '../podutil';
import { errorOf, type ControllerClient, type SyncError } from '../types';

/** STATUS_UPDATE_RETRIES: one retry with a fresh GET after a failed status update. */
const STATUS_UPDATE_RETRIES = 1;

/**
 * calculateStatus counts the claimed active pods: all of them (replicas), those carrying every
 * template label (fullyLabeledReplicas), Ready ones, and Ready for minReadySeconds (available).
 * A failed manageReplicas adds a ReplicaFailure condition (FailedCreate / FailedDelete).
 */
export function calculateStatus(rs: ReplicaSet, filteredPods: readonly Pod[], manageReplicasErr: SyncError, nowMs: number, epochMs: number): ReplicaSetStatus {
  const templateSelector = fromLabelSelector({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} });
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of filteredPods) {
    if (matches(templateSelector, pod.metadata?.labels)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    if (isPodAvailable(pod, minReadySeconds, nowMs, epochMs)) available++;
  }
  return statusFromCounts(rs, { replicas: filteredPods.length, fullyLabeled, ready, available }, manageReplicasErr, nowMs, epochMs);
}

/** statusFromCounts is calculateStatus once the pods are counted (the tally's fast path starts here). */
export function statusFromCounts(
  rs: ReplicaSet,
  counts: { replicas: number; fullyLabeled: number; ready: number; available: number },
  manageReplicasErr: SyncError,
  nowMs: number,
  epochMs: number,
): ReplicaSetStatus {
  const { fullyLabeled, ready, available } = counts;
  let conditions = rs.status?.conditions;
  const failureCond = conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageReplicasErr && !failureCond) {
    const diff = counts.replicas - specReplicas(rs);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaSetCondition = { type: 'ReplicaFailure', status: 'True', lastTransitionTime: toRFC3339(nowMs, epochMs), reason, message: manageReplicasErr };
    conditions = [...(conditions ?? []), cond];
  } else if (!manageReplicasErr && failureCond) {
    conditions = conditions!.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: counts.replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.status?.observedGeneration) status.observedGeneration = rs.status.observedGeneration;
  if (conditions?.length) status.conditions = conditions;
  return status;
}

/**
 * updateReplicaSetStatus writes the status with observedGeneration = generation, unless counts,
 * conditions and observedGeneration already match (the steady state). On failure it retries once
 * against a fresh copy.
 */
export function* updateReplicaSetStatus(client: ControllerClient, rs: Stored<ReplicaSet>, newStatus: ReplicaSetStatus): Task<{ rs?: Stored<ReplicaSet>; err: SyncError }> {
  const old = rs.status ?? { replicas: 0 };
  const same = (old.replicas ?? 0) === newStatus.replicas
    && (old.fullyLabeledReplicas ?? 0) === (newStatus.fullyLabeledReplicas ?? 0)
    && (old.readyReplicas ?? 0) === (newStatus.readyReplicas ?? 0)
    && (old.availableReplicas ?? 0) === (newStatus.availableReplicas ?? 0)
    && (rs.metadata.generation ?? 0) === (old.observedGeneration ?? 0)
    && jsonEqual(old.conditions ?? [], newStatus.conditions ?? []);
  if (same) return { rs, err: undefined };
  const { conditions, ...counts } = newStatus;
  const status: ReplicaSetStatus = { ...counts, observedGeneration: rs.metadata.generation };
  if (conditions) status.conditions = conditions;
  let current = rs;
  for (let i = 0; ; i++) {
    const updated = yield* wait(client.updateStatus('replicasets', { ...current, status }));
    if (updated.ok) return { rs: updated.object as Stored<ReplicaSet>, err: undefined };
    if (i >= STATUS_UPDATE_RETRIES) return { err: errorOf(updated) };
    const fresh = yield* wait(client.get<ReplicaSet>('replicasets', rs.metadata.namespace, rs.metadata.name));
    if (!fresh.ok) return { err: errorOf(fresh) };
    current = fresh.object;
  }
}
