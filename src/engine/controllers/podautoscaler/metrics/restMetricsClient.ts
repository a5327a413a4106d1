// Mirrors kubernetes pkg/controller/podautoscaler/metrics/client.go (v1.32) NewRESTMetricsClient:
// resource metrics come from metrics.k8s.io (metrics-server, through the apiserver); the simulator
// runs no custom or external metrics adapter, so those APIs answer as an unregistered one would.
import { selectorString, type Selector } from '../../../api/labels';
import type { ApiClient } from '../../../client/client';
import { Future } from '../../../sim/future';
import { METRICS_GROUP, type MetricsList, type PodMetrics } from '../../../metrics/types';
import type { MetricsClient, MetricsResult, ObjectReference, PodMetricsInfo } from './interfaces';
import { podMetricsInfoFrom } from './resourceMetrics';

const NO_CUSTOM_METRICS_API = 'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';

export class RestMetricsClient implements MetricsClient {
  constructor(
    private readonly client: Pick<ApiClient, 'listGroup'>,
    private readonly epochMs: number,
  ) {}

  getResourceMetric(resource: string, namespace: string, selector: Selector, container: string): Future<MetricsResult<PodMetricsInfo>> {
    return this.client.listGroup<MetricsList<PodMetrics>>(METRICS_GROUP, 'pods', namespace, { labelSelector: selectorString(selector) }).map((listed) => {
      if (!listed.ok) return { ok: false, error: `unable to fetch metrics from resource metrics API: ${listed.status.message ?? ''}` };
      return podMetricsInfoFrom(listed.object.items, resource, container, this.epochMs);
    });
  }

  getRawMetric(): Future<MetricsResult<PodMetricsInfo>> {
    return Future.resolved<MetricsResult<PodMetricsInfo>>({ ok: false, error: NO_CUSTOM_METRICS_API });
  }

  getObjectMetric(_metricName: string, _namespace: string, _objectRef: ObjectReference): Future<MetricsResult<number>> {
    return Future.resolved<MetricsResult<number>>({ ok: false, error: NO_CUSTOM_METRICS_API });
  }

  getExternalMetric(metricName: string): Future<MetricsResult<number[]>> {
    return Future.resolved<MetricsResult<number[]>>({ ok: false, error: `unable to fetch metrics from external metrics API: the server could not find the requested resource (get ${metricName}.external.metrics.k8s.io)` });
  }
}
