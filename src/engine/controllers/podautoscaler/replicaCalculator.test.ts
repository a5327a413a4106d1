// Ports the replica_calculator_test.go rows of hpa_cases.json (each row's `source` names the
// upstream test): resource utilization, per-pod custom metrics, object and external metrics.
import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../api/labels';
import { spawn } from '../../sim/task';
import type { PodMetricsInfo } from './metrics/interfaces';
import { groupPods } from './podGroups';
import type { ProposalResult } from './replicaCalculator';
import { casesOf, type HpaCase } from './testdata/cases';
import {
  buildPod, EPOCH_MS, FakeMetricsClient, LABELS, METRIC_WINDOW_MS, newCalculator, NOW_MS, podMetricsFor,
  TEST_CPU_INITIALIZATION_PERIOD_MS, TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS, type CasePod,
} from './testdata/harness';

const selector = (() => {
  const parsed = parseSelector(Object.entries(LABELS).map(([k, v]) => `${k}=${v}`).join(','));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.selector;
})();

function settle(future: ReturnType<typeof spawn<ProposalResult>>): ProposalResult {
  if (!future.isSettled) throw new Error('the fake metrics client answers synchronously');
  return future.value;
}

type ResourceCase = HpaCase & {
  metric: { type: string; resource: string; container: string | null; targetAverageUtilization: number };
  currentReplicas: number; tolerance: number; pods: CasePod[];
  expectedReplicas?: number; expectedUtilization?: number; expectedRawAverageMilli?: number; expectedError?: string;
  extraMetricsForUnknownPods?: Array<{ name: string; cpuUsageMilli: number }>;
};

describe('ReplicaCalculator.getResourceReplicas (replica_calculator_test.go)', () => {
  it.each(casesOf('resource_utilization').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as ResourceCase;
    const container = c.metric.type === 'ContainerResource' ? c.metric.container : null;
    const pods = c.pods.map((p) => buildPod(p, container));
    const items = [
      ...c.pods.filter((p) => p.cpuUsageMilli !== null && p.cpuUsageMilli !== undefined).map((p) => podMetricsFor(p.name, p.cpuUsageMilli!, container)),
      ...(c.extraMetricsForUnknownPods ?? []).map((e) => podMetricsFor(e.name, e.cpuUsageMilli, container)),
    ];
    const calculator = newCalculator(pods, new FakeMetricsClient(items), c.tolerance);
    const result = settle(spawn(calculator.getResourceReplicas(c.currentReplicas, c.metric.targetAverageUtilization, c.metric.resource, 'test-namespace', selector, container ?? '')));
    if (c.expectedError) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(c.expectedError);
      return;
    }
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, utilization: c.expectedUtilization, usage: c.expectedRawAverageMilli });
  });

  it.each(casesOf('resource_utilization').map((c) => [c.id, c] as const))('%s: pods are grouped as the row says', (_id, row) => {
    const c = row as ResourceCase;
    const container = c.metric.type === 'ContainerResource' ? c.metric.container : null;
    const metrics: PodMetricsInfo = new Map();
    for (const p of c.pods) if (p.cpuUsageMilli !== null && p.cpuUsageMilli !== undefined) metrics.set(p.name, { timestampMs: NOW_MS, windowMs: METRIC_WINDOW_MS, value: p.cpuUsageMilli });
    const groups = groupPods(c.pods.map((p) => buildPod(p, container)), metrics, c.metric.resource, {
      nowMs: NOW_MS, epochMs: EPOCH_MS, cpuInitializationPeriodMs: TEST_CPU_INITIALIZATION_PERIOD_MS, delayOfInitialReadinessStatusMs: TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS,
    });
    const classOf = (name: string) => (groups.ignoredPods.has(name) ? 'ignored' : groups.unreadyPods.has(name) ? 'unready' : groups.missingPods.has(name) ? 'missing' : 'ready');
    expect(c.pods.map((p) => `${p.name}:${classOf(p.name)}`)).toEqual(c.pods.map((p) => `${p.name}:${p.class}`));
    expect(groups.readyPodCount).toBe(c.pods.filter((p) => p.class === 'ready').length);
  });
});

type PlainCase = HpaCase & { currentReplicas: number; tolerance: number; pods?: CasePod[]; targetMilli?: number; perPodTargetMilli?: number; metricValueMilli?: number; expectedReplicas: number; expectedUsageMilli: number };

describe('ReplicaCalculator.getMetricReplicas: per-pod custom metrics (replica_calculator_test.go)', () => {
  it.each(casesOf('pods_metric_average_value').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as PlainCase;
    const metrics: PodMetricsInfo = new Map();
    for (const p of c.pods!) if (p.metric !== null && p.metric !== undefined) metrics.set(p.name, { timestampMs: NOW_MS, windowMs: METRIC_WINDOW_MS, value: p.metric });
    const calculator = newCalculator(c.pods!.map((p) => buildPod(p)), new FakeMetricsClient([], metrics), c.tolerance);
    const result = settle(spawn(calculator.getMetricReplicas(c.currentReplicas, c.targetMilli!, 'qps', 'test-namespace', selector, [])));
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, usage: c.expectedUsageMilli });
  });
});

describe('ReplicaCalculator: object metrics (replica_calculator_test.go)', () => {
  it.each(casesOf('object_metric_value').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as PlainCase;
    const calculator = newCalculator(c.pods!.map((p) => buildPod(p)), new FakeMetricsClient([], new Map(), c.metricValueMilli), c.tolerance);
    const result = settle(spawn(calculator.getObjectMetricReplicas(c.currentReplicas, c.targetMilli!, 'qps', 'test-namespace', { kind: 'Deployment', name: 'some-deployment', apiVersion: 'apps/v1' }, selector, [])));
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, usage: c.expectedUsageMilli });
  });

  it.each(casesOf('object_metric_average_value').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as PlainCase;
    const calculator = newCalculator([], new FakeMetricsClient([], new Map(), c.metricValueMilli), c.tolerance);
    const result = settle(spawn(calculator.getObjectPerPodMetricReplicas(c.currentReplicas, c.perPodTargetMilli!, 'qps', 'test-namespace', { kind: 'Deployment', name: 'some-deployment', apiVersion: 'apps/v1' }, [])));
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, usage: c.expectedUsageMilli });
  });
});

describe('ReplicaCalculator: external metrics (replica_calculator_test.go)', () => {
  it.each(casesOf('external_metric_value').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as PlainCase;
    const calculator = newCalculator(c.pods!.map((p) => buildPod(p)), new FakeMetricsClient([], new Map(), 0, [c.metricValueMilli!]), c.tolerance);
    const result = settle(spawn(calculator.getExternalMetricReplicas(c.currentReplicas, c.targetMilli!, 'qps', 'test-namespace', [], 'nil', selector)));
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, usage: c.expectedUsageMilli });
  });

  it.each(casesOf('external_metric_average_value').map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as PlainCase;
    const calculator = newCalculator([], new FakeMetricsClient([], new Map(), 0, [c.metricValueMilli!]), c.tolerance);
    const result = settle(spawn(calculator.getExternalPerPodMetricReplicas(c.currentReplicas, c.perPodTargetMilli!, 'qps', 'test-namespace', [], 'nil')));
    expect(result).toMatchObject({ ok: true, replicas: c.expectedReplicas, usage: c.expectedUsageMilli });
  });
});
