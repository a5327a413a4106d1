// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printHorizontalPodAutoscaler
// and formatHPAMetrics: TARGETS like `cpu: 40%/50%`, `cpu: <unknown>/50%`, `memory: 100Mi/200Mi`,
// `5/10 (avg)`, at most two entries then `+ N more...`.
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus, MetricTarget, MetricValueStatus } from 'kubernetes-types/autoscaling/v2';
import { translateTimestampSince } from '../humanDuration';
import { formatQuantity, parseQuantity } from './quantity';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

/** quantityText is (*Quantity).String(), which prints `<nil>` for a missing pointer. */
const quantityText = (value: string | number | undefined | null) => (value === undefined || value === null ? '<nil>' : formatQuantity(parseQuantity(value)));

/** HpaLike also accepts autoscaling/v1 objects (targetCPUUtilizationPercentage), converted as the apiserver does. */
type HpaLike = HorizontalPodAutoscaler & {
  spec?: { targetCPUUtilizationPercentage?: number };
  status?: { currentCPUUtilizationPercentage?: number };
};

/** internalMetrics converts an autoscaling/v1 HPA's CPU target into the v2 metric lists. */
function internalMetrics(hpa: HpaLike): { specs: MetricSpec[]; statuses: MetricStatus[] } {
  if (hpa.spec?.metrics) return { specs: hpa.spec.metrics, statuses: hpa.status?.currentMetrics ?? [] };
  const target = hpa.spec?.targetCPUUtilizationPercentage;
  if (target === undefined) return { specs: [], statuses: [] };
  const current = hpa.status?.currentCPUUtilizationPercentage;
  return {
    specs: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }],
    statuses: current === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }],
  };
}

/** valueTarget formats the Object/External pair: `(avg)` when the target is an AverageValue. */
function valueTarget(target: MetricTarget, current: MetricValueStatus | undefined): string {
  if (target.averageValue !== undefined) {
    const currentText = current?.averageValue !== undefined ? quantityText(current.averageValue) : '<unknown>';
    return `${currentText}/${quantityText(target.averageValue)} (avg)`;
  }
  return `${current ? quantityText(current.value) : '<unknown>'}/${quantityText(target.value)}`;
}

/** resourceTarget formats `name: current/target` for Resource and ContainerResource metrics. */
function resourceTarget(name: string, target: MetricTarget, current: MetricValueStatus | undefined, hasStatus: boolean): string {
  if (target.averageValue !== undefined) {
    return `${name}: ${hasStatus ? quantityText(current?.averageValue) : '<unknown>'}/${quantityText(target.averageValue)}`;
  }
  const currentText = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
  const targetText = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${currentText}/${targetText}`;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueTarget(spec.external!.target, status?.external?.current);
    case 'Pods':
      return `${status?.pods ? quantityText(status.pods.current.averageValue) : '<unknown>'}/${quantityText(spec.pods!.target.averageValue)}`;
    case 'Object':
      return valueTarget(spec.object!.target, status?.object?.current);
    case 'Resource':
      return resourceTarget(spec.resource!.name, spec.resource!.target, status?.resource?.current, Boolean(status?.resource));
    case 'ContainerResource':
      return resourceTarget(spec.containerResource!.name, spec.containerResource!.target, status?.containerResource?.current, Boolean(status?.containerResource));
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics is the TARGETS cell; `<none>` without metrics. */
export function formatHPAMetrics(hpa: HpaLike): string {
  const { specs, statuses } = internalMetrics(hpa);
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export const hpaPrinter: ResourcePrinter<HpaLike> = {
  columns: [NAME_COLUMN, col('Reference'), col('Targets'), col('MinPods'), col('MaxPods'), col('Replicas'), AGE_COLUMN],
  printRow: (hpa, { nowMs }) => [
    hpa.metadata?.name ?? '',
    `${hpa.spec?.scaleTargetRef.kind ?? ''}/${hpa.spec?.scaleTargetRef.name ?? ''}`,
    formatHPAMetrics(hpa),
    hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    translateTimestampSince(hpa.metadata?.creationTimestamp, nowMs),
  ],
};
