// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32) computeReplicasForMetrics,
// computeReplicasForMetric and validateAndParseSelector: every metric proposes a replica count,
// the largest wins; if all metrics fail, or some fail and the rest would scale down, the HPA
// does not scale and ScalingActive turns False with the first failure's reason.
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import { matches, parseSelector, type Selector } from '../../api/labels';
import { milliValue } from '../../api/quantity';
import type { Task } from '../../sim/task';
import { traceDecision, refOf } from '../trace';
import type { HPACondition } from './conditions';
import type { HorizontalController, Scale } from './horizontal';
import { explainProposal, proposalEnglish } from './hpaTrace';
import {
  computeStatusForContainerResourceMetric, computeStatusForExternalMetric, computeStatusForObjectMetric, computeStatusForPodsMetric,
  computeStatusForResourceMetric, type MetricOutcome,
} from './metricStatus';

/** MetricsComputation is computeReplicasForMetrics' answer; replicas −1 means "cannot scale". */
export interface MetricsComputation {
  replicas: number;
  metric: string;
  statuses: MetricStatus[] | undefined;
  timestampMs: number;
  error?: string;
}

export function* computeReplicasForMetrics(a: HorizontalController, hpa: HorizontalPodAutoscaler, scale: Scale, metricSpecs: readonly MetricSpec[]): Task<MetricsComputation> {
  const parsed = validateAndParseSelector(a, hpa, scale.status.selector ?? '');
  if (!parsed.ok) return { replicas: -1, metric: '', statuses: undefined, timestampMs: 0, error: parsed.error };
  const specReplicas = scale.spec.replicas;
  const statusReplicas = scale.status.replicas;
  const statuses: MetricStatus[] = metricSpecs.map(() => ({ type: '' }));
  let replicas = 0;
  let metric = '';
  let timestampMs = 0;
  let invalidMetricsCount = 0;
  let invalid: { condition: HPACondition; error: string } | undefined;
  for (let i = 0; i < metricSpecs.length; i++) {
    const outcome = yield* computeReplicasForMetric(a, hpa, metricSpecs[i], specReplicas, statusReplicas, parsed.selector);
    if (!outcome.ok) {
      if (invalidMetricsCount <= 0) invalid = { condition: outcome.condition, error: outcome.error };
      invalidMetricsCount++;
      continue;
    }
    statuses[i] = outcome.status;
    if (replicas === 0 || outcome.replicas > replicas) {
      timestampMs = outcome.timestampMs;
      replicas = outcome.replicas;
      metric = outcome.metricName;
    }
  }
  const error = invalid ? `invalid metrics (${invalidMetricsCount} invalid out of ${metricSpecs.length}), first error is: ${invalid.error}` : undefined;
  // All metrics invalid, or some invalid while the valid ones would scale down: do not scale.
  if (invalidMetricsCount >= metricSpecs.length || (invalidMetricsCount > 0 && replicas < specReplicas)) {
    if (invalid) a.setCondition(hpa, invalid.condition);
    return { replicas: -1, metric: '', statuses, timestampMs: 0, error };
  }
  a.setCondition(hpa, { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${metric}` });
  return { replicas, metric, statuses, timestampMs, error };
}

/** computeReplicasForMetric dispatches on the metric type and traces the proposal with its numbers. */
function* computeReplicasForMetric(a: HorizontalController, hpa: HorizontalPodAutoscaler, spec: MetricSpec, specReplicas: number, statusReplicas: number, selector: Selector): Task<MetricOutcome> {
  let outcome: MetricOutcome;
  switch (spec.type) {
    case 'Object':
      outcome = yield* computeStatusForObjectMetric(a, specReplicas, statusReplicas, spec, hpa, selector);
      break;
    case 'Pods':
      outcome = yield* computeStatusForPodsMetric(a, specReplicas, spec, hpa, selector);
      break;
    case 'Resource':
      outcome = yield* computeStatusForResourceMetric(a, specReplicas, spec, hpa, selector);
      break;
    case 'ContainerResource':
      outcome = yield* computeStatusForContainerResourceMetric(a, specReplicas, spec, hpa, selector);
      break;
    case 'External':
      outcome = yield* computeStatusForExternalMetric(a, specReplicas, statusReplicas, spec, hpa, selector);
      break;
    default: {
      // Unreachable after apiserver validation.
      const error = `unknown metric source type "${spec.type}"`;
      return { ok: false, condition: a.unableToCompute(hpa, 'InvalidMetricSourceType', error), error };
    }
  }
  if (outcome.ok) {
    const explanation = explainProposal(outcome.detail, specReplicas, outcome.replicas, a.config.tolerance);
    traceDecision(a.sim, a.component, 'hpa.metric', refOf(hpa), {
      metric: outcome.metricName, metricType: spec.type, current: outcome.current, target: outcome.target, ...plottable(outcome.current, outcome.target), currentReplicas: specReplicas,
      proposedReplicas: outcome.replicas, ...outcome.detail, formula: proposalEnglish(explanation), explanation,
    });
  } else traceDecision(a.sim, a.component, 'hpa.metric', refOf(hpa), { metricType: spec.type, error: outcome.error, reason: outcome.condition.reason });
  return outcome;
}

/**
 * validateAndParseSelector checks the scale's selector: present, parseable, and its pods not
 * also selected by another HPA (AmbiguousSelector); each failure is an event and a condition.
 */
export function validateAndParseSelector(a: HorizontalController, hpa: HorizontalPodAutoscaler, selectorText: string): { ok: true; selector: Selector } | { ok: false; error: string } {
  const invalid = (reason: string, eventReason: string, eventMessage: string, conditionMessage: string) => {
    a.recorder.event(hpa as never, 'Warning', eventReason, eventMessage);
    a.setCondition(hpa, { type: 'ScalingActive', status: 'False', reason, message: conditionMessage });
    return { ok: false as const, error: eventMessage };
  };
  if (selectorText === '') return invalid('InvalidSelector', 'SelectorRequired', 'selector is required', "the HPA target's scale is missing a selector");
  const parsed = parseSelector(selectorText);
  if (!parsed.ok) {
    const message = `couldn't convert selector into a corresponding internal selector object: ${parsed.error}`;
    return invalid('InvalidSelector', 'InvalidSelector', message, message);
  }
  const namespace = hpa.metadata!.namespace!;
  const key = `${namespace}/${hpa.metadata!.name}`;
  if (a.hpaSelectors.has(key)) a.hpaSelectors.set(key, parsed.selector);
  const pods = a.listPods(namespace, parsed.selector);
  const selecting = new Set<string>();
  for (const pod of pods) {
    for (const [hpaKey, selector] of a.hpaSelectors) {
      if (selector && hpaKey.startsWith(`${namespace}/`) && matches(selector, pod.metadata?.labels)) selecting.add(hpaKey);
    }
  }
  if (selecting.size > 1) {
    const keys = [...selecting].sort().map((k) => `{${k.slice(namespace.length + 1)} ${namespace}}`).join(' ');
    const message = `pods by selector ${selectorText} are controlled by multiple HPAs: [${keys}]`;
    return invalid('AmbiguousSelector', 'AmbiguousSelector', message, message);
  }
  return { ok: true, selector: parsed.selector };
}

/** plottable gives the UI numbers for a metric's current/target texts: percent, or milli-units. */
function plottable(current: string, target: string): { unit: 'percent' | 'milli'; currentValue: number; targetValue: number } {
  if (current.endsWith('%') && target.endsWith('%')) return { unit: 'percent', currentValue: Number(current.slice(0, -1)), targetValue: Number(target.slice(0, -1)) };
  return { unit: 'milli', currentValue: milliValue(current), targetValue: milliValue(target) };
}
