// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32): the spec.behavior path,
// stabilizeRecommendationWithBehaviors, convertDesiredReplicasWithBehaviorRate, the scale-up/down
// limits of HPAScalingRules and the store of past scale events.
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import { DESIRED_WITHIN_RANGE, SCALE_DOWN_LIMIT, SCALE_UP_LIMIT, TOO_FEW_REPLICAS, TOO_MANY_REPLICAS, type LimitDecision, type TimestampedRecommendation } from './normalize';

/** TimestampedScaleEvent is one past rescale: its size (non-negative), when, and whether it aged out. */
export interface TimestampedScaleEvent {
  replicaChange: number;
  timestampMs: number;
  outdated: boolean;
}

/** NormalizationArg bundles what the behavior functions need (horizontal.go NormalizationArg). */
export interface NormalizationArg {
  scaleUpBehavior: HPAScalingRules;
  scaleDownBehavior: HPAScalingRules;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/**
 * stabilizeRecommendationWithBehaviors: the scale-up window keeps the LOWEST recommendation seen
 * in it, the scale-down window the HIGHEST; current replicas are moved into [up, down] only.
 * The unstabilized desired count is then recorded (reusing a slot older than both windows).
 * Example: windows 300 s up / 0 s down, stored 4 and 5 from the last 2 minutes, current 1,
 * desired 7 → up = min(7, 4, 5) = 4 → 4 (ScaleUpStabilized).
 */
export function stabilizeRecommendationWithBehaviors(recommendations: TimestampedRecommendation[], args: NormalizationArg, nowMs: number): LimitDecision {
  let upRecommendation = args.desiredReplicas;
  let downRecommendation = args.desiredReplicas;
  const upCutoffMs = nowMs - (args.scaleUpBehavior.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoffMs = nowMs - (args.scaleDownBehavior.stabilizationWindowSeconds ?? 0) * 1000;
  let oldSampleIndex = -1;
  recommendations.forEach((rec, i) => {
    if (rec.timestampMs > upCutoffMs) upRecommendation = Math.min(rec.recommendation, upRecommendation);
    if (rec.timestampMs > downCutoffMs) downRecommendation = Math.max(rec.recommendation, downRecommendation);
    if (rec.timestampMs < upCutoffMs && rec.timestampMs < downCutoffMs) oldSampleIndex = i;
  });
  let recommendation = args.currentReplicas;
  if (recommendation < upRecommendation) recommendation = upRecommendation;
  if (recommendation > downRecommendation) recommendation = downRecommendation;
  const fresh = { recommendation: args.desiredReplicas, timestampMs: nowMs };
  if (oldSampleIndex >= 0) recommendations[oldSampleIndex] = fresh;
  else recommendations.push(fresh);
  return args.desiredReplicas >= args.currentReplicas
    ? { replicas: recommendation, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
    : { replicas: recommendation, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

/**
 * convertDesiredReplicasWithBehaviorRate applies the Pods/Percent policies (rate of change over
 * their periods) and min/max. Example: 10 replicas, default scale-up rules (4 pods or 100 % per
 * 15 s, selectPolicy Max), desired 50 → max(10 + 4, ceil(10 × 2)) = 20 (ScaleUpLimit).
 */
export function convertDesiredReplicasWithBehaviorRate(args: NormalizationArg, scaleUpEvents: readonly TimestampedScaleEvent[], scaleDownEvents: readonly TimestampedScaleEvent[], nowMs: number): LimitDecision {
  if (args.desiredReplicas > args.currentReplicas) {
    // Do not scale up further until past scale-up events leave their periods.
    const scaleUpLimit = Math.max(args.currentReplicas, calculateScaleUpLimitWithScalingRules(args.currentReplicas, scaleUpEvents, scaleDownEvents, args.scaleUpBehavior, nowMs));
    const upper = args.maxReplicas > scaleUpLimit ? { replicas: scaleUpLimit, ...SCALE_UP_LIMIT } : { replicas: args.maxReplicas, ...TOO_MANY_REPLICAS };
    if (args.desiredReplicas > upper.replicas) return upper;
  } else if (args.desiredReplicas < args.currentReplicas) {
    const scaleDownLimit = Math.min(args.currentReplicas, calculateScaleDownLimitWithBehaviors(args.currentReplicas, scaleUpEvents, scaleDownEvents, args.scaleDownBehavior, nowMs));
    const lower = args.minReplicas < scaleDownLimit ? { replicas: scaleDownLimit, ...SCALE_DOWN_LIMIT } : { replicas: args.minReplicas, ...TOO_FEW_REPLICAS };
    if (args.desiredReplicas < lower.replicas) return lower;
  }
  return { replicas: args.desiredReplicas, ...DESIRED_WITHIN_RANGE };
}

/** getReplicasChangePerPeriod sums the changes of events strictly newer than now − period. */
export function getReplicasChangePerPeriod(periodSeconds: number, scaleEvents: readonly TimestampedScaleEvent[], nowMs: number): number {
  const cutoffMs = nowMs - periodSeconds * 1000;
  let replicas = 0;
  for (const event of scaleEvents) if (event.timestampMs > cutoffMs) replicas += event.replicaChange;
  return replicas;
}

/**
 * periodStartReplicas is the replica count at the start of a policy's period: current minus the
 * pods added in it plus the pods removed in it.
 */
function periodStartReplicas(currentReplicas: number, periodSeconds: number, scaleUpEvents: readonly TimestampedScaleEvent[], scaleDownEvents: readonly TimestampedScaleEvent[], nowMs: number): number {
  return currentReplicas - getReplicasChangePerPeriod(periodSeconds, scaleUpEvents, nowMs) + getReplicasChangePerPeriod(periodSeconds, scaleDownEvents, nowMs);
}

/**
 * calculateScaleUpLimitWithScalingRules: per policy, periodStart + value pods or
 * ceil(periodStart × (1 + value/100)) (rounded up so a small percentage still adds a pod);
 * selectPolicy Max takes the largest, Min the smallest, Disabled keeps current.
 */
export function calculateScaleUpLimitWithScalingRules(currentReplicas: number, scaleUpEvents: readonly TimestampedScaleEvent[], scaleDownEvents: readonly TimestampedScaleEvent[], rules: HPAScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? INT32_MAX : INT32_MIN;
  for (const policy of rules.policies ?? []) {
    const start = periodStartReplicas(currentReplicas, policy.periodSeconds, scaleUpEvents, scaleDownEvents, nowMs);
    const proposed = policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/**
 * calculateScaleDownLimitWithBehaviors: per policy, periodStart − value pods or
 * trunc(periodStart × (1 − value/100)); selectPolicy Max takes the LOWEST (largest change),
 * Min the highest, Disabled keeps current.
 */
export function calculateScaleDownLimitWithBehaviors(currentReplicas: number, scaleUpEvents: readonly TimestampedScaleEvent[], scaleDownEvents: readonly TimestampedScaleEvent[], rules: HPAScalingRules, nowMs: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const pickMax = rules.selectPolicy === 'Min';
  let result = pickMax ? INT32_MIN : INT32_MAX;
  for (const policy of rules.policies ?? []) {
    const start = periodStartReplicas(currentReplicas, policy.periodSeconds, scaleUpEvents, scaleDownEvents, nowMs);
    const proposed = policy.type === 'Pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
    result = pickMax ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** getLongestPolicyPeriod is the longest periodSeconds of the rules' policies. */
export function getLongestPolicyPeriod(rules: HPAScalingRules | undefined): number {
  let longest = 0;
  for (const policy of rules?.policies ?? []) longest = Math.max(longest, policy.periodSeconds);
  return longest;
}

/** markScaleEventsOutdated flags events older than the longest policy period for slot reuse. */
export function markScaleEventsOutdated(scaleEvents: TimestampedScaleEvent[], longestPolicyPeriodSeconds: number, nowMs: number): void {
  const cutoffMs = nowMs - longestPolicyPeriodSeconds * 1000;
  for (const event of scaleEvents) if (event.timestampMs < cutoffMs) event.outdated = true;
}

/**
 * storeScaleEvent records a rescale in the scale-up or scale-down list (the last outdated slot is
 * reused), so later syncs can tell how much changed within each policy period.
 */
export function storeScaleEvent(events: { up: TimestampedScaleEvent[]; down: TimestampedScaleEvent[] }, rules: { scaleUp?: HPAScalingRules; scaleDown?: HPAScalingRules }, prevReplicas: number, newReplicas: number, nowMs: number): void {
  const up = newReplicas > prevReplicas;
  const list = up ? events.up : events.down;
  markScaleEventsOutdated(list, getLongestPolicyPeriod(up ? rules.scaleUp : rules.scaleDown), nowMs);
  let oldSampleIndex = -1;
  list.forEach((event, i) => {
    if (event.outdated) oldSampleIndex = i;
  });
  const fresh = { replicaChange: Math.abs(newReplicas - prevReplicas), timestampMs: nowMs, outdated: false };
  if (oldSampleIndex >= 0) list[oldSampleIndex] = fresh;
  else list.push(fresh);
}
