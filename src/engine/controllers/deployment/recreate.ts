// Mirrors kubernetes pkg/controller/deployment/recreate.go.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { filterActiveReplicaSets, specReplicas } from '../controllerUtils';
import type { SyncError } from '../types';
import type { PodMap } from './claims';
import type { DeploymentController } from './deploymentController';
import { syncRolloutStatus } from './progress';
import { scaleReplicaSetAndRecordEvent } from './scale';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { deploymentComplete } from './util/conditions';
import { deploymentReplicas } from './util/defaults';
import { getActualReplicaCountForReplicaSets } from './util/replicaSetUtil';

type RS = Stored<ReplicaSet>;

/**
 * rolloutRecreate scales every old RS to 0, waits until no old pod is left running, then creates
 * (or scales up) the new RS to spec.replicas: there is a gap with no pods, by design.
 */
export function* rolloutRecreate(dc: DeploymentController, d: Stored<Deployment>, rsList: RS[], podMap: PodMap): Task<SyncError> {
  let all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (all.err) return all.err;
  let allRSs = [...all.oldRSs, all.newRS];
  const scaledDown = yield* scaleDownOldReplicaSetsForRecreate(dc, filterActiveReplicaSets(all.oldRSs), d);
  if (scaledDown.err) return scaledDown.err;
  if (scaledDown.scaled) return yield* syncRolloutStatus(dc, allRSs, all.newRS, d);
  if (oldPodsRunning(all.newRS, all.oldRSs, podMap)) return yield* syncRolloutStatus(dc, allRSs, all.newRS, d);
  if (!all.newRS) {
    all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    if (all.err) return all.err;
    allRSs = [...all.oldRSs, all.newRS];
  }
  const scaledUp = yield* scaleReplicaSetAndRecordEvent(dc, all.newRS!, deploymentReplicas(d), d);
  if (scaledUp.err) return scaledUp.err;
  if (deploymentComplete(d, d.status ?? {})) {
    const err = yield* cleanupDeployment(dc, all.oldRSs, d);
    if (err) return err;
  }
  return yield* syncRolloutStatus(dc, allRSs, all.newRS, d);
}

/** scaleDownOldReplicaSetsForRecreate scales every active old RS to 0. */
function* scaleDownOldReplicaSetsForRecreate(dc: DeploymentController, oldRSs: RS[], d: Deployment): Task<{ scaled: boolean; err: SyncError }> {
  let scaled = false;
  for (const rs of oldRSs) {
    if (specReplicas(rs) === 0) continue;
    const result = yield* scaleReplicaSetAndRecordEvent(dc, rs, 0, d);
    if (result.err) return { scaled, err: result.err };
    if (result.scaled) scaled = true;
  }
  return { scaled, err: undefined };
}

/**
 * oldPodsRunning: an old RS still reports pods, or a pod of an old RS has not finished (Succeeded
 * and Failed pods no longer run; anything else, Unknown included, might).
 */
export function oldPodsRunning(newRS: RS | undefined, oldRSs: RS[], podMap: PodMap): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [rsUID, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUID) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
