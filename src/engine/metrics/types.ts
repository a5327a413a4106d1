// The metrics.k8s.io/v1beta1 API (k8s.io/metrics pkg/apis/metrics/v1beta1/types.go): what
// metrics-server serves and `kubectl top` and the HPA read. Usage values are quantities:
// cpu in nanocores as metrics-server prints them (`1234567n`, `250m`), memory in bytes (`12Ki`).
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
export const METRICS_API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

/** ResourceList is a corev1.ResourceList of usage: `{ cpu: '250m', memory: '12Mi' }`. */
export type ResourceList = Record<string, string>;

export interface ContainerMetrics {
  name: string;
  usage: ResourceList;
}

/** PodMetrics: the usage of one pod's containers over `window`, sampled at `timestamp`. */
export interface PodMetrics {
  kind: 'PodMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: ObjectMeta & { name: string };
  /** timestamp: RFC 3339 end of the window the usage was averaged over. */
  timestamp: string;
  /** window: a Go duration string (`15.012s`). */
  window: string;
  containers: ContainerMetrics[];
}

/** NodeMetrics: the usage of one node (its root cgroup) over `window`. */
export interface NodeMetrics {
  kind: 'NodeMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: ObjectMeta & { name: string };
  timestamp: string;
  window: string;
  usage: ResourceList;
}

export interface MetricsList<T> {
  kind: 'PodMetricsList' | 'NodeMetricsList';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: { resourceVersion?: string };
  items: T[];
}
