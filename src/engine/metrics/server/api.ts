// Mirrors metrics-server pkg/api/pod.go and node.go (v0.7): the metrics.k8s.io/v1beta1 storage
// behind `kubectl top` and the HPA. Pods come from the apiserver (Running pods only, as
// metrics-server's pod informer holds), nodes from the node informer; items are sorted by
// namespace and name. A Get for something without metrics is a NotFound on the metrics resource.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { matches, parseSelector } from '../../api/labels';
import { newBadRequest, newMethodNotSupported, newNotFound } from '../../api/status';
import type { ApiRequest, ApiResult } from '../../apiserver/request';
import type { ApiClient } from '../../client/client';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { formatQuantity } from '../../kubectl/printers/table/quantity';
import { formatGoDurationMs } from '../../registry/goDuration';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { METRICS_API_VERSION, METRICS_GROUP, type MetricsList, type NodeMetrics, type PodMetrics, type ResourceList } from '../types';
import type { NodeStorage, PodStorage, Usage } from './storage';

/** METRICS_RESOURCES: what the APIService serves (`kubectl api-resources --api-group=metrics.k8s.io`). */
export const METRICS_RESOURCES = [
  { name: 'pods', kind: 'PodMetrics', namespaced: true },
  { name: 'nodes', kind: 'NodeMetrics', namespaced: false },
] as const;

export interface MetricsAPIOptions {
  sim: Simulator;
  epochMs: number;
  client: ApiClient;
  nodes: SharedIndexInformer<Node>;
  pods: PodStorage;
  nodeStorage: NodeStorage;
}

/** usageList formats a usage as metrics-server does: cpu in nanocores, memory in bytes (canonical quantities). */
export function usageList(usage: Pick<Usage, 'cpuNanoCores' | 'memoryBytes'>): ResourceList {
  return {
    cpu: formatQuantity({ nano: BigInt(usage.cpuNanoCores), format: 'DecimalSI' }),
    memory: formatQuantity({ nano: BigInt(usage.memoryBytes) * 1_000_000_000n, format: 'BinarySI' }),
  };
}

export class MetricsAPI {
  constructor(private readonly o: MetricsAPIOptions) {}

  *serve(req: ApiRequest): Task<ApiResult<unknown>> {
    const resource = req.resource === 'pods' ? 'pods' : 'nodes';
    if (req.verb !== 'get' && req.verb !== 'list') return { ok: false, status: newMethodNotSupported({ group: METRICS_GROUP, resource }, req.verb) };
    if (resource === 'pods') return req.verb === 'get' ? yield* this.getPod(req) : yield* this.listPods(req);
    return req.verb === 'get' ? this.getNode(req.name ?? '') : this.listNodes(req.options?.labelSelector ?? '');
  }

  private *listPods(req: ApiRequest): Task<ApiResult<unknown>> {
    const fieldSelector = ['status.phase=Running', req.options?.fieldSelector].filter(Boolean).join(',');
    const listed = yield* wait(this.o.client.list<Pod>('pods', req.namespace, { labelSelector: req.options?.labelSelector, fieldSelector }));
    if (!listed.ok) return listed;
    const items = this.podMetrics(listed.object.items);
    const list: MetricsList<PodMetrics> = { kind: 'PodMetricsList', apiVersion: METRICS_API_VERSION, metadata: {}, items };
    return { ok: true, object: list };
  }

  private *getPod(req: ApiRequest): Task<ApiResult<unknown>> {
    const namespace = req.namespace ?? 'default';
    const name = req.name ?? '';
    const got = yield* wait(this.o.client.get<Pod>('pods', namespace, name));
    if (!got.ok) return got;
    // The pod lister only holds Running pods.
    if (got.object.status?.phase !== 'Running') return { ok: false, status: newNotFound({ group: '', resource: 'pods' }, name) };
    const [item] = this.podMetrics([got.object]);
    if (!item) return { ok: false, status: newNotFound({ group: METRICS_GROUP, resource: 'podmetrics' }, `${namespace}/${name}`) };
    return { ok: true, object: item };
  }

  /** podMetrics: the pods with a usage in storage, as PodMetrics sorted by namespace then name. */
  private podMetrics(pods: readonly Pod[]): PodMetrics[] {
    const keyOf = (p: Pod) => `${p.metadata?.namespace}/${p.metadata?.name}`;
    const usages = this.o.pods.getMetrics(pods.map(keyOf));
    const now = toRFC3339(this.o.sim.nowMs, this.o.epochMs);
    const items: PodMetrics[] = [];
    for (const pod of pods) {
      const containers = usages.get(keyOf(pod));
      if (!containers) continue;
      // The pod's time info is that of its container with the earliest timestamp.
      const earliest = containers.reduce<Usage | undefined>((min, c) => (!min || c.timestampMs < min.timestampMs ? c : min), undefined);
      items.push({
        kind: 'PodMetrics', apiVersion: METRICS_API_VERSION,
        metadata: { name: pod.metadata!.name!, namespace: pod.metadata?.namespace, creationTimestamp: now, ...(pod.metadata?.labels ? { labels: pod.metadata.labels } : {}) },
        timestamp: toRFC3339(earliest?.timestampMs ?? 0, this.o.epochMs),
        window: formatGoDurationMs(earliest?.windowMs ?? 0),
        containers: containers.map((c) => ({ name: c.name, usage: usageList(c) })),
      });
    }
    return items.sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
  }

  private listNodes(labelSelector: string): ApiResult<unknown> {
    const parsed = parseSelector(labelSelector);
    if (!parsed.ok) return { ok: false, status: newBadRequest(parsed.error) };
    const nodes = (this.o.nodes.indexer.list() as Node[]).filter((n) => matches(parsed.selector, n.metadata?.labels));
    const list: MetricsList<NodeMetrics> = { kind: 'NodeMetricsList', apiVersion: METRICS_API_VERSION, metadata: {}, items: this.nodeMetrics(nodes) };
    return { ok: true, object: list };
  }

  private getNode(name: string): ApiResult<unknown> {
    const node = this.o.nodes.indexer.get(name) as Node | undefined;
    if (!node) return { ok: false, status: newNotFound({ group: '', resource: 'nodes' }, name) };
    const [item] = this.nodeMetrics([node]);
    if (!item) return { ok: false, status: newNotFound({ group: METRICS_GROUP, resource: 'nodemetrics' }, name) };
    return { ok: true, object: item };
  }

  private nodeMetrics(nodes: readonly Node[]): NodeMetrics[] {
    const usages = this.o.nodeStorage.getMetrics(nodes.map((n) => n.metadata?.name ?? ''));
    const now = toRFC3339(this.o.sim.nowMs, this.o.epochMs);
    const items: NodeMetrics[] = [];
    for (const node of nodes) {
      const usage = usages.get(node.metadata?.name ?? '');
      if (!usage) continue;
      items.push({
        kind: 'NodeMetrics', apiVersion: METRICS_API_VERSION,
        metadata: { name: node.metadata!.name!, creationTimestamp: now, ...(node.metadata?.labels ? { labels: node.metadata.labels } : {}) },
        timestamp: toRFC3339(usage.timestampMs, this.o.epochMs), window: formatGoDurationMs(usage.windowMs), usage: usageList(usage),
      });
    }
    return items.sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
