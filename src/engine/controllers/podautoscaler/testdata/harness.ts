// Builds the upstream test fixtures of replica_calculator_test.go from hpa_cases.json rows: pods
// with two containers, metrics as metrics-server would return them, a fake metrics client, and
// the test constants (CPU initialization period 2 m, readiness delay 10 s).
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, type Selector } from '../../../api/labels';
import type { PodMetrics } from '../../../metrics/types';
import { Future } from '../../../sim/future';
import { DEFAULT_EPOCH_MS, toRFC3339 } from '../../../sim/time';
import type { MetricsClient, MetricsResult, PodMetricsInfo } from '../metrics/interfaces';
import { podMetricsInfoFrom } from '../metrics/resourceMetrics';
import { ReplicaCalculator } from '../replicaCalculator';

export const NOW_MS = 3_600_000;
export const EPOCH_MS = DEFAULT_EPOCH_MS;
/** defaultTesting* constants of replica_calculator.go. */
export const TEST_CPU_INITIALIZATION_PERIOD_MS = 120_000;
export const TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS = 10_000;
/** METRIC_WINDOW_MS: the window the test metrics claim. */
export const METRIC_WINDOW_MS = 60_000;
export const ZERO_TIME = '0001-01-01T00:00:00Z';
export const LABELS = { name: 'test-pod' };

export interface CasePod {
  name: string;
  phase: string;
  readyCondition: 'True' | 'False';
  startTime: 'zero' | 'hot' | 'cool';
  deletionTimestamp: boolean;
  cpuRequestMilli?: number | null;
  cpuUsageMilli?: number | null;
  metric?: number | null;
  class: 'ready' | 'unready' | 'missing' | 'ignored';
}

function startTimeOf(kind: CasePod['startTime']): string {
  if (kind === 'hot') return toRFC3339(NOW_MS, EPOCH_MS);
  if (kind === 'cool') return toRFC3339(NOW_MS - 180_000, EPOCH_MS);
  return ZERO_TIME;
}

/**
 * buildPod makes a pod with containers container1/container2. For a Resource metric each gets
 * half of the pod's request; for a ContainerResource metric the named one carries it all.
 */
export function buildPod(p: CasePod, container: string | null = null): Pod {
  const start = startTimeOf(p.startTime);
  const request = (name: string) => {
    if (p.cpuRequestMilli === null || p.cpuRequestMilli === undefined) return {};
    const milli = container ? (name === container ? p.cpuRequestMilli : 0) : p.cpuRequestMilli / 2;
    return { requests: { cpu: `${milli}m` } };
  };
  return {
    metadata: { name: p.name, namespace: 'test-namespace', labels: LABELS, ...(p.deletionTimestamp ? { deletionTimestamp: toRFC3339(NOW_MS, EPOCH_MS) } : {}) },
    spec: { containers: ['container1', 'container2'].map((name) => ({ name, image: 'nginx', resources: request(name) })) },
    status: { phase: p.phase, startTime: start, conditions: [{ type: 'Ready', status: p.readyCondition, lastTransitionTime: start }] },
  };
}

/** podMetricsFor is what metrics-server would return for a pod's usage (split over containers). */
export function podMetricsFor(name: string, usageMilli: number, container: string | null = null): PodMetrics {
  const usage = (c: string) => `${container ? (c === container ? usageMilli : 0) : usageMilli / 2}m`;
  return {
    kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1',
    metadata: { name, namespace: 'test-namespace', labels: LABELS },
    timestamp: toRFC3339(NOW_MS, EPOCH_MS), window: `${METRIC_WINDOW_MS / 1000}s`,
    containers: ['container1', 'container2'].map((c) => ({ name: c, usage: { cpu: usage(c) } })),
  };
}

/** FakeMetricsClient answers like the REST client over fixed data. */
export class FakeMetricsClient implements MetricsClient {
  constructor(
    private readonly resourceItems: PodMetrics[] = [],
    private readonly podMetrics: PodMetricsInfo = new Map(),
    private readonly objectValue = 0,
    private readonly externalValues: number[] = [],
  ) {}

  getResourceMetric(resource: string, _namespace: string, selector: Selector, container: string): Future<MetricsResult<PodMetricsInfo>> {
    const items = this.resourceItems.filter((m) => matches(selector, m.metadata.labels));
    return Future.resolved<MetricsResult<PodMetricsInfo>>(podMetricsInfoFrom(items, resource, container, EPOCH_MS));
  }

  getRawMetric(): Future<MetricsResult<PodMetricsInfo>> {
    if (this.podMetrics.size === 0) return Future.resolved<MetricsResult<PodMetricsInfo>>({ ok: false, error: 'no metrics returned from custom metrics API' });
    return Future.resolved<MetricsResult<PodMetricsInfo>>({ ok: true, value: new Map(this.podMetrics), timestampMs: NOW_MS });
  }

  getObjectMetric(): Future<MetricsResult<number>> {
    return Future.resolved<MetricsResult<number>>({ ok: true, value: this.objectValue, timestampMs: NOW_MS });
  }

  getExternalMetric(): Future<MetricsResult<number[]>> {
    return Future.resolved<MetricsResult<number[]>>({ ok: true, value: this.externalValues, timestampMs: NOW_MS });
  }
}

/** newCalculator builds the calculator of the upstream tests over these pods and metrics. */
export function newCalculator(pods: Pod[], client: MetricsClient, tolerance = 0.1): ReplicaCalculator {
  return new ReplicaCalculator({
    metricsClient: client,
    listPods: (namespace, selector) => pods.filter((p) => p.metadata?.namespace === namespace && matches(selector, p.metadata?.labels)),
    tolerance,
    cpuInitializationPeriodMs: TEST_CPU_INITIALIZATION_PERIOD_MS,
    delayOfInitialReadinessStatusMs: TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS,
    epochMs: EPOCH_MS,
    nowMs: () => NOW_MS,
  });
}
