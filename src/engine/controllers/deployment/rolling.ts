// Mirrors kubernetes pkg/controller/deployment/rolling.go.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { DEPLOYMENT_CONTROLLER, type DeploymentController } from './deploymentController';
import { syncRolloutStatus } from './progress';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { deploymentComplete } from './util/conditions';
import { deploymentReplicas } from './util/defaults';
import { maxSurge, maxUnavailable, newRSNewReplicas } from './util/fenceposts';
import { getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets } from './util/replicaSetUtil';

type RS = Stored<ReplicaSet>;

/**
 * rolloutRolling moves one step of a rolling update: scale the new RS up if the surge budget
 * allows, else scale old RSs down if availability allows; once complete, prune old revisions.
 * Every path ends by syncing the rollout status (conditions, counts).
 */
export function* rolloutRolling(dc: DeploymentController, d: Stored<Deployment>, rsList: RS[]): Task<SyncError> {
  const all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (all.err) return all.err;
  if (!all.newRS) return `new replica set for deployment ${d.metadata.namespace}/${d.metadata.name} not found`;
  const newRS = all.newRS;
  const allRSs = [...all.oldRSs, newRS];
  const scaledUp = yield* reconcileNewReplicaSet(dc, allRSs, newRS, d);
  if (scaledUp.err) return scaledUp.err;
  if (scaledUp.scaled) return yield* syncRolloutStatus(dc, allRSs, newRS, d);
  const scaledDown = yield* reconcileOldReplicaSets(dc, allRSs, filterActiveReplicaSets(all.oldRSs), newRS, d);
  if (scaledDown.err) return scaledDown.err;
  if (scaledDown.scaled) return yield* syncRolloutStatus(dc, allRSs, newRS, d);
  if (deploymentComplete(d, d.status ?? {})) {
    const err = yield* cleanupDeployment(dc, all.oldRSs, d);
    if (err) return err;
  }
  return yield* syncRolloutStatus(dc, allRSs, newRS, d);
}

/** reconcileNewReplicaSet scales the new RS toward spec.replicas within maxSurge (or down to it). */
export function* reconcileNewReplicaSet(dc: DeploymentController, allRSs: RS[], newRS: RS, d: Deployment): Task<{ scaled: boolean; err: SyncError }> {
  const replicas = deploymentReplicas(d);
  if (specReplicas(newRS) === replicas) return { scaled: false, err: undefined };
  if (specReplicas(newRS) > replicas) {
    const result = yield* scaleReplicaSetAndRecordEvent(dc, newRS, replicas, d);
    return { scaled: result.scaled, err: result.err };
  }
  const count = newRSNewReplicas(d, allRSs, newRS);
  if (!count.ok) return { scaled: false, err: count.error };
  if (count.value > specReplicas(newRS)) {
    // The surge budget behind the scale-up, for the UI's "maxSurge 3 → may create 3 more".
    const currentPodCount = getReplicaCountForReplicaSets(allRSs);
    traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.reconcileNewReplicaSet', refOf(d), { replicaSet: newRS.metadata.name, currentPodCount, maxTotalPods: replicas + maxSurge(d), newReplicas: count.value });
  }
  const result = yield* scaleReplicaSetAndRecordEvent(dc, newRS, count.value, d);
  return { scaled: result.scaled, err: result.err };
}

/**
 * reconcileOldReplicaSets scales old RSs down without dropping below minAvailable, counting the
 * new RS's unavailable pods against the budget.
 *
 * Concrete example (from upstream): 10 replicas, maxUnavailable 2, maxSurge 3. The new RS reached
 * 5 but its pods crash-loop: allPods 13, minAvailable 8, newRS unavailable 5 → maxScaledDown
 * 13-8-5 = 0, so old pods are kept even if one of them fails. After a rollback to the good RS,
 * newRS unavailable is 1 → 13-8-1 = 4 crash-looping pods can go.
 */
export function* reconcileOldReplicaSets(dc: DeploymentController, allRSs: RS[], oldRSs: RS[], newRS: RS, d: Deployment): Task<{ scaled: boolean; err: SyncError }> {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return { scaled: false, err: undefined };
  const allPodsCount = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailablePodCount = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
  if (maxScaledDown <= 0) return { scaled: false, err: undefined };
  traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.scaleDownBudget', refOf(d), { allPodsCount, minAvailable, newRSUnavailablePodCount, maxScaledDown });
  const cleaned = yield* cleanupUnhealthyReplicas(dc, oldRSs, d, maxScaledDown);
  if (cleaned.err) return { scaled: false, err: undefined };
  const scaledDown = yield* scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  if (scaledDown.err) return { scaled: false, err: undefined };
  const total = cleaned.count + scaledDown.count;
  if (total > 0) traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.reconcileOldReplicaSets', refOf(d), { maxScaledDown, cleanedUp: cleaned.count, scaledDown: scaledDown.count });
  return { scaled: total > 0, err: undefined };
}

/**
 * cleanupUnhealthyReplicas scales old RSs down by their unavailable replicas first (oldest RS
 * first, at most maxCleanupCount in total): removing pods that serve nothing costs no availability.
 */
export function* cleanupUnhealthyReplicas(dc: DeploymentController, oldRSs: RS[], d: Deployment, maxCleanupCount: number): Task<{ oldRSs: RS[]; count: number; err: SyncError }> {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  let totalScaledDown = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break;
    const target = sorted[i];
    const available = target.status?.availableReplicas ?? 0;
    if (specReplicas(target) === 0 || specReplicas(target) === available) continue;
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, specReplicas(target) - available);
    const result = yield* scaleReplicaSetAndRecordEvent(dc, target, specReplicas(target) - scaledDownCount, d);
    if (result.err) return { oldRSs: sorted, count: totalScaledDown, err: result.err };
    totalScaledDown += scaledDownCount;
    sorted[i] = result.rs;
  }
  return { oldRSs: sorted, count: totalScaledDown, err: undefined };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate removes (available - minAvailable) pods from old RSs,
 * oldest RS first.
 */
export function* scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentController, allRSs: RS[], oldRSs: RS[], d: Deployment): Task<{ count: number; err: SyncError }> {
  const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs);
  if (availablePodCount <= minAvailable) return { count: 0, err: undefined };
  const totalScaleDownCount = availablePodCount - minAvailable;
  let totalScaledDown = 0;
  for (const target of [...oldRSs].sort(byCreationTimestamp)) {
    if (totalScaledDown >= totalScaleDownCount) break;
    if (specReplicas(target) === 0) continue;
    const scaleDownCount = Math.min(specReplicas(target), totalScaleDownCount - totalScaledDown);
    const result = yield* scaleReplicaSetAndRecordEvent(dc, target, specReplicas(target) - scaleDownCount, d);
    if (result.err) return { count: totalScaledDown, err: result.err };
    totalScaledDown += scaleDownCount;
  }
  return { count: totalScaledDown, err: undefined };
}
