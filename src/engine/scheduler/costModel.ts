// k8sim's model of how long kube-scheduler takes per scheduling cycle, in sim time. Real
// schedulers manage roughly 100–300 pods/s on large clusters (SIG Scalability's scheduler
// throughput SLO tests at 5,000 nodes): the cycle cost grows with the nodes filtered and scored.

/** CycleCost: a fixed part (queue pop, snapshot, PreFilter, assume) plus per-node parts, in µs. */
export interface CycleCost {
  baseUs: number;
  filterUsPerNode: number;
  scoreUsPerNode: number;
}

export const DEFAULT_CYCLE_COST: CycleCost = { baseUs: 1_500, filterUsPerNode: 6, scoreUsPerNode: 3 };

/**
 * cycleCostMs rounds the modelled cycle duration to whole sim milliseconds (at least 1).
 *
 * Worked example: 1,000 nodes → 420 nodes filtered and scored (42% adaptive) →
 * 1500 + 420×6 + 420×3 = 5,280 µs → 5 ms per pod → about 200 pods/s.
 */
export function cycleCostMs(evaluatedNodes: number, scoredNodes: number, cost: CycleCost = DEFAULT_CYCLE_COST): number {
  const us = cost.baseUs + evaluatedNodes * cost.filterUsPerNode + scoredNodes * cost.scoreUsPerNode;
  return Math.max(1, Math.round(us / 1000));
}
