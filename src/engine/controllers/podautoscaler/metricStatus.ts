// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32) computeStatusFor*Metric:
// one metric spec → a replica proposal, its MetricStatus for hpa.status.currentMetrics and the
// metric's name for events ("cpu resource utilization (percentage of request)"), or the
// ScalingActive=False condition the failure earns (with its Warning event).
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricTarget, MetricValueStatus } from 'kubernetes-types/autoscaling/v2';
import { fromLabelSelector, type Selector } from '../../api/labels';
import { milliValue } from '../../api/quantity';
import { formatQuantity } from '../../kubectl/printers/table/quantity';
import type { Task } from '../../sim/task';
import type { HPACondition } from './conditions';
import { labelSelectorString } from './goFormat';
import type { ProposalDetail, ReplicaCalculator } from './replicaCalculator';

/** MetricContext is what the status computations need from the controller. */
export interface MetricContext {
  replicaCalc: ReplicaCalculator;
  /** unableToCompute records the Warning event and returns the ScalingActive=False condition. */
  unableToCompute(hpa: HorizontalPodAutoscaler, reason: string, error: string): HPACondition;
}

export type MetricOutcome =
  | { ok: true; replicas: number; timestampMs: number; metricName: string; status: MetricStatus; detail: ProposalDetail; current: string; target: string }
  | { ok: false; condition: HPACondition; error: string };

/** milliQuantity is resource.NewMilliQuantity(v, DecimalSI) serialized (`250m`, `1`, `8388608`). */
export function milliQuantity(milli: number): string {
  return formatQuantity({ nano: BigInt(Math.round(milli)) * 1_000_000n, format: 'DecimalSI' });
}

const failed = (a: MetricContext, hpa: HorizontalPodAutoscaler, reason: string, error: string, wrapped = error): MetricOutcome => ({ ok: false, condition: a.unableToCompute(hpa, reason, error), error: wrapped });

type GenericOutcome =
  | { ok: true; replicas: number; timestampMs: number; metricName: string; current: MetricValueStatus; detail: ProposalDetail; currentText: string; targetText: string }
  | { ok: false; error: string };

/** computeStatusForResourceMetricGeneric handles Resource and ContainerResource targets (AverageValue or Utilization). */
function* computeStatusForResourceMetricGeneric(a: MetricContext, currentReplicas: number, target: MetricTarget, resource: string, namespace: string, container: string, selector: Selector, isContainer: boolean): Task<GenericOutcome> {
  if (target.averageValue !== undefined) {
    const targetMilli = milliValue(target.averageValue);
    const result = yield* a.replicaCalc.getRawResourceReplicas(currentReplicas, targetMilli, resource, namespace, selector, container);
    if (!result.ok) return { ok: false, error: `failed to get ${resource} usage: ${result.error}` };
    const current = { averageValue: milliQuantity(result.usage) };
    return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName: `${resource} resource`, current, detail: result.detail, currentText: current.averageValue, targetText: milliQuantity(targetMilli) };
  }
  if (target.averageUtilization === undefined) return { ok: false, error: 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set' };
  const result = yield* a.replicaCalc.getResourceReplicas(currentReplicas, target.averageUtilization, resource, namespace, selector, container);
  if (!result.ok) return { ok: false, error: `failed to get ${resource} utilization: ${result.error}` };
  const metricName = isContainer ? `${resource} container resource utilization (percentage of request)` : `${resource} resource utilization (percentage of request)`;
  const current = { averageUtilization: result.utilization, averageValue: milliQuantity(result.usage) };
  return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName, current, detail: result.detail, currentText: `${result.utilization}%`, targetText: `${target.averageUtilization}%` };
}

function fromGeneric(outcome: Extract<GenericOutcome, { ok: true }>, status: MetricStatus): MetricOutcome {
  return { ok: true, replicas: outcome.replicas, timestampMs: outcome.timestampMs, metricName: outcome.metricName, status, detail: outcome.detail, current: outcome.currentText, target: outcome.targetText };
}

/** computeStatusForResourceMetric: a `Resource` metric (pod totals). */
export function* computeStatusForResourceMetric(a: MetricContext, currentReplicas: number, spec: MetricSpec, hpa: HorizontalPodAutoscaler, selector: Selector): Task<MetricOutcome> {
  const source = spec.resource!;
  const outcome = yield* computeStatusForResourceMetricGeneric(a, currentReplicas, source.target, source.name, hpa.metadata!.namespace!, '', selector, false);
  if (!outcome.ok) return failed(a, hpa, 'FailedGetResourceMetric', outcome.error, `failed to get ${source.name} resource metric value: ${outcome.error}`);
  return fromGeneric(outcome, { type: 'Resource', resource: { name: source.name, current: outcome.current } });
}

/** computeStatusForContainerResourceMetric: a `ContainerResource` metric (one container per pod). */
export function* computeStatusForContainerResourceMetric(a: MetricContext, currentReplicas: number, spec: MetricSpec, hpa: HorizontalPodAutoscaler, selector: Selector): Task<MetricOutcome> {
  const source = spec.containerResource!;
  const outcome = yield* computeStatusForResourceMetricGeneric(a, currentReplicas, source.target, source.name, hpa.metadata!.namespace!, source.container, selector, true);
  if (!outcome.ok) return failed(a, hpa, 'FailedGetContainerResourceMetric', outcome.error, `failed to get ${source.container} container metric value: ${outcome.error}`);
  return fromGeneric(outcome, { type: 'ContainerResource', containerResource: { name: source.name, container: source.container, current: outcome.current } });
}

