// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) HorizontalPodAutoscalerDescriber and
// describeHorizontalPodAutoscalerV2 / printDirectionBehavior: the metrics as `current / target`
// (`<unknown>` without a status), the behavior rules when set, replicas, conditions, events.
import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { formatRFC1123Z } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './prefixWriter';

/** quantity is (*resource.Quantity).String(): canonical form, `<nil>` for a missing one. */
const quantity = (value: string | number | undefined | null) => (value === undefined || value === null ? '<nil>' : formatQuantity(parseQuantity(value)));

/** writeMetric writes one spec line; `status` is the metric's entry in status.currentMetrics, if any. */
function writeMetric(w: PrefixWriter, metric: MetricSpec, status: MetricStatus | undefined): void {
  switch (metric.type) {
    case 'External': {
      const source = metric.external!;
      if (source.target.averageValue !== undefined) {
        const current = status?.external?.current.averageValue !== undefined ? quantity(status.external.current.averageValue) : '<unknown>';
        w.write(LEVEL_1, `"${source.metric.name}" (target average value):\t${current} / ${quantity(source.target.averageValue)}\n`);
      } else {
        const current = status?.external ? quantity(status.external.current.value) : '<unknown>';
        w.write(LEVEL_1, `"${source.metric.name}" (target value):\t${current} / ${quantity(source.target.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const current = status?.pods ? quantity(status.pods.current.averageValue) : '<unknown>';
      w.write(LEVEL_1, `"${metric.pods!.metric.name}" on pods:\t${current} / ${quantity(metric.pods!.target.averageValue)}\n`);
      return;
    }
    case 'Object': {
      const source = metric.object!;
      w.write(LEVEL_1, `"${source.metric.name}" on ${source.describedObject.kind}/${source.describedObject.name} `);
      if (source.target.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${status?.object ? quantity(status.object.current.averageValue) : '<unknown>'} / ${quantity(source.target.averageValue)}\n`);
      else w.write(LEVEL_0, `(target value):\t${status?.object ? quantity(status.object.current.value) : '<unknown>'} / ${quantity(source.target.value)}\n`);
      return;
    }
    case 'Resource':
      w.write(LEVEL_1, `resource ${metric.resource!.name} on pods`);
      writeResourceTarget(w, metric.resource!.target, status?.resource?.current);
      return;
    case 'ContainerResource':
      w.write(LEVEL_1, `resource ${metric.containerResource!.name} of container "${metric.containerResource!.container}" on pods`);
      writeResourceTarget(w, metric.containerResource!.target, status?.containerResource?.current);
      return;
    default:
      w.write(LEVEL_1, `<unknown metric type "${metric.type}">\n`);
  }
}

/** writeResourceTarget finishes a Resource/ContainerResource line (the second LEVEL_1 write indents mid-line, as upstream). */
function writeResourceTarget(w: PrefixWriter, target: NonNullable<MetricSpec['resource']>['target'], current: NonNullable<MetricStatus['resource']>['current'] | undefined): void {
  if (target.averageValue !== undefined) {
    w.write(LEVEL_0, `:\t${current ? quantity(current.averageValue) : '<unknown>'} / ${quantity(target.averageValue)}\n`);
    return;
  }
  const currentText = current?.averageUtilization !== undefined ? `${current.averageUtilization}% (${quantity(current.averageValue)})` : '<unknown>';
  const targetText = target.averageUtilization !== undefined ? `${target.averageUtilization}%` : '<auto>';
  w.write(LEVEL_1, `(as a percentage of request):\t${currentText} / ${targetText}\n`);
}

/** printDirectionBehavior writes one direction's window, select policy and policies. */
function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of rules.policies!) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

/** describeHorizontalPodAutoscaler is `kubectl describe hpa NAME` for an autoscaling/v2 object. */
export function describeHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    const spec = hpa.spec!;
    const status = hpa.status;
    w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(hpa.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, status?.currentMetrics?.[i]));
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas !== undefined && spec.minReplicas !== null ? spec.minReplicas : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef.kind} pods:\t${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`);
    const conditions = status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: hpa.metadata?.name ?? '', namespace: hpa.metadata?.namespace ?? '', kind: 'HorizontalPodAutoscaler', uid: hpa.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
