import type { HpaPoint } from '../../player/hpa';

/**
 * formulaText is the HPA's replica formula with the live numbers plugged in, as the docs write it:
 * desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue)
 * (pkg/controller/podautoscaler/replica_calculator.go; within the 0.1 tolerance it keeps the count).
 */
export function formulaText(p: HpaPoint): string {
  if (p.currentValue === undefined || p.targetValue === undefined || p.proposedReplicas === undefined) return p.error ?? '';
  const unit = p.unit === 'percent' ? '%' : 'm';
  const raw = (p.currentReplicas * p.currentValue) / p.targetValue;
  // The textbook formula over all current pods; the controller's own computation (which fills in
  // missing and unready pods and applies the tolerance) is shown beside it when it differs.
  return `desired = ceil(${p.currentReplicas} × ${p.currentValue}${unit} / ${p.targetValue}${unit}) = ${Math.ceil(Math.round(raw * 1e6) / 1e6)}`;
}
