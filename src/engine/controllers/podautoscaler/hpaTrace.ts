// What the HPA's trace events say in words, so the UI can show the formula with live numbers.
import type { ProposalDetail } from './replicaCalculator';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * describeProposal explains one metric's proposal: `ceil(1.333 × 3 pods) = 4`, or why the count
 * stayed (`|1 − 0.95| ≤ 0.1: keep 3`), or that filling in unready/missing pods changed the ratio.
 */
export function describeProposal(detail: ProposalDetail, currentReplicas: number, proposed: number, tolerance: number): string {
  const ratio = detail.newUsageRatio ?? detail.usageRatio;
  if (detail.podsConsidered !== undefined && proposed === Math.ceil(ratio * detail.podsConsidered)) {
    const refill = detail.newUsageRatio !== undefined ? ` (ratio ${round(detail.usageRatio)} → ${round(detail.newUsageRatio)} with missing/unready pods filled in)` : '';
    return `ceil(${round(ratio)} × ${detail.podsConsidered} pods) = ${proposed}${refill}`;
  }
  if (Math.abs(1 - ratio) <= tolerance) return `|1 − ${round(ratio)}| ≤ ${tolerance}: keep ${currentReplicas}`;
  if (detail.readyPods !== undefined && detail.podsConsidered === undefined && detail.newUsageRatio === undefined) return `ceil(${round(ratio)} × ${detail.readyPods} ready pods) = ${proposed}`;
  return `ratio ${round(detail.usageRatio)} → ${round(ratio)} would reverse the scale direction: keep ${currentReplicas}`;
}
