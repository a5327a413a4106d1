// What the HPA's trace events say in words, so the UI can show the formula with live numbers.
// The HPA's trace vocabulary (component `horizontal-pod-autoscaler`, ref = the HPA):
// - `hpa.metric`: one metric's proposal: metric, metricType, current/target (texts as in
//   `kubectl get hpa`), unit + currentValue/targetValue (percent or milli-units, for plots),
//   currentReplicas, proposedReplicas, usageRatio, readyPods, unreadyPods, missingPods,
//   ignoredPods, newUsageRatio and podsConsidered when missing/unready pods were filled in, and
//   formula (`ceil(1.333 × 3 pods) = 4`) with its numbers in `explanation` (ProposalExplanation);
//   or metricType, error, reason when it failed.
// - `hpa.normalize`: path (legacy | behavior), prenormalizedReplicas, stabilizedReplicas,
//   limitedReplicas, limitReason (the ScalingLimited reason).
// - `hpa.decision`: currentReplicas, metricDesiredReplicas, desiredReplicas, rescale, reason (the
//   SuccessfulRescale reason), conditions ({type: 'Status/Reason'}), or error.
// metrics-server adds `metrics.scrape` (nodes, pods, failedNodes, durationMs) and the apiserver
// `apiserver.proxy` for each request it forwards to metrics.k8s.io.
import type { ProposalDetail } from './replicaCalculator';

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * ProposalExplanation is why one metric proposed its count, in numbers (ratios rounded to 3
 * places), so the UI can say it in the learner's language; describeProposal says it in English.
 */
export type ProposalExplanation =
  | { kind: 'ceil'; ratio: number; pods: number; proposed: number; refilledFrom?: number }
  | { kind: 'tolerance'; ratio: number; tolerance: number; keep: number }
  | { kind: 'readyPods'; ratio: number; readyPods: number; proposed: number }
  | { kind: 'reverse'; from: number; to: number; keep: number };

/** explainProposal classifies one metric's proposal (see ProposalExplanation). */
export function explainProposal(detail: ProposalDetail, currentReplicas: number, proposed: number, tolerance: number): ProposalExplanation {
  const ratio = detail.newUsageRatio ?? detail.usageRatio;
  if (detail.podsConsidered !== undefined && proposed === Math.ceil(ratio * detail.podsConsidered)) {
    return { kind: 'ceil', ratio: round(ratio), pods: detail.podsConsidered, proposed, ...(detail.newUsageRatio !== undefined ? { refilledFrom: round(detail.usageRatio) } : {}) };
  }
  if (Math.abs(1 - ratio) <= tolerance) return { kind: 'tolerance', ratio: round(ratio), tolerance, keep: currentReplicas };
  if (detail.readyPods !== undefined && detail.podsConsidered === undefined && detail.newUsageRatio === undefined) return { kind: 'readyPods', ratio: round(ratio), readyPods: detail.readyPods, proposed };
  return { kind: 'reverse', from: round(detail.usageRatio), to: round(ratio), keep: currentReplicas };
}

/**
 * describeProposal explains one metric's proposal: `ceil(1.333 × 3 pods) = 4`, or why the count
 * stayed (`|1 − 0.95| ≤ 0.1: keep 3`), or that filling in unready/missing pods changed the ratio.
 */
export function describeProposal(detail: ProposalDetail, currentReplicas: number, proposed: number, tolerance: number): string {
  return proposalEnglish(explainProposal(detail, currentReplicas, proposed, tolerance));
}

/** proposalEnglish is the trace's `formula` text for an explanation. */
export function proposalEnglish(x: ProposalExplanation): string {
  switch (x.kind) {
    case 'ceil':
      return `ceil(${x.ratio} × ${x.pods} pods) = ${x.proposed}${x.refilledFrom !== undefined ? ` (ratio ${x.refilledFrom} → ${x.ratio} with missing/unready pods filled in)` : ''}`;
    case 'tolerance':
      return `|1 − ${x.ratio}| ≤ ${x.tolerance}: keep ${x.keep}`;
    case 'readyPods':
      return `ceil(${x.ratio} × ${x.readyPods} ready pods) = ${x.proposed}`;
    case 'reverse':
      return `ratio ${x.from} → ${x.to} would reverse the scale direction: keep ${x.keep}`;
  }
}
