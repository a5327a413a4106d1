// Mirrors kubernetes pkg/controller/deployment/util/deployment_util.go: condition reasons and
// helpers, DeploymentComplete, DeploymentProgressing, DeploymentTimedOut.

import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { fromRFC3339 } from '../../../sim/time';
import { deploymentReplicas, hasProgressDeadline, progressDeadlineSecondsOf } from './defaults';

/** Progressing reasons. */
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
/** Available reasons. */
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

export type ConditionType = 'Available' | 'Progressing' | 'ReplicaFailure';

/** newDeploymentCondition stamps both times with `now` (RFC 3339, seconds). */
export function newDeploymentCondition(type: ConditionType, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: ConditionType): DeploymentCondition | undefined {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

/**
 * setDeploymentCondition replaces the condition of the same type unless status and reason are
 * unchanged; lastTransitionTime survives when only the reason changes. Mutates `status`.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type as ConditionType);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...filterOutCondition(status.conditions, condition.type), next];
}

export function removeDeploymentCondition(status: DeploymentStatus, type: ConditionType): void {
  const remaining = filterOutCondition(status.conditions, type);
  if (remaining.length > 0) status.conditions = remaining;
  else delete status.conditions;
}

function filterOutCondition(conditions: DeploymentCondition[] | undefined, type: string): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/** replicaSetToDeploymentCondition promotes an RS ReplicaFailure condition to the Deployment. */
export function replicaSetToDeploymentCondition(cond: ReplicaSetCondition): DeploymentCondition {
  return { type: cond.type, status: cond.status, lastUpdateTime: cond.lastTransitionTime, lastTransitionTime: cond.lastTransitionTime, reason: cond.reason, message: cond.message };
}

/** deploymentComplete: every replica updated and available, no old ones, generation observed. */
export function deploymentComplete(d: Deployment, newStatus: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d);
  return (newStatus.updatedReplicas ?? 0) === replicas
    && (newStatus.replicas ?? 0) === replicas
    && (newStatus.availableReplicas ?? 0) === replicas
    && (newStatus.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}

/**
 * deploymentProgressing: compared with the stored status, more pods were updated, old pods went
 * away, or more pods became ready or available.
 */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0)
    || newStatusOldReplicas < oldStatusOldReplicas
    || (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0)
    || (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/**
 * deploymentTimedOut: the Progressing condition was last updated more than
 * progressDeadlineSeconds ago (never after a NewReplicaSetAvailable, always after a timeout).
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, nowMs: number, epochMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getDeploymentCondition(newStatus, 'Progressing');
  if (!condition) return false;
  if (condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  const fromMs = fromRFC3339(condition.lastUpdateTime ?? '', epochMs);
  return fromMs + progressDeadlineSecondsOf(d) * 1000 < nowMs;
}
