// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32) reconcileAutoscaler and
// the normalize* wrappers: read the target's scale, compute the desired replicas from the
// metrics (or jump into [minReplicas, maxReplicas]), stabilize and limit it, rescale, and write
// status with the AbleToScale / ScalingActive / ScalingLimited conditions.
import type { HorizontalPodAutoscaler, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import { deepClone, type KubeObject, type Stored } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { jsonEqual } from '../equality';
import { refOf, traceDecision } from '../trace';
import { convertDesiredReplicasWithBehaviorRate, stabilizeRecommendationWithBehaviors, storeScaleEvent, type NormalizationArg } from './behavior';
import { computeReplicasForMetrics } from './computeReplicas';
import type { HorizontalController, Scale } from './horizontal';
import { convertDesiredReplicasWithRules, stabilizeRecommendation } from './normalize';

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/** Decision is what one pass decided before acting on it. */
interface Decision {
  desiredReplicas: number;
  rescale: boolean;
  rescaleReason: string;
  metricStatuses: MetricStatus[] | undefined;
  metricDesiredReplicas?: number;
  /** retErr: some metrics failed but the others scaled up; reported after acting. */
  retErr?: string;
}

/** reconcileAutoscaler runs one pass for an HPA and returns the Go error text (undefined on success). */
export function* reconcileAutoscaler(a: HorizontalController, shared: Stored<HorizontalPodAutoscaler>, key: string): Task<string | undefined> {
  const hpa = deepClone(shared);
  const statusOriginal = deepClone(hpa.status);
  const ref = hpa.spec!.scaleTargetRef;
  const reference = `${ref.kind}/${hpa.metadata.namespace}/${ref.name}`;
  const target = yield* getTargetScale(a, hpa);
  if (!target.ok) {
    a.recorder.event(hpa, 'Warning', 'FailedGetScale', target.error);
    a.setCondition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${target.error}` });
    yield* updateStatusIfNeeded(a, statusOriginal, hpa);
    return target.mapping ? `unable to determine resource for scale target reference: ${target.error}` : `failed to query scale subresource for ${reference}: ${target.error}`;
  }
  a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" });
  const scale = target.scale;
  const currentReplicas = scale.spec.replicas;
  if (!a.recommendations.has(key)) a.recommendations.set(key, [{ recommendation: currentReplicas, timestampMs: a.sim.nowMs }]);
  const decided = yield* decide(a, hpa, key, scale);
  if ('fatal' in decided) {
    setStatus(a, hpa, currentReplicas, hpa.status?.desiredReplicas ?? 0, decided.metricStatuses, false);
    yield* updateStatusIfNeeded(a, statusOriginal, hpa);
    a.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', decided.fatal);
    traceDecision(a.sim, a.component, 'hpa.decision', refOf(hpa), { currentReplicas, desiredReplicas: currentReplicas, rescale: false, error: decided.fatal });
    return `failed to compute desired number of replicas based on listed metrics for ${reference}: ${decided.fatal}`;
  }
  let desiredReplicas = decided.desiredReplicas;
  if (decided.rescale) {
    const updated = yield* wait(a.client.updateScale(target.resource, { ...scale, spec: { ...scale.spec, replicas: desiredReplicas } } as KubeObject));
    if (!updated.ok) {
      const error = updated.status.message ?? '';
      a.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${desiredReplicas}; reason: ${decided.rescaleReason}; error: ${error}`);
      a.setCondition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${error}` });
      setStatus(a, hpa, currentReplicas, hpa.status?.desiredReplicas ?? 0, decided.metricStatuses, false);
      yield* updateStatusIfNeeded(a, statusOriginal, hpa);
      return `failed to rescale ${reference}: ${error}`;
    }
    a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desiredReplicas}` });
    a.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desiredReplicas}; reason: ${decided.rescaleReason}`);
    if (hpa.spec!.behavior) storeScaleEvent({ up: eventsOf(a.scaleUpEvents, key), down: eventsOf(a.scaleDownEvents, key) }, hpa.spec!.behavior, currentReplicas, desiredReplicas, a.sim.nowMs);
  } else desiredReplicas = currentReplicas;
  traceDecision(a.sim, a.component, 'hpa.decision', refOf(hpa), {
    currentReplicas, metricDesiredReplicas: decided.metricDesiredReplicas, desiredReplicas, rescale: decided.rescale, reason: decided.rescaleReason,
    conditions: Object.fromEntries((hpa.status?.conditions ?? []).map((c) => [c.type, `${c.status}/${c.reason}`])),
  });
  setStatus(a, hpa, currentReplicas, desiredReplicas, decided.metricStatuses, decided.rescale);
  const statusError = yield* updateStatusIfNeeded(a, statusOriginal, hpa);
  return statusError ?? decided.retErr;
}

/** getTargetScale resolves scaleTargetRef (the RESTMapper) and GETs its scale subresource. */
function* getTargetScale(a: HorizontalController, hpa: Stored<HorizontalPodAutoscaler>): Task<{ ok: true; scale: Scale; resource: string } | { ok: false; error: string; mapping: boolean }> {
  const ref = hpa.spec!.scaleTargetRef;
  const group = ref.apiVersion?.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const info = resourceForKind(ref.kind);
  if (!info || info.group !== group) return { ok: false, error: `no matches for kind "${ref.kind}" in group "${group}"`, mapping: true };
  if (!SCALABLE.has(info.resource)) return { ok: false, error: 'the server could not find the requested resource', mapping: false };
  const got = yield* wait(a.client.getScale(info.resource, hpa.metadata.namespace!, ref.name));
  if (!got.ok) return { ok: false, error: got.status.message ?? '', mapping: false };
  return { ok: true, scale: got.object as unknown as Scale, resource: info.resource };
}

/** decide picks the desired replicas: out-of-range counts jump to the bound, otherwise the metrics decide. */
function* decide(a: HorizontalController, hpa: Stored<HorizontalPodAutoscaler>, key: string, scale: Scale): Task<Decision | { fatal: string; metricStatuses: MetricStatus[] | undefined }> {
  const spec = hpa.spec!;
  const currentReplicas = scale.spec.replicas;
  const minReplicas = spec.minReplicas ?? 1;
  if (currentReplicas === 0 && minReplicas !== 0) {
    a.setCondition(hpa, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    return { desiredReplicas: 0, rescale: false, rescaleReason: '', metricStatuses: undefined };
  }
  if (currentReplicas > spec.maxReplicas) return { desiredReplicas: spec.maxReplicas, rescale: true, rescaleReason: 'Current number of replicas above Spec.MaxReplicas', metricStatuses: undefined };
  if (currentReplicas < minReplicas) return { desiredReplicas: minReplicas, rescale: true, rescaleReason: 'Current number of replicas below Spec.MinReplicas', metricStatuses: undefined };
  const computed = yield* computeReplicasForMetrics(a, hpa, scale, spec.metrics ?? []);
  if (computed.error !== undefined && computed.replicas === -1) return { fatal: computed.error, metricStatuses: computed.statuses };
  let desiredReplicas = 0;
  let rescaleMetric = '';
  if (computed.replicas > desiredReplicas) {
    desiredReplicas = computed.replicas;
    rescaleMetric = computed.metric;
  }
  let rescaleReason = '';
  if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
  if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';
  const normalized = spec.behavior ? normalizeDesiredReplicasWithBehaviors(a, hpa, key, currentReplicas, desiredReplicas, minReplicas) : normalizeDesiredReplicas(a, hpa, key, currentReplicas, desiredReplicas, minReplicas);
  return { desiredReplicas: normalized, rescale: normalized !== currentReplicas, rescaleReason, metricStatuses: computed.statuses, metricDesiredReplicas: computed.replicas, retErr: computed.error };
}

/** normalizeDesiredReplicas is the no-behavior path: 5-minute downscale stabilization, then max(2×, 4) and min/max. */
export function normalizeDesiredReplicas(a: HorizontalController, hpa: HorizontalPodAutoscaler, key: string, currentReplicas: number, prenormalized: number, minReplicas: number): number {
  const stabilized = stabilizeRecommendation(recommendationsOf(a, key), prenormalized, a.sim.nowMs, a.config.downscaleStabilizationWindowMs);
  if (stabilized !== prenormalized) a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
  else a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
  const limited = convertDesiredReplicasWithRules(currentReplicas, stabilized, minReplicas, hpa.spec!.maxReplicas);
  a.setCondition(hpa, { type: 'ScalingLimited', status: limited.replicas === stabilized ? 'False' : 'True', reason: limited.reason, message: limited.message });
  traceDecision(a.sim, a.component, 'hpa.normalize', refOf(hpa), { path: 'legacy', prenormalizedReplicas: prenormalized, stabilizedReplicas: stabilized, limitedReplicas: limited.replicas, limitReason: limited.reason, windowSeconds: a.config.downscaleStabilizationWindowMs / 1000 });
  return limited.replicas;
}

/** normalizeDesiredReplicasWithBehaviors: stabilization windows, then the Pods/Percent policies and min/max. */
export function normalizeDesiredReplicasWithBehaviors(a: HorizontalController, hpa: HorizontalPodAutoscaler, key: string, currentReplicas: number, prenormalized: number, minReplicas: number): number {
  const behavior = hpa.spec!.behavior!;
  // maybeInitScaleDownStabilizationWindow: an unset scale-down window is the controller flag (300 s).
  const scaleDown = { ...behavior.scaleDown, stabilizationWindowSeconds: behavior.scaleDown?.stabilizationWindowSeconds ?? a.config.downscaleStabilizationWindowMs / 1000 };
  const args: NormalizationArg = { scaleUpBehavior: behavior.scaleUp ?? {}, scaleDownBehavior: scaleDown, minReplicas, maxReplicas: hpa.spec!.maxReplicas, currentReplicas, desiredReplicas: prenormalized };
  const stabilized = stabilizeRecommendationWithBehaviors(recommendationsOf(a, key), args, a.sim.nowMs);
  if (stabilized.replicas !== prenormalized) a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: stabilized.reason, message: stabilized.message });
  else a.setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
  const limited = convertDesiredReplicasWithBehaviorRate({ ...args, desiredReplicas: stabilized.replicas }, eventsOf(a.scaleUpEvents, key), eventsOf(a.scaleDownEvents, key), a.sim.nowMs);
  a.setCondition(hpa, { type: 'ScalingLimited', status: limited.replicas === stabilized.replicas ? 'False' : 'True', reason: limited.reason, message: limited.message });
  traceDecision(a.sim, a.component, 'hpa.normalize', refOf(hpa), { path: 'behavior', prenormalizedReplicas: prenormalized, stabilizedReplicas: stabilized.replicas, limitedReplicas: limited.replicas, limitReason: limited.reason });
  return limited.replicas;
}

function recommendationsOf(a: HorizontalController, key: string) {
  let list = a.recommendations.get(key);
  if (!list) a.recommendations.set(key, (list = []));
  return list;
}

function eventsOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** setStatus rebuilds status with the replica counts and metrics; lastScaleTime moves on a rescale. */
function setStatus(a: HorizontalController, hpa: HorizontalPodAutoscaler, currentReplicas: number, desiredReplicas: number, metricStatuses: MetricStatus[] | undefined, rescale: boolean): void {
  const previous = hpa.status;
  hpa.status = {
    ...(rescale ? { lastScaleTime: a.now() } : previous?.lastScaleTime ? { lastScaleTime: previous.lastScaleTime } : {}),
    currentReplicas, desiredReplicas,
    ...(metricStatuses ? { currentMetrics: metricStatuses } : {}),
    ...(previous?.conditions ? { conditions: previous.conditions } : {}),
  };
}

/** updateStatusIfNeeded writes status only when it changed (a FailedUpdateStatus event otherwise). */
function* updateStatusIfNeeded(a: HorizontalController, oldStatus: HorizontalPodAutoscaler['status'], hpa: Stored<HorizontalPodAutoscaler>): Task<string | undefined> {
  if (jsonEqual(oldStatus ?? {}, hpa.status ?? {})) return undefined;
  const result = yield* wait(a.client.updateStatus('horizontalpodautoscalers', hpa));
  if (result.ok) return undefined;
  a.recorder.event(hpa, 'Warning', 'FailedUpdateStatus', result.status.message ?? '');
  return `failed to update status for ${hpa.metadata.name}: ${result.status.message ?? ''}`;
}
