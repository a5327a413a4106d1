// Mirrors kubernetes pkg/controller/podautoscaler/metrics/client.go (v1.32) getPodMetrics and
// getContainerMetrics: how a metrics.k8s.io PodMetricsList becomes per-pod samples.
import { milliValue } from '../../../api/quantity';
import type { PodMetrics } from '../../../metrics/types';
import { parseGoDuration } from '../../../registry/goDuration';
import { fromRFC3339 } from '../../../sim/time';
import type { PodMetricsInfo } from './interfaces';

function sampleTime(m: PodMetrics, epochMs: number): { timestampMs: number; windowMs: number } {
  const sampleWindow = parseGoDuration(m.window);
  return { timestampMs: fromRFC3339(m.timestamp, epochMs), windowMs: sampleWindow.ok ? sampleWindow.ns / 1e6 : 0 };
}

/**
 * getPodMetrics sums each pod's container usage of `resource`; a pod with no containers or with a
 * container lacking the resource is left out (it will count as a missing pod).
 */
export function getPodMetrics(rawMetrics: readonly PodMetrics[], resource: string, epochMs: number): PodMetricsInfo {
  const res: PodMetricsInfo = new Map();
  for (const m of rawMetrics) {
    let podSum = 0;
    let missing = m.containers.length === 0;
    for (const c of m.containers) {
      const value = c.usage[resource];
      if (value === undefined) {
        missing = true;
        break;
      }
      podSum += milliValue(value);
    }
    if (!missing) res.set(m.metadata.name, { ...sampleTime(m, epochMs), value: podSum });
  }
  return res;
}

/** getContainerMetrics reads one named container per pod; a pod without it is an error. */
export function getContainerMetrics(rawMetrics: readonly PodMetrics[], resource: string, container: string, epochMs: number): { ok: true; value: PodMetricsInfo } | { ok: false; error: string } {
  const res: PodMetricsInfo = new Map();
  for (const m of rawMetrics) {
    const found = m.containers.find((c) => c.name === container);
    if (!found) return { ok: false, error: `container ${container} not present in metrics for pod ${m.metadata.namespace}/${m.metadata.name}` };
    const value = found.usage[resource];
    if (value !== undefined) res.set(m.metadata.name, { ...sampleTime(m, epochMs), value: milliValue(value) });
  }
  return { ok: true, value: res };
}

/**
 * podMetricsInfoFrom is the tail of resourceMetricsClient.GetResourceMetric: an empty list is an
 * error, and the batch's timestamp is the first item's.
 */
export function podMetricsInfoFrom(items: readonly PodMetrics[], resource: string, container: string, epochMs: number): { ok: true; value: PodMetricsInfo; timestampMs: number } | { ok: false; error: string } {
  if (items.length === 0) return { ok: false, error: 'no metrics returned from resource metrics API' };
  let value: PodMetricsInfo;
  if (container !== '') {
    const containers = getContainerMetrics(items, resource, container, epochMs);
    if (!containers.ok) return { ok: false, error: `failed to get container metrics: ${containers.error}` };
    value = containers.value;
  } else value = getPodMetrics(items, resource, epochMs);
  return { ok: true, value, timestampMs: fromRFC3339(items[0].timestamp, epochMs) };
}
