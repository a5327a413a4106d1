// Mirrors kubernetes pkg/apis/autoscaling/validation/validation.go (v1.32) for autoscaling/v2
// objects: validateHorizontalPodAutoscalerSpec, validateMetricSpec, validateBehavior.
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import {
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  type FieldError,
} from '../../api/status';
import { nameIsDNSSubdomain, validatePathSegmentName } from './names';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { child, index } from './path';
import { parseQuantity } from './quantity';

const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const METRIC_SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, string> = {
  Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource',
};

function validateCrossVersionObjectReference(ref: { kind?: string; name?: string } | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name'] as const) {
    const v = ref?.[f] ?? '';
    if (!v) errs.push(fieldRequired(child(path, f), ''));
    else validatePathSegmentName(v, false).forEach((msg) => errs.push(fieldInvalid(child(path, f), v, msg)));
  }
  return errs;
}

function positive(text: string | undefined): boolean {
  const q = text === undefined ? undefined : parseQuantity(String(text));
  return q !== undefined && q.num > 0n;
}

function validateMetricTarget(t: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (!type) errs.push(fieldRequired(child(path, 'type'), 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) errs.push(fieldInvalid(child(path, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  if (t?.value !== undefined && !positive(String(t.value))) errs.push(fieldInvalid(child(path, 'value'), String(t.value), 'must be positive'));
  if (t?.averageValue !== undefined && !positive(String(t.averageValue))) errs.push(fieldInvalid(child(path, 'averageValue'), String(t.averageValue), 'must be positive'));
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) errs.push(fieldInvalid(child(path, 'averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateResourceSource(src: { name?: string; container?: string; target?: MetricTarget }, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!src.name) errs.push(fieldRequired(child(path, 'name'), 'must specify a resource name'));
  if (container && !src.container) errs.push(fieldRequired(child(path, 'container'), 'must specify a container'));
  errs.push(...validateMetricTarget(src.target, child(path, 'target')));
  const t = src.target;
  if (t?.averageUtilization === undefined && t?.averageValue === undefined) {
    errs.push(fieldRequired(child(path, 'target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  }
  if (t?.averageUtilization !== undefined && t?.averageValue !== undefined) {
    errs.push(fieldForbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  }
  return errs;
}

function validateMetricIdentifier(id: { name?: string } | undefined, path: string): FieldError[] {
  if (!id?.name) return [fieldRequired(child(path, 'name'), 'must specify a metric name')];
  return validatePathSegmentName(id.name, false).map((msg) => fieldInvalid(child(path, 'name'), id.name!, msg));
}

function validateSource(spec: MetricSpec, field: string, path: string): FieldError[] {
  if (field === 'resource') return validateResourceSource(spec.resource!, path, false);
  if (field === 'containerResource') return validateResourceSource(spec.containerResource!, path, true);
  if (field === 'pods') {
    const errs = [...validateMetricIdentifier(spec.pods!.metric, child(path, 'metric')), ...validateMetricTarget(spec.pods!.target, child(path, 'target'))];
    if (spec.pods!.target?.averageValue === undefined) errs.push(fieldRequired(child(path, 'target', 'averageValue'), 'must specify a positive target averageValue'));
    return errs;
  }
  const src = field === 'object' ? spec.object! : spec.external!;
  const errs: FieldError[] = [];
  if (field === 'object') errs.push(...validateCrossVersionObjectReference(spec.object!.describedObject, child(path, 'describedObject')));
  errs.push(...validateMetricIdentifier(src.metric, child(path, 'metric')), ...validateMetricTarget(src.target, child(path, 'target')));
  if (src.target?.value === undefined && src.target?.averageValue === undefined) {
    const msg = field === 'object' ? 'must set either a target value or averageValue' : 'must set either a target value for metric or a per-pod target';
    errs.push(fieldRequired(child(path, 'target', 'averageValue'), msg));
  }
  return errs;
}

function validateMetricSpec(spec: MetricSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = spec.type ?? '';
  if (!type) errs.push(fieldRequired(child(path, 'type'), 'must specify a metric source type'));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(fieldNotSupported(child(path, 'type'), type, METRIC_SOURCE_TYPES));
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((f) => (spec as unknown as Record<string, unknown>)[f] !== undefined);
  if (present.length > 0) errs.push(...validateSource(spec, present[0], child(path, present[0])));
  const expected = SOURCE_FIELD[type];
  if (expected && (spec as unknown as Record<string, unknown>)[expected] === undefined) {
    errs.push(fieldRequired(child(path, expected), 'must populate information for the given metric source'));
  }
  if (!expected) errs.push(fieldNotSupported(child(path, 'type'), type, METRIC_SOURCE_TYPES));
  if (present.length !== 1) {
    for (const f of present) if (f !== expected) errs.push(fieldForbidden(child(path, f), 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(fieldInvalid(child(path, 'stabilizationWindowSeconds'), w, 'must be greater than or equal to zero'));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(fieldInvalid(child(path, 'stabilizationWindowSeconds'), w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy !== undefined && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
    errs.push(fieldNotSupported(child(path, 'selectPolicy'), rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) errs.push(fieldRequired(child(path, 'policies'), 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const pp = index(child(path, 'policies'), i);
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(fieldNotSupported(child(pp, 'type'), p.type, ['Percent', 'Pods']));
    if (p.value <= 0) errs.push(fieldInvalid(child(pp, 'value'), p.value, 'must be greater than zero'));
    if (p.periodSeconds <= 0) errs.push(fieldInvalid(child(pp, 'periodSeconds'), p.periodSeconds, 'must be greater than zero'));
    if (p.periodSeconds > MAX_PERIOD_SECONDS) errs.push(fieldInvalid(child(pp, 'periodSeconds'), p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

/** validateHPASpec is validateHorizontalPodAutoscalerSpec with minReplicasLowerBound 1 (HPAScaleToZero off). */
export function validateHPASpec(hpa: HorizontalPodAutoscaler, minReplicasLowerBound = 1): FieldError[] {
  const spec = hpa.spec;
  const errs: FieldError[] = [];
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas ?? 0;
  if (min !== undefined && min < minReplicasLowerBound) errs.push(fieldInvalid('spec.minReplicas', min, `must be greater than or equal to ${minReplicasLowerBound}`));
  if (max < 1) errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateCrossVersionObjectReference(spec?.scaleTargetRef, 'spec.scaleTargetRef'));
  (spec?.metrics ?? []).forEach((m, i) => errs.push(...validateMetricSpec(m, index('spec.metrics', i))));
  errs.push(...validateScalingRules(spec?.behavior?.scaleUp, 'spec.behavior.scaleUp'));
  errs.push(...validateScalingRules(spec?.behavior?.scaleDown, 'spec.behavior.scaleDown'));
  return errs;
}

/** validateHPA is ValidateHorizontalPodAutoscaler (names follow the ReplicationController rule). */
export function validateHPA(hpa: HorizontalPodAutoscaler): FieldError[] {
  return [...validateObjectMeta(hpa.metadata ?? {}, true, nameIsDNSSubdomain), ...validateHPASpec(hpa)];
}

/** validateHPAUpdate keeps minReplicas 0 legal if the old object already had it. */
export function validateHPAUpdate(next: HorizontalPodAutoscaler, prev: HorizontalPodAutoscaler): FieldError[] {
  const lower = prev.spec?.minReplicas === 0 ? 0 : 1;
  return [...validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {}), ...validateHPASpec(next, lower)];
}
