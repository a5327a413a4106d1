// Mirrors kubernetes pkg/controller/deployment/progress.go.

import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import { fromRFC3339 } from '../../sim/time';
import type { Task } from '../../sim/task';
import { jsonEqual } from '../equality';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { DEPLOYMENT_CONTROLLER, type DeploymentController } from './deploymentController';
import { calculateStatus, updateDeploymentStatus } from './status';
import {
  deploymentComplete, deploymentProgressing, deploymentTimedOut, getDeploymentCondition, NEW_RS_AVAILABLE_REASON, newDeploymentCondition,
  REPLICA_SET_UPDATED_REASON, removeDeploymentCondition, replicaSetToDeploymentCondition, setDeploymentCondition, TIMED_OUT_REASON,
} from './util/conditions';
import { hasProgressDeadline, progressDeadlineSecondsOf } from './util/defaults';

type MaybeRS = ReplicaSet | undefined;

/**
 * syncRolloutStatus updates the status during a rollout and maintains the Progressing condition:
 * NewReplicaSetAvailable once complete, ReplicaSetUpdated (lastUpdateTime refreshed) while it
 * moves, ProgressDeadlineExceeded once nothing moved for progressDeadlineSeconds.
 */
export function* syncRolloutStatus(dc: DeploymentController, allRSs: readonly MaybeRS[], newRS: MaybeRS, d: Stored<Deployment>): Task<SyncError> {
  const newStatus = calculateStatus(allRSs, newRS, d, dc.now());
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing');
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) updateProgressingCondition(dc, d, newStatus, newRS, currentCond);
  const failures = getReplicaFailures(allRSs, newRS);
  if (failures.length > 0) setDeploymentCondition(newStatus, failures[0]);
  else removeDeploymentCondition(newStatus, 'ReplicaFailure');
  if (jsonEqual(d.status ?? {}, newStatus)) {
    requeueStuckDeployment(dc, d, newStatus);
    return undefined;
  }
  d.status = newStatus;
  return yield* updateDeploymentStatus(dc, d);
}

function updateProgressingCondition(dc: DeploymentController, d: Deployment, newStatus: DeploymentStatus, newRS: MaybeRS, currentCond: DeploymentCondition | undefined): void {
  const subject = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${d.metadata?.name}"`;
  if (deploymentComplete(d, newStatus)) {
    setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, dc.now()));
  } else if (deploymentProgressing(d, newStatus)) {
    const condition = newDeploymentCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, dc.now());
    if (currentCond) {
      if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
      removeDeploymentCondition(newStatus, 'Progressing');
    }
    setDeploymentCondition(newStatus, condition);
  } else if (deploymentTimedOut(d, newStatus, dc.sim.nowMs, dc.epochMs)) {
    setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, dc.now()));
    if (currentCond?.reason !== TIMED_OUT_REASON) traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.progressDeadlineExceeded', refOf(d), {});
  }
}

/** getReplicaFailures copies ReplicaFailure conditions, the new RS's first, to the deployment. */
export function getReplicaFailures(allRSs: readonly MaybeRS[], newRS: MaybeRS): DeploymentCondition[] {
  const fromRS = (rs: MaybeRS) => (rs?.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition);
  const fromNew = fromRS(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(fromRS);
}

/**
 * requeueStuckDeployment schedules a progress check for when the deadline would pass: e.g. last
 * progress 3 min ago with a 10 min deadline → requeue in 7 min (+1 s against clock skew).
 * Returns the delay in ms, 0 for "now", -1 when no check is needed.
 */
export function requeueStuckDeployment(dc: DeploymentController, d: Deployment, newStatus: DeploymentStatus): number {
  const currentCond = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !currentCond) return -1;
  if (deploymentComplete(d, newStatus) || currentCond.reason === TIMED_OUT_REASON) return -1;
  const lastUpdateMs = fromRFC3339(currentCond.lastUpdateTime ?? '', dc.epochMs);
  const afterMs = lastUpdateMs + progressDeadlineSecondsOf(d) * 1000 - dc.sim.nowMs;
  if (afterMs < 1000) {
    dc.enqueueRateLimited(d);
    return 0;
  }
  dc.enqueueAfter(d, afterMs + 1000);
  return afterMs;
}
