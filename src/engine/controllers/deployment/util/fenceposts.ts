// Mirrors kubernetes pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts,
// MaxUnavailable, MaxSurge, NewRSNewReplicas, IsSaturated) and apimachinery intstr.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { specReplicas } from '../../controllerUtils';
import { deploymentReplicas, strategyOf } from './defaults';
import { getDesiredReplicasAnnotation } from './annotations';

/** IntOrString is intstr.IntOrString as JSON carries it: 3 or "25%". */
export type IntOrString = number | string;

export type Scaled = { ok: true; value: number } | { ok: false; error: string };

/**
 * getScaledValueFromIntOrPercent: an int is used as is; `N%` is N percent of `total`, rounded up
 * or down; any other string is an error (intstr.GetScaledValueFromIntOrPercent).
 */
export function getScaledValueFromIntOrPercent(value: IntOrString | undefined, total: number, roundUp: boolean): Scaled {
  if (value === undefined || value === null) return { ok: true, value: 0 };
  if (typeof value === 'number') return { ok: true, value };
  if (!value.endsWith('%')) return { ok: false, error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  const percentText = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(percentText)) return { ok: false, error: `invalid value "${value}": strconv.Atoi: parsing "${percentText}": invalid syntax` };
  const scaled = (Number(percentText) * total) / 100;
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) };
}

export type Fenceposts = { ok: true; surge: number; unavailable: number } | { ok: false; error: string };

/**
 * resolveFenceposts resolves maxSurge (rounded up) and maxUnavailable (rounded down) against the
 * desired replicas. When both come out 0 (e.g. 25%/25% of 1 → surge 1, but 0%/0% or 1%/1% of 1 →
 * 0/0), maxUnavailable becomes 1 so the rollout can always make progress.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): Fenceposts {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (!surge.ok) return surge;
  const unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (!unavailable.ok) return unavailable;
  if (surge.value === 0 && unavailable.value === 0) return { ok: true, surge: 0, unavailable: 1 };
  return { ok: true, surge: surge.value, unavailable: unavailable.value };
}

export function isRollingUpdate(d: Deployment): boolean {
  return strategyOf(d).type === 'RollingUpdate';
}

/** maxUnavailable: 0 for Recreate or 0 replicas, else the resolved value capped at spec.replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const rollingUpdate = strategyOf(d).rollingUpdate!;
  const resolved = resolveFenceposts(rollingUpdate.maxSurge, rollingUpdate.maxUnavailable, replicas);
  if (!resolved.ok) return 0;
  return Math.min(resolved.unavailable, replicas);
}

/** maxSurge: 0 for Recreate, else the resolved surge. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const rollingUpdate = strategyOf(d).rollingUpdate!;
  const resolved = resolveFenceposts(rollingUpdate.maxSurge, rollingUpdate.maxUnavailable, deploymentReplicas(d));
  return resolved.ok ? resolved.surge : 0;
}

/** minAvailable is spec.replicas - maxUnavailable for rolling updates (0 for Recreate). */
export function minAvailable(d: Deployment): number {
  return isRollingUpdate(d) ? deploymentReplicas(d) - maxUnavailable(d) : 0;
}

/**
 * newRSNewReplicas is how far the new ReplicaSet may grow in one step. Example: 3 replicas, surge
 * 1, old RS at 3, new at 0 → total 3 < 3+1 → new RS 0 + min(1, 3-0) = 1.
 */
export function newRSNewReplicas(d: Deployment, allRSs: ReadonlyArray<ReplicaSet | undefined>, newRS: ReplicaSet): Scaled {
  const strategy = strategyOf(d);
  const replicas = deploymentReplicas(d);
  if (strategy.type === 'Recreate') return { ok: true, value: replicas };
  if (strategy.type !== 'RollingUpdate') return { ok: false, error: `deployment type ${strategy.type} isn't supported` };
  const surge = getScaledValueFromIntOrPercent(strategy.rollingUpdate!.maxSurge ?? 0, replicas, true);
  if (!surge.ok) return surge;
  const currentPodCount = allRSs.reduce((sum, rs) => sum + (rs ? specReplicas(rs) : 0), 0);
  const maxTotalPods = replicas + surge.value;
  if (currentPodCount >= maxTotalPods) return { ok: true, value: specReplicas(newRS) };
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - specReplicas(newRS));
  return { ok: true, value: specReplicas(newRS) + scaleUpCount };
}

/**
 * isSaturated: the new RS is as big as the deployment, believes so (desired-replicas annotation)
 * and has all of those replicas available.
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = deploymentReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
