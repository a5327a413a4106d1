// Mirrors kubernetes pkg/controller/podautoscaler/metrics/utilization.go (v1.32).
import type { PodMetricsInfo } from './interfaces';

export type UtilizationResult =
  | { ok: true; usageRatio: number; utilization: number; rawAverageValue: number }
  | { ok: false; error: string };

/**
 * getResourceUtilizationRatio sums usage and requests over the pods that have both and returns
 * the utilization as an INTEGER percentage (Go int32 division), the ratio to the target and the
 * raw average usage. Worked example (TestReplicaCalcScaleUp): usage 600+1000+1400 = 3000m over
 * requests 3 × 2000m → utilization floor(300000/6000) = 50 %, target 30 % → ratio 1.667,
 * raw average 1000m.
 */
export function getResourceUtilizationRatio(metrics: PodMetricsInfo, requests: ReadonlyMap<string, number>, targetUtilization: number): UtilizationResult {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let numEntries = 0;
  for (const [podName, metric] of metrics) {
    const request = requests.get(podName);
    // Missing requests are checked elsewhere, so a metric without a request is extraneous.
    if (request === undefined) continue;
    metricsTotal += metric.value;
    requestsTotal += request;
    numEntries++;
  }
  // A set of requests completely disjoint from the metrics would divide by zero.
  if (requestsTotal === 0) return { ok: false, error: 'no metrics returned matched known pods' };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ok: true, usageRatio: utilization / targetUtilization, utilization, rawAverageValue: Math.trunc(metricsTotal / numEntries) };
}

/** getMetricUsageRatio is the plain-metric version: integer average usage and its ratio to the target. */
export function getMetricUsageRatio(metrics: PodMetricsInfo, targetUsage: number): { usageRatio: number; usage: number } {
  let metricsTotal = 0;
  for (const metric of metrics.values()) metricsTotal += metric.value;
  const usage = Math.trunc(metricsTotal / metrics.size);
  return { usageRatio: usage / targetUsage, usage };
}
