import rollout from './rollout_cases.json';

/** RolloutCase is one row of testdata/rollout_cases.json (fields depend on `kind`). */
export interface RolloutCase {
  id: string;
  source: string;
  kind: string;
  [field: string]: unknown;
}

/** casesOf returns the rows of one kind, for `it.each`. */
export function casesOf(kind: string): RolloutCase[] {
  return (rollout.cases as RolloutCase[]).filter((c) => c.kind === kind);
}
