// Mirrors the end of kubernetes pkg/controller/statefulset/stateful_set_control.go (v1.32)
// updateStatefulSet: the RollingUpdate step. MaxUnavailableStatefulSet is alpha and off in v1.32,
// so spec.updateStrategy.rollingUpdate.maxUnavailable is ignored and one pod is replaced at a time
// (updateStatefulSetAfterInvariantEstablished is not taken).

import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Task } from '../../sim/task';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { getPodRevision, isTerminating, isUnavailable } from './statefulSetUtils';
import { STATEFULSET_CONTROLLER, type PodPass } from './podPass';

/**
 * rollingUpdateStatefulSet walks the replicas from the highest ordinal down to the partition:
 * the first pod not at the update revision is deleted (the next sync recreates it from the update
 * revision), and the walk stops at the first pod that is unavailable. So with 3 replicas and
 * partition 1, web-2 is replaced, then once the new web-2 is available web-1; web-0 keeps the
 * current revision.
 */
export function* rollingUpdateStatefulSet(pass: PodPass, replicas: readonly Pod[], updateRevision: string, status: StatefulSetStatus): Task<{ status: StatefulSetStatus; err: SyncError }> {
  const { ssc, set, clock } = pass;
  const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (getPodRevision(pod) !== updateRevision && !isTerminating(pod)) {
      traceDecision(ssc.sim, STATEFULSET_CONTROLLER, 'statefulset.rollingUpdate', refOf(set), { pod: pod.metadata?.name, updateRevision });
      const deleted = yield* ssc.podControl.deleteStatefulPod(set, pod);
      if (deleted.err && !deleted.notFound) return { status, err: deleted.err };
      status.currentReplicas = (status.currentReplicas ?? 0) - 1;
      return { status, err: undefined };
    }
    if (isUnavailable(pod, clock.minReadySeconds, clock.nowMs, clock.epochMs)) return { status, err: undefined };
  }
  return { status, err: undefined };
}
