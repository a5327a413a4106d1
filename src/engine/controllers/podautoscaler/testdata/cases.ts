import hpa from './hpa_cases.json';

/**
 * HpaCase is one row of testdata/hpa_cases.json (a copy of ../shared/oracles/k8s/hpa_cases.json:
 * inputs and outputs of the upstream pkg/controller/podautoscaler tests; `source` names the test).
 */
export interface HpaCase {
  id: string;
  source: string;
  kind: string;
  [field: string]: unknown;
}

/** casesOf returns the rows of one kind, for `it.each`. */
export function casesOf(kind: string): HpaCase[] {
  return (hpa.cases as HpaCase[]).filter((c) => c.kind === kind);
}

/** allCases is every row (the test files together must cover each one). */
export const allCases = hpa.cases as HpaCase[];
