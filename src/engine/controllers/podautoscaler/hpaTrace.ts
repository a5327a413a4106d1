// What the HPA's trace events say in words, so the UI can show the formula with live numbers.
// The HPA's trace vocabulary (component `horizontal-pod-autoscaler`, ref = the HPA):
// - `hpa.metric`: one metric's proposal: metric, metricType, current/target (texts as in
//   `kubectl get hpa`), unit + currentValue/targetValue (percent or milli-units, for plots),
//   currentReplicas, proposedReplicas, usageRatio, readyPods, unreadyPods, missingPods,
//   ignoredPods, newUsageRatio and podsConsidered when missing/unready pods were filled in, and
//   formula (`ceil(1.333 × 3 pods) = 4`); or metricType, error, reason when it failed.
// - `hpa.normalize`: path (legacy | behavior), prenormalizedReplicas, stabilizedReplicas,
//   limitedReplicas, limitReason (the ScalingLimited reason).
// - `hpa.decision`: currentReplicas, metricDesiredReplicas, desiredReplicas, rescale, reason (the
//   SuccessfulRescale reason), conditions ({type: 'Status/Reason'}), or error.
// metrics-server adds `metrics.scrape` (nodes, pods, failedNodes, durationMs) and the apiserver
// `apiserver.proxy` for each request it forwards to metrics.k8s.io.
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
