// Ports the horizontal_test.go no-behavior rows of hpa_cases.json: TestNormalizeDesiredReplicas
// (stabilizeRecommendation, 300 s window) and TestConvertDesiredReplicasWithRules (the upstream
// test raises scaleUpLimitFactor to 8; production keeps 2).
import { describe, expect, it } from 'vitest';
import { SCALE_UP_LIMIT_FACTOR } from './config';
import { calculateScaleUpLimit, convertDesiredReplicasWithRules, stabilizeRecommendation, type TimestampedRecommendation } from './normalize';
import { casesOf, type HpaCase } from './testdata/cases';

const NOW_MS = 10_000_000;
const TEST_SCALE_UP_LIMIT_FACTOR = 8;

type StabilizeCase = HpaCase & { downscaleStabilisationWindowSeconds: number; recommendations: Array<{ recommendation: number; ageSeconds: number }>; prenormalizedDesiredReplicas: number; expectedStabilizedReplicas: number; expectedLogLength: number };

describe('stabilizeRecommendation (TestNormalizeDesiredReplicas)', () => {
  it.each(casesOf('legacy_downscale_stabilization').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as StabilizeCase;
    const stored: TimestampedRecommendation[] = c.recommendations.map((r) => ({ recommendation: r.recommendation, timestampMs: NOW_MS - r.ageSeconds * 1000 }));
    expect(stabilizeRecommendation(stored, c.prenormalizedDesiredReplicas, NOW_MS, c.downscaleStabilisationWindowSeconds * 1000)).toBe(c.expectedStabilizedReplicas);
    expect(stored).toHaveLength(c.expectedLogLength);
  });
});

type RulesCase = HpaCase & { currentReplicas: number; prenormalizedDesiredReplicas: number; minReplicas: number; maxReplicas: number; expectedReplicas: number; expectedLimitingReason: string };

describe('convertDesiredReplicasWithRules (TestConvertDesiredReplicasWithRules)', () => {
  it.each(casesOf('legacy_rules').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as RulesCase;
    const decision = convertDesiredReplicasWithRules(c.currentReplicas, c.prenormalizedDesiredReplicas, c.minReplicas, c.maxReplicas, TEST_SCALE_UP_LIMIT_FACTOR);
    expect({ replicas: decision.replicas, reason: decision.reason }).toEqual({ replicas: c.expectedReplicas, reason: c.expectedLimitingReason });
  });

  it('uses max(2 × current, 4) in production (scaleUpLimitFactor 2, scaleUpLimitMinimum 4)', () => {
    expect(SCALE_UP_LIMIT_FACTOR).toBe(2);
    expect([1, 2, 3, 10].map((n) => calculateScaleUpLimit(n))).toEqual([4, 4, 6, 20]);
    // The "scaleUpLimit is the limit" row under the production factor: max(6, 4) = 6.
    expect(convertDesiredReplicasWithRules(3, 1000, 1, 2000)).toMatchObject({ replicas: 6, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
  });
});
