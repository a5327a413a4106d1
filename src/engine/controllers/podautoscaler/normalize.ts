// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32): the no-behavior path
// (spec.behavior unset): stabilizeRecommendation, convertDesiredReplicasWithRules,
// calculateScaleUpLimit.
import { SCALE_UP_LIMIT_FACTOR, SCALE_UP_LIMIT_MINIMUM } from './config';

/** TimestampedRecommendation is one remembered (unstabilized) desired replica count. */
export interface TimestampedRecommendation {
  recommendation: number;
  timestampMs: number;
}

/** LimitDecision is a normalized count with the ScalingLimited reason and message it earned. */
export interface LimitDecision {
  replicas: number;
  reason: string;
  message: string;
}

export const DESIRED_WITHIN_RANGE: Omit<LimitDecision, 'replicas'> = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
export const TOO_MANY_REPLICAS = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
export const TOO_FEW_REPLICAS = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
export const SCALE_UP_LIMIT = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
export const SCALE_DOWN_LIMIT = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };

/**
 * stabilizeRecommendation is the 5-minute downscale stabilization: it returns the highest
 * recommendation of the window (the new one included) and records the new one, reusing the slot
 * of a recommendation older than the window; for example, stored 4 (2 min ago) and 5 (1 min ago),
 * new 3 → 5; the pods stay until the higher recommendations age out.
 */
export function stabilizeRecommendation(recommendations: TimestampedRecommendation[], prenormalizedDesiredReplicas: number, nowMs: number, windowMs: number): number {
  let maxRecommendation = prenormalizedDesiredReplicas;
  let oldSampleIndex = -1;
  const cutoffMs = nowMs - windowMs;
  recommendations.forEach((rec, i) => {
    if (rec.timestampMs < cutoffMs) oldSampleIndex = i;
    else if (rec.recommendation > maxRecommendation) maxRecommendation = rec.recommendation;
  });
  const fresh = { recommendation: prenormalizedDesiredReplicas, timestampMs: nowMs };
  if (oldSampleIndex >= 0) recommendations[oldSampleIndex] = fresh;
  else recommendations.push(fresh);
  return maxRecommendation;
}

/** calculateScaleUpLimit is max(2 × current, 4): one sync may at most double a target (or reach 4). */
export function calculateScaleUpLimit(currentReplicas: number, factor = SCALE_UP_LIMIT_FACTOR): number {
  return Math.trunc(Math.max(factor * currentReplicas, SCALE_UP_LIMIT_MINIMUM));
}

/**
 * convertDesiredReplicasWithRules clamps the stabilized count to [minReplicas, min(maxReplicas,
 * scaleUpLimit)] and names the bound that applied. Example: 3 replicas wanting 1000 with
 * maxReplicas 2000 → 6 (ScaleUpLimit); there is no scale-down rate limit on this path.
 */
export function convertDesiredReplicasWithRules(currentReplicas: number, desiredReplicas: number, hpaMinReplicas: number, hpaMaxReplicas: number, factor = SCALE_UP_LIMIT_FACTOR): LimitDecision {
  const scaleUpLimit = calculateScaleUpLimit(currentReplicas, factor);
  const upper = hpaMaxReplicas > scaleUpLimit ? { replicas: scaleUpLimit, ...SCALE_UP_LIMIT } : { replicas: hpaMaxReplicas, ...TOO_MANY_REPLICAS };
  if (desiredReplicas < hpaMinReplicas) return { replicas: hpaMinReplicas, ...TOO_FEW_REPLICAS };
  if (desiredReplicas > upper.replicas) return upper;
  return { replicas: desiredReplicas, ...DESIRED_WITHIN_RANGE };
}
