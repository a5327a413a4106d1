// Mirrors kubernetes pkg/controller/podautoscaler/metrics/interfaces.go (v1.32): what the replica
// calculator reads from the resource, custom and external metrics APIs.
import type { Selector } from '../../../api/labels';
import type { Future } from '../../../sim/future';

/** PodMetric is one pod's sample: value in milli-units, its timestamp and the window it covers. */
export interface PodMetric {
  timestampMs: number;
  windowMs: number;
  /** value in milli-units (millicores for cpu, milli-bytes for memory, as MilliValue()). */
  value: number;
}

/** PodMetricsInfo maps pod names to their metric (a Go map; iteration order never matters here). */
export type PodMetricsInfo = Map<string, PodMetric>;

/** MetricsResult is a Go `(value, timestamp, error)` triple. */
export type MetricsResult<T> = { ok: true; value: T; timestampMs: number } | { ok: false; error: string };

/** ObjectReference is autoscaling/v2 CrossVersionObjectReference. */
export interface ObjectReference {
  apiVersion?: string;
  kind: string;
  name: string;
}

/**
 * MetricsClient knows how to query a remote interface to retrieve container-level resource
 * metrics (metrics.k8s.io) as well as pod-level, object and external metrics.
 */
export interface MetricsClient {
  /** getResourceMetric: per-pod usage of `resource` (one container's when `container` is set). */
  getResourceMetric(resource: string, namespace: string, selector: Selector, container: string): Future<MetricsResult<PodMetricsInfo>>;
  /** getRawMetric: a custom per-pod metric (custom.metrics.k8s.io). */
  getRawMetric(metricName: string, namespace: string, selector: Selector, metricSelector: Selector): Future<MetricsResult<PodMetricsInfo>>;
  /** getObjectMetric: a custom metric of one object, in milli-units. */
  getObjectMetric(metricName: string, namespace: string, objectRef: ObjectReference, metricSelector: Selector): Future<MetricsResult<number>>;
  /** getExternalMetric: every series of an external metric, in milli-units. */
  getExternalMetric(metricName: string, namespace: string, metricSelector: Selector): Future<MetricsResult<number[]>>;
}
