// Ports the horizontal_test.go behavior rows of hpa_cases.json: TestScalingWithRules
// (convertDesiredReplicasWithBehaviorRate), TestCalculateScale{Up,Down}Limit*, and
// TestNormalizeDesiredReplicasWithBehavior (stabilizeRecommendationWithBehaviors).
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import { describe, expect, it } from 'vitest';
import {
  calculateScaleDownLimitWithBehaviors, calculateScaleUpLimitWithScalingRules, convertDesiredReplicasWithBehaviorRate,
  stabilizeRecommendationWithBehaviors, storeScaleEvent, type TimestampedScaleEvent,
} from './behavior';
import type { TimestampedRecommendation } from './normalize';
import { casesOf, type HpaCase } from './testdata/cases';

const NOW_MS = 10_000_000;
type Aged = { replicaChange: number; ageSeconds: number };
const events = (list: Aged[]): TimestampedScaleEvent[] => list.map((e) => ({ replicaChange: e.replicaChange, timestampMs: NOW_MS - e.ageSeconds * 1000, outdated: false }));
const rules = (r: HPAScalingRules & { stabilizationWindowSeconds?: number | null }): HPAScalingRules => ({ ...r, stabilizationWindowSeconds: r.stabilizationWindowSeconds ?? undefined });

type RateCase = HpaCase & {
  currentReplicas: number; prenormalizedDesiredReplicas: number; minReplicas: number; maxReplicas: number;
  scaleUpRules: HPAScalingRules; scaleDownRules: HPAScalingRules; scaleUpEvents: Aged[]; scaleDownEvents: Aged[];
  expectedReplicas: number; expectedLimitingReason: string;
};

describe('convertDesiredReplicasWithBehaviorRate (TestScalingWithRules)', () => {
  it.each(casesOf('behavior_rate_limit').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as RateCase;
    const decision = convertDesiredReplicasWithBehaviorRate({
      scaleUpBehavior: rules(c.scaleUpRules), scaleDownBehavior: rules(c.scaleDownRules),
      minReplicas: c.minReplicas, maxReplicas: c.maxReplicas, currentReplicas: c.currentReplicas, desiredReplicas: c.prenormalizedDesiredReplicas,
    }, events(c.scaleUpEvents), events(c.scaleDownEvents), NOW_MS);
    expect({ replicas: decision.replicas, reason: decision.reason }).toEqual({ replicas: c.expectedReplicas, reason: c.expectedLimitingReason });
  });
});

type LimitCase = HpaCase & { function: string; currentReplicas: number; rules: HPAScalingRules; scaleUpEvents: Aged[]; scaleDownEvents: Aged[]; expectedLimit: number };

describe('calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors', () => {
  it.each(casesOf('scale_limit_function').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as LimitCase;
    const calculate = c.function === 'calculateScaleUpLimitWithScalingRules' ? calculateScaleUpLimitWithScalingRules : calculateScaleDownLimitWithBehaviors;
    expect(calculate(c.currentReplicas, events(c.scaleUpEvents), events(c.scaleDownEvents), rules(c.rules), NOW_MS)).toBe(c.expectedLimit);
  });
});

type StabilizeCase = HpaCase & {
  recommendations: Array<{ recommendation: number; ageSeconds: number }>; currentReplicas: number; prenormalizedDesiredReplicas: number;
  scaleUpStabilizationWindowSeconds: number; scaleDownStabilizationWindowSeconds: number;
  expectedStabilizedReplicas: number; expectedStoredRecommendations?: number[];
};

describe('stabilizeRecommendationWithBehaviors (TestNormalizeDesiredReplicasWithBehavior)', () => {
  it.each(casesOf('stabilization_with_behavior').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as StabilizeCase;
    const stored: TimestampedRecommendation[] = c.recommendations.map((r) => ({ recommendation: r.recommendation, timestampMs: NOW_MS - r.ageSeconds * 1000 }));
    const defaultPolicies: HPAScalingRules['policies'] = [{ type: 'Percent', value: 100, periodSeconds: 15 }];
    const decision = stabilizeRecommendationWithBehaviors(stored, {
      scaleUpBehavior: { stabilizationWindowSeconds: c.scaleUpStabilizationWindowSeconds, selectPolicy: 'Max', policies: defaultPolicies },
      scaleDownBehavior: { stabilizationWindowSeconds: c.scaleDownStabilizationWindowSeconds, selectPolicy: 'Max', policies: defaultPolicies },
      minReplicas: 0, maxReplicas: 1000, currentReplicas: c.currentReplicas, desiredReplicas: c.prenormalizedDesiredReplicas,
    }, NOW_MS);
    expect(decision.replicas).toBe(c.expectedStabilizedReplicas);
    if (c.expectedStoredRecommendations) expect(stored.map((r) => r.recommendation)).toEqual(c.expectedStoredRecommendations);
  });
});

describe('storeScaleEvent', () => {
  it('reuses the slot of an event older than the longest policy period (TestStoreScaleEvents semantics)', () => {
    const store: { up: TimestampedScaleEvent[]; down: TimestampedScaleEvent[] } = { up: events([{ replicaChange: 8, ageSeconds: 105 }, { replicaChange: 12, ageSeconds: 75 }, { replicaChange: 9, ageSeconds: 45 }]), down: [] };
    storeScaleEvent(store, { scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 60 }] } }, 3, 7, NOW_MS);
    // 105 s and 75 s are past the 60 s period: the last outdated slot (index 1) takes the new event.
    expect(store.up.map((e) => [e.replicaChange, (NOW_MS - e.timestampMs) / 1000])).toEqual([[8, 105], [4, 0], [9, 45]]);
    storeScaleEvent(store, { scaleDown: { policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } }, 7, 2, NOW_MS);
    expect(store.down.map((e) => e.replicaChange)).toEqual([5]);
  });
});
