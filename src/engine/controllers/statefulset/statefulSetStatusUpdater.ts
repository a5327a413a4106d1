// Mirrors kubernetes pkg/controller/statefulset/stateful_set_status_updater.go (v1.32).

import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { wait, type Task } from '../../sim/task';
import { errorOf, isConflict, type ControllerClient, type SyncError } from '../types';

/** STATUS_RETRY_STEPS is retry.DefaultRetry's Steps (5 attempts on conflict). */
const STATUS_RETRY_STEPS = 5;

/**
 * wireStatus drops what Go's encoding/json omits (omitempty zeros): replicas and
 * availableReplicas are always written, collisionCount whenever set.
 */
export function wireStatus(status: StatefulSetStatus): StatefulSetStatus {
  const out: StatefulSetStatus = { replicas: status.replicas ?? 0 };
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  out.availableReplicas = status.availableReplicas ?? 0;
  if (status.conditions?.length) out.conditions = status.conditions;
  return out;
}

/**
 * updateStatefulSetStatus writes `status` to the set's status subresource; on a conflict it takes
 * the set from the informer cache and tries again (retry.RetryOnConflict with DefaultRetry).
 */
export function* updateStatefulSetStatus(client: ControllerClient, sets: SharedIndexInformer<StatefulSet>, set: Stored<StatefulSet>, status: StatefulSetStatus): Task<SyncError> {
  let current = set;
  const wire = wireStatus(status);
  for (let attempt = 0; ; attempt++) {
    const updated = yield* wait(client.updateStatus<StatefulSet>('statefulsets', { ...current, status: wire }));
    if (updated.ok) return undefined;
    if (!isConflict(updated) || attempt + 1 >= STATUS_RETRY_STEPS) return errorOf(updated);
    const cached = sets.indexer.get(`${set.metadata.namespace}/${set.metadata.name}`) as Stored<StatefulSet> | undefined;
    if (cached) current = cached;
  }
}
