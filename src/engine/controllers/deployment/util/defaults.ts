import type { Deployment, DeploymentStrategy } from 'kubernetes-types/apps/v1';

// The Deployment fields the controller reads, with the apps/v1 API defaults
// (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment) for objects stored without defaulting.

export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_MAX_UNAVAILABLE = '25%';
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** MAX_INT32 disables revision cleanup and the progress deadline when used as their value. */
export const MAX_INT32 = 2147483647;

export function deploymentReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

/** strategyOf: type RollingUpdate with 25%/25% unless set. */
export function strategyOf(d: Deployment): DeploymentStrategy {
  const strategy = d.spec?.strategy ?? {};
  const type = strategy.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') return { type };
  const rollingUpdate = strategy.rollingUpdate ?? {};
  return { type, rollingUpdate: { maxSurge: rollingUpdate.maxSurge ?? DEFAULT_MAX_SURGE, maxUnavailable: rollingUpdate.maxUnavailable ?? DEFAULT_MAX_UNAVAILABLE } };
}

export function minReadySecondsOf(d: Deployment): number {
  return d.spec?.minReadySeconds ?? 0;
}

export function revisionHistoryLimitOf(d: Deployment): number {
  return d.spec?.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
}

export function progressDeadlineSecondsOf(d: Deployment): number {
  return d.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

/** hasProgressDeadline: a deadline other than MaxInt32 (HasProgressDeadline). */
export function hasProgressDeadline(d: Deployment): boolean {
  return progressDeadlineSecondsOf(d) !== MAX_INT32;
}

/** hasRevisionHistoryLimit: a limit other than MaxInt32 keeps only that many old ReplicaSets. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  return revisionHistoryLimitOf(d) !== MAX_INT32;
}
