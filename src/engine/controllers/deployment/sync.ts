// Mirrors kubernetes pkg/controller/deployment/sync.go.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import { errorOf, isNotFound, type SyncError } from '../types';
import { DEPLOYMENT_CONTROLLER, type DeploymentController } from './deploymentController';
import { getNewReplicaSet } from './newReplicaSet';
import { scale } from './scale';
import { syncDeploymentStatus, updateDeploymentStatus } from './status';
import { getDesiredReplicasAnnotation, revision } from './util/annotations';
import { getDeploymentCondition, newDeploymentCondition, PAUSED_DEPLOY_REASON, RESUMED_DEPLOY_REASON, setDeploymentCondition, TIMED_OUT_REASON } from './util/conditions';
import { deploymentReplicas, hasProgressDeadline, hasRevisionHistoryLimit, revisionHistoryLimitOf } from './util/defaults';
import { findOldReplicaSets } from './util/replicaSetUtil';

export interface AllReplicaSets {
  newRS?: Stored<ReplicaSet>;
  oldRSs: Stored<ReplicaSet>[];
  err: SyncError;
}

/** selectingAll: an empty selector would select every pod in the namespace (refused). */
export function selectingAll(d: Deployment): boolean {
  const selector = d.spec?.selector;
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/**
 * getAllReplicaSetsAndSyncRevision returns the new RS (created if asked and missing) and all old
 * ones, with the new RS's and the deployment's revision annotations brought up to date.
 */
export function* getAllReplicaSetsAndSyncRevision(dc: DeploymentController, d: Stored<Deployment>, rsList: Stored<ReplicaSet>[], createIfNotExisted: boolean): Task<AllReplicaSets> {
  const { allOldRSs } = findOldReplicaSets(d, rsList);
  const result = yield* getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  return { newRS: result.rs, oldRSs: allOldRSs, err: result.err };
}

/** syncStatusOnly only recomputes status (a deployment being deleted takes no action). */
export function* syncStatusOnly(dc: DeploymentController, d: Stored<Deployment>, rsList: Stored<ReplicaSet>[]): Task<SyncError> {
  const all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (all.err) return all.err;
  return yield* syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS, d);
}

/**
 * sync reconciles a scaling event or a paused deployment: it scales (proportionally) but never
 * rolls out, and a paused deployment also prunes its revision history.
 */
export function* sync(dc: DeploymentController, d: Stored<Deployment>, rsList: Stored<ReplicaSet>[]): Task<SyncError> {
  const all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (all.err) return all.err;
  const scaleErr = yield* scale(dc, d, all.newRS, all.oldRSs);
  if (scaleErr) return scaleErr;
  if (d.spec?.paused) {
    const cleanupErr = yield* cleanupDeployment(dc, all.oldRSs, d);
    if (cleanupErr) return cleanupErr;
  }
  return yield* syncDeploymentStatus(dc, [...all.oldRSs, all.newRS], all.newRS, d);
}

/**
 * checkPausedConditions marks Progressing Unknown with DeploymentPaused / DeploymentResumed, so the
 * time spent paused is not counted against progressDeadlineSeconds.
 */
export function* checkPausedConditions(dc: DeploymentController, d: Stored<Deployment>): Task<SyncError> {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = getDeploymentCondition(d.status, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return undefined;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  const status = (d.status ??= {});
  if (d.spec?.paused && !pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', dc.now()));
  } else if (!d.spec?.paused && pausedCondExists) {
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', dc.now()));
  } else {
    return undefined;
  }
  return yield* updateDeploymentStatus(dc, d);
}

/**
 * isScalingEvent: some active RS was last sized for a different spec.replicas (its
 * desired-replicas annotation), i.e. someone ran `kubectl scale` rather than changing the template.
 */
export function* isScalingEvent(dc: DeploymentController, d: Stored<Deployment>, rsList: Stored<ReplicaSet>[]): Task<{ value: boolean; err: SyncError }> {
  const all = yield* getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (all.err) return { value: false, err: all.err };
  for (const rs of filterActiveReplicaSets([...all.oldRSs, all.newRS])) {
    const desired = getDesiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== deploymentReplicas(d)) return { value: true, err: undefined };
  }
  return { value: false, err: undefined };
}

/**
 * cleanupDeployment deletes the oldest old ReplicaSets beyond revisionHistoryLimit, but only those
 * already scaled to 0 (spec and status) whose generation the RS controller has observed.
 */
export function* cleanupDeployment(dc: DeploymentController, oldRSs: Stored<ReplicaSet>[], d: Deployment): Task<SyncError> {
  if (!hasRevisionHistoryLimit(d)) return undefined;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - revisionHistoryLimitOf(d);
  if (diff <= 0) return undefined;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.cleanup', refOf(d), { replicaSet: rs.metadata.name, revision: revision(rs) });
    const result = yield* wait(dc.client.delete('replicasets', rs.metadata.namespace, rs.metadata.name));
    if (!result.ok && !isNotFound(result)) return errorOf(result);
  }
  return undefined;
}

/** byRevision is ReplicaSetsByRevision: lowest revision first, then oldest. */
function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const diff = (revision(a) ?? 0) - (revision(b) ?? 0);
  return diff !== 0 ? diff : byCreationTimestamp(a, b);
}