/** computeStatusForPodsMetric: a `Pods` metric (custom per-pod metric, AverageValue). */
export function* computeStatusForPodsMetric(a: MetricContext, currentReplicas: number, spec: MetricSpec, hpa: HorizontalPodAutoscaler, selector: Selector): Task<MetricOutcome> {
  const source = spec.pods!;
  const targetMilli = milliValue(source.target.averageValue);
  const result = yield* a.replicaCalc.getMetricReplicas(currentReplicas, targetMilli, source.metric.name, hpa.metadata!.namespace!, selector, fromLabelSelector(source.metric.selector));
  if (!result.ok) return failed(a, hpa, 'FailedGetPodsMetric', result.error, `failed to get pods metric value: ${result.error}`);
  const status: MetricStatus = { type: 'Pods', pods: { metric: source.metric, current: { averageValue: milliQuantity(result.usage) } } };
  return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName: `pods metric ${source.metric.name}`, status, detail: result.detail, current: milliQuantity(result.usage), target: milliQuantity(targetMilli) };
}

/** computeStatusForObjectMetric: an `Object` metric (Value or AverageValue of one object's metric). */
export function* computeStatusForObjectMetric(a: MetricContext, specReplicas: number, statusReplicas: number, spec: MetricSpec, hpa: HorizontalPodAutoscaler, selector: Selector): Task<MetricOutcome> {
  const source = spec.object!;
  const namespace = hpa.metadata!.namespace!;
  const metricSelector = fromLabelSelector(source.metric.selector);
  if (source.target.type === 'Value' && source.target.value !== undefined) {
    const targetMilli = milliValue(source.target.value);
    const result = yield* a.replicaCalc.getObjectMetricReplicas(specReplicas, targetMilli, source.metric.name, namespace, source.describedObject, selector, metricSelector);
    if (!result.ok) return failed(a, hpa, 'FailedGetObjectMetric', result.error, `failed to get object metric value: ${result.error}`);
    const status: MetricStatus = { type: 'Object', object: { describedObject: source.describedObject, metric: source.metric, current: { value: milliQuantity(result.usage) } } };
    return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName: `${source.describedObject.kind} metric ${source.metric.name}`, status, detail: result.detail, current: milliQuantity(result.usage), target: milliQuantity(targetMilli) };
  }
  if (source.target.type === 'AverageValue' && source.target.averageValue !== undefined) {
    const targetMilli = milliValue(source.target.averageValue);
    const result = yield* a.replicaCalc.getObjectPerPodMetricReplicas(statusReplicas, targetMilli, source.metric.name, namespace, source.describedObject, metricSelector);
    const inner = result.ok ? '' : `failed to get ${source.metric.name} object metric: ${result.error}`;
    if (!result.ok) return failed(a, hpa, 'FailedGetObjectMetric', result.error, `failed to get object metric value: ${inner}`);
    const status: MetricStatus = { type: 'Object', object: { metric: source.metric, current: { averageValue: milliQuantity(result.usage) } } as NonNullable<MetricStatus['object']> };
    return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName: `external metric ${source.metric.name}(${labelSelectorString(source.metric.selector)})`, status, detail: result.detail, current: milliQuantity(result.usage), target: milliQuantity(targetMilli) };
  }
  const error = 'invalid object metric source: neither a value target nor an average value target was set';
  return failed(a, hpa, 'FailedGetObjectMetric', error, `failed to get object metric value: ${error}`);
}

/** computeStatusForExternalMetric: an `External` metric (Value or AverageValue of every series' sum). */
export function* computeStatusForExternalMetric(a: MetricContext, specReplicas: number, statusReplicas: number, spec: MetricSpec, hpa: HorizontalPodAutoscaler, selector: Selector): Task<MetricOutcome> {
  const source = spec.external!;
  const namespace = hpa.metadata!.namespace!;
  const selectorText = labelSelectorString(source.metric.selector);
  const metricName = `external metric ${source.metric.name}(${selectorText})`;
  const wrap = (inner: string) => `failed to get ${source.metric.name} external metric value: ${inner}`;
  if (source.target.averageValue !== undefined) {
    const targetMilli = milliValue(source.target.averageValue);
    const result = yield* a.replicaCalc.getExternalPerPodMetricReplicas(statusReplicas, targetMilli, source.metric.name, namespace, fromLabelSelector(source.metric.selector), selectorText);
    if (!result.ok) return failed(a, hpa, 'FailedGetExternalMetric', result.error, wrap(`failed to get ${source.metric.name} external metric: ${result.error}`));
    const status: MetricStatus = { type: 'External', external: { metric: source.metric, current: { averageValue: milliQuantity(result.usage) } } };
    return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName, status, detail: result.detail, current: milliQuantity(result.usage), target: milliQuantity(targetMilli) };
  }
  if (source.target.value !== undefined) {
    const targetMilli = milliValue(source.target.value);
    const result = yield* a.replicaCalc.getExternalMetricReplicas(specReplicas, targetMilli, source.metric.name, namespace, fromLabelSelector(source.metric.selector), selectorText, selector);
    if (!result.ok) return failed(a, hpa, 'FailedGetExternalMetric', result.error, wrap(`failed to get external metric ${source.metric.name}: ${result.error}`));
    const status: MetricStatus = { type: 'External', external: { metric: source.metric, current: { value: milliQuantity(result.usage) } } };
    return { ok: true, replicas: result.replicas, timestampMs: result.timestampMs, metricName, status, detail: result.detail, current: milliQuantity(result.usage), target: milliQuantity(targetMilli) };
  }
  const error = 'invalid external metric source: neither a value target nor an average value target was set';
  return failed(a, hpa, 'FailedGetExternalMetric', error, wrap(error));
}
