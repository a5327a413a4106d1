// Mirrors kubernetes pkg/controller/deployment/util/deployment_util.go: finding the new and old
// ReplicaSets, replica counts and proportions.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { byCreationTimestamp, filterActiveReplicaSets, specReplicas } from '../../controllerUtils';
import { semanticDeepEqual } from '../../equality';
import { getMaxReplicasAnnotation } from './annotations';
import { deploymentReplicas } from './defaults';
import { maxSurge } from './fenceposts';

/** DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY is apps.DefaultDeploymentUniqueLabelKey. */
export const DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = 'pod-template-hash';

/** equalIgnoreHash compares two pod templates semantically, ignoring the pod-template-hash label. */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return semanticDeepEqual(withoutHash(t1), withoutHash(t2));
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
  return { ...template, metadata: { ...template?.metadata, labels } };
}

/**
 * findNewReplicaSet returns the oldest ReplicaSet whose template equals the deployment's (there
 * can be more than one after an upgrade changed hashes; the oldest wins deterministically).
 */
export function findNewReplicaSet<T extends ReplicaSet>(d: Deployment, rsList: readonly T[]): T | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** findOldReplicaSets returns (old RSs with replicas, all old RSs). */
export function findOldReplicaSets<T extends ReplicaSet>(d: Deployment, rsList: readonly T[]): { requiredRSs: T[]; allOldRSs: T[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = rsList.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
  return { requiredRSs: allOldRSs.filter((rs) => specReplicas(rs) !== 0), allOldRSs };
}

/**
 * findActiveOrLatest returns the only active RS, or the newest when none is active; undefined when
 * several are active (then scaling is proportional).
 */
export function findActiveOrLatest<T extends ReplicaSet>(newRS: T | undefined, oldRSs: readonly T[]): T | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

type MaybeRS = ReplicaSet | undefined;

export function getReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((sum, rs) => sum + (rs ? specReplicas(rs) : 0), 0);
}

export function getActualReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: readonly MaybeRS[]): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.availableReplicas ?? 0), 0);
}

/** roundToInt32 is math.Round: halves away from zero (Math.round rounds -2.5 to -2). */
function roundToInt32(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * getReplicaSetFraction estimates an RS's share of a scaling event: its size times the new
 * allowed total over the total it was sized for (max-replicas annotation, else status.replicas).
 * Example: RS of 3 sized for 5, deployment now 10+0 → round(3*10/5) - 3 = +3.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (deploymentReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicasTotal = deploymentReplicas(d) + maxSurge(d);
  const annotatedReplicas = getMaxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  const newRSsize = (specReplicas(rs) * deploymentReplicasTotal) / annotatedReplicas;
  return roundToInt32(newRSsize) - specReplicas(rs);
}

/**
 * getProportion is the number of replicas to add to (or remove from) one RS, never more than what
 * is left to distribute.
 */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, deploymentReplicasToAdd: number, deploymentReplicasAdded: number): number {
  if (!rs || specReplicas(rs) === 0 || deploymentReplicasToAdd === 0 || deploymentReplicasToAdd === deploymentReplicasAdded) return 0;
  const rsFraction = getReplicaSetFraction(rs, d);
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded;
  return deploymentReplicasToAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed);
}
