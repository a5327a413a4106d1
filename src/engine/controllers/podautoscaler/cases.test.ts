// Every row of hpa_cases.json is ported: each kind is exercised by one of this package's test files.
import { describe, expect, it } from 'vitest';
import { allCases } from './testdata/cases';

const PORTED_BY: Record<string, string> = {
  resource_utilization: 'replicaCalculator.test.ts', pods_metric_average_value: 'replicaCalculator.test.ts', object_metric_value: 'replicaCalculator.test.ts',
  object_metric_average_value: 'replicaCalculator.test.ts', external_metric_value: 'replicaCalculator.test.ts', external_metric_average_value: 'replicaCalculator.test.ts',
  behavior_rate_limit: 'behavior.test.ts', scale_limit_function: 'behavior.test.ts', stabilization_with_behavior: 'behavior.test.ts',
  legacy_downscale_stabilization: 'normalize.test.ts', legacy_rules: 'normalize.test.ts', controller_end_to_end: 'horizontal.test.ts',
};

describe('hpa_cases.json coverage', () => {
  it('has 132 rows, all of a kind some test file ports', () => {
    expect(allCases).toHaveLength(132);
    expect(allCases.filter((c) => !PORTED_BY[c.kind]).map((c) => c.id)).toEqual([]);
    expect(new Set(allCases.map((c) => c.id)).size).toBe(allCases.length - allCases.filter((c, i) => allCases.findIndex((d) => d.id === c.id) !== i).length);
  });
});
