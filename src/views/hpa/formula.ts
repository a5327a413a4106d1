import type { ProposalExplanation } from '../../engine/controllers/podautoscaler/hpaTrace';
import { format, type MessageKey } from '../../i18n/messages';
import type { HpaPoint } from '../../player/hpa';

/**
 * formulaText is the HPA's replica formula with the live numbers plugged in, as the docs write it:
 * desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue)
 * (pkg/controller/podautoscaler/replica_calculator.go; within the 0.1 tolerance it keeps the count).
 */
export function formulaText(p: HpaPoint, desired = 'desired'): string {
  if (p.currentValue === undefined || p.targetValue === undefined || p.proposedReplicas === undefined) return p.error ?? '';
  const unit = p.unit === 'percent' ? '%' : 'm';
  const raw = (p.currentReplicas * p.currentValue) / p.targetValue;
  // The textbook formula over all current pods; the controller's own computation (which fills in
  // missing and unready pods and applies the tolerance) is shown beside it when it differs.
  return `${desired} = ceil(${p.currentReplicas} × ${p.currentValue}${unit} / ${p.targetValue}${unit}) = ${Math.ceil(Math.round(raw * 1e6) / 1e6)}`;
}

/**
 * proposalText words the controller's own computation (ProposalExplanation from the HPA's trace)
 * in the interface language.
 */
export function proposalText(x: ProposalExplanation, t: Readonly<Record<MessageKey, string>>): string {
  const n = (v: number) => String(v);
  switch (x.kind) {
    case 'ceil':
      return (
        format(t.hpaCeil, { ratio: n(x.ratio), pods: n(x.pods), proposed: n(x.proposed) }) +
        (x.refilledFrom !== undefined ? format(t.hpaRefilled, { from: n(x.refilledFrom), to: n(x.ratio) }) : '')
      );
    case 'tolerance':
      return format(t.hpaTolerance, { ratio: n(x.ratio), tolerance: n(x.tolerance), keep: n(x.keep) });
    case 'readyPods':
      return format(t.hpaReadyPods, { ratio: n(x.ratio), ready: n(x.readyPods), proposed: n(x.proposed) });
    case 'reverse':
      return format(t.hpaReverse, { from: n(x.from), to: n(x.to), keep: n(x.keep) });
  }
}
