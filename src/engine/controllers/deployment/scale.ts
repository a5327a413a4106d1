// Mirrors kubernetes pkg/controller/deployment/sync.go (scale, scaleReplicaSetAndRecordEvent,
// scaleReplicaSet).

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepClone, type Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { bySizeNewer, bySizeOlder, filterActiveReplicaSets, specReplicas } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import { errorOf, type SyncError } from '../types';
import { DEPLOYMENT_CONTROLLER, type DeploymentController } from './deploymentController';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/annotations';
import { deploymentReplicas } from './util/defaults';
import { isRollingUpdate, isSaturated, maxSurge } from './util/fenceposts';
import { findActiveOrLatest, getProportion, getReplicaCountForReplicaSets } from './util/replicaSetUtil';

export interface ScaleResult {
  scaled: boolean;
  rs: Stored<ReplicaSet>;
  err: SyncError;
}

/**
 * scale handles a change of spec.replicas (or a paused deployment). One active RS takes the whole
 * count; a saturated new RS lets the old ones go to 0; otherwise, during a rolling update, the
 * difference is spread over the active RSs in proportion to their size so neither the new nor the
 * old template gains ground from a scaling event. Worked example (TestScale "proportional scaling:
 * 5 -> 10"): new 2 + old 3 sized for 5; allowed 10; new gets round(2*10/5)-2 = +2 → 4, old +3 → 6.
 */
export function* scale(dc: DeploymentController, d: Deployment, newRS: Stored<ReplicaSet> | undefined, oldRSs: Stored<ReplicaSet>[]): Task<SyncError> {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return undefined;
    return (yield* scaleReplicaSetAndRecordEvent(dc, activeOrLatest, replicas, d)).err;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) {
      const result = yield* scaleReplicaSetAndRecordEvent(dc, old, 0, d);
      if (result.err) return result.err;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;
  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - getReplicaCountForReplicaSets(allRSs);
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';
  if (toAdd > 0) allRSs.sort(bySizeNewer);
  if (toAdd < 0) allRSs.sort(bySizeOlder);
  const sizes = proportionalSizes(allRSs, d, toAdd);
  for (let i = 0; i < allRSs.length; i++) {
    const result = yield* scaleReplicaSet(dc, allRSs[i], sizes[i], d, operation);
    if (result.err) return result.err;
  }
  return undefined;
}

/** proportionalSizes gives each RS its share; the leftover goes to the first (largest) one. */
export function proportionalSizes(allRSs: readonly ReplicaSet[], d: Deployment, toAdd: number): number[] {
  let added = 0;
  const sizes = allRSs.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicas(rs) + proportion;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return sizes;
}

/** scaleReplicaSetAndRecordEvent scales `rs` to newScale (no-op when already there). */
export function* scaleReplicaSetAndRecordEvent(dc: DeploymentController, rs: Stored<ReplicaSet>, newScale: number, d: Deployment): Task<ScaleResult> {
  if (specReplicas(rs) === newScale) return { scaled: false, rs, err: undefined };
  return yield* scaleReplicaSet(dc, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/**
 * scaleReplicaSet updates spec.replicas and the desired/max-replicas annotations, and records
 * `Scaled up replica set web-7854ff8877 to 3 from 1` when the size changed.
 */
export function* scaleReplicaSet(dc: DeploymentController, rs: Stored<ReplicaSet>, newScale: number, d: Deployment, operation: string): Task<ScaleResult> {
  const replicas = deploymentReplicas(d);
  const maxReplicas = replicas + maxSurge(d);
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, maxReplicas)) return { scaled: false, rs, err: undefined };
  const oldScale = specReplicas(rs);
  const rsCopy = deepClone(rs);
  rsCopy.spec = { ...rsCopy.spec!, replicas: newScale };
  setReplicasAnnotations(rsCopy, replicas, maxReplicas);
  const result = yield* wait(dc.client.update('replicasets', rsCopy));
  if (!result.ok) return { scaled: false, rs, err: errorOf(result) };
  if (!sizeNeedsUpdate) return { scaled: false, rs: result.object as Stored<ReplicaSet>, err: undefined };
  traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.scale', refOf(d), { replicaSet: rs.metadata.name, from: oldScale, to: newScale, operation });
  dc.recorder.event(d as Stored<Deployment>, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
  return { scaled: true, rs: result.object as Stored<ReplicaSet>, err: undefined };
}
