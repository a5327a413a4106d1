// The kube-apiserver's own Prometheus metrics, as `kubectl get --raw /metrics` shows them (v1.32
// k8s.io/apiserver pkg/endpoints/metrics/metrics.go and pkg/storage/etcd3/metrics/metrics.go):
// requests by verb, resource, scope and code with their latency, the in-flight peak per request
// kind, the objects stored per resource, and the latency of each etcd call. Only these families
// are written; a real page has hundreds more (Go runtime, process, admission, APF, watch cache).
import { groupResource, type ResourceInfo } from '../../api/resources';
import { Histogram } from '../../metrics/prometheus/histogram';
import { sample, writeFamilies, type MetricFamily } from '../../metrics/prometheus/textFormat';
import type { ApiRequest } from '../request';

/** REQUEST_BUCKETS: requestLatencies' buckets, which etcd_request_duration_seconds keeps too. */
export const REQUEST_BUCKETS = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

const VERB_INDEX: Record<ApiRequest['verb'], number> = { get: 0, list: 1, watch: 2, create: 3, update: 4, patch: 5, delete: 6 };
const SCOPE_INDEX: Record<string, number> = { resource: 0, namespace: 1, cluster: 2 };

/** CLEAN_VERB is metrics.CleanVerb per request verb. */
const CLEAN_VERB: Record<ApiRequest['verb'], string> = { get: 'GET', list: 'LIST', watch: 'WATCH', create: 'POST', update: 'PUT', patch: 'PATCH', delete: 'DELETE' };

type Labels = Array<[string, string]>;

interface Series<T> {
  labels: Labels;
  value: T;
}

/** EtcdOperation names the store calls etcd_request_duration_seconds counts (store.go RecordEtcdRequest). */
export type EtcdOperation = 'create' | 'update' | 'delete' | 'get';

/** RequestSeries is one label set of the request families: its latency and its count per code. */
interface RequestSeries {
  labels: Labels;
  latency: Histogram;
  codes: Map<number, number>;
}

export class ApiServerMetrics {
  /**
   * requests by resource, then by a number for verb × scope × dry run (with the subresource in
   * front when there is one): a request costs two lookups, not a label array.
   */
  private readonly requests = new Map<ResourceInfo, Map<number | string, RequestSeries>>();
  /** etcd latencies by resource, then operation (a call costs two lookups, no label strings). */
  private readonly etcd = new Map<ResourceInfo, Map<EtcdOperation, Histogram>>();
  private readonly inflight = { mutating: 0, readOnly: 0 };
  /** peak: the most requests in flight per kind in the current second; lastPeak: the last second's. */
  private readonly peak = { mutating: 0, readOnly: 0 };
  private readonly lastPeak = { mutating: 0, readOnly: 0 };
  private peakSecond = 0;

  constructor(private readonly nowMs: () => number) {}

  /** started counts a request into the in-flight gauge of its kind; returns its kind for `finished`. */
  started(verb: ApiRequest['verb']): 'mutating' | 'readOnly' {
    const kind = verb === 'get' || verb === 'list' || verb === 'watch' ? 'readOnly' : 'mutating';
    this.rollPeak();
    const now = ++this.inflight[kind];
    if (now > this.peak[kind]) this.peak[kind] = now;
    return kind;
  }

  /** finished records a served request: its count by code and its latency (MonitorRequest). */
  finished(kind: 'mutating' | 'readOnly', req: ApiRequest, info: ResourceInfo, code: number, seconds: number): void {
    this.rollPeak();
    this.inflight[kind]--;
    const dryRun = req.options?.dryRun ? 'All' : '';
    const scope = cleanScope(req, info);
    const subresource = req.subresource ?? '';
    const verb = cleanVerb(req.verb);
    const index = (VERB_INDEX[req.verb] * 3 + SCOPE_INDEX[scope]) * 2 + (dryRun ? 1 : 0);
    const seriesKey = subresource ? `${subresource}|${index}` : index;
    let byResource = this.requests.get(info);
    if (!byResource) this.requests.set(info, (byResource = new Map()));
    let series = byResource.get(seriesKey);
    if (!series) {
      const labels: Labels = [
        ['component', 'apiserver'],
        ['dry_run', dryRun],
        ['group', info.group],
        ['resource', info.resource],
        ['scope', scope],
        ['subresource', subresource],
        ['verb', verb],
        ['version', info.version],
      ];
      byResource.set(seriesKey, (series = { labels, latency: new Histogram(REQUEST_BUCKETS), codes: new Map() }));
    }
    series.latency.observe(seconds);
    series.codes.set(code, (series.codes.get(code) ?? 0) + 1);
  }

  /** etcdRequest records one call to etcd by the store (RecordEtcdRequest). */
  etcdRequest(operation: EtcdOperation, info: ResourceInfo, seconds: number): void {
    let byOperation = this.etcd.get(info);
    if (!byOperation) this.etcd.set(info, (byOperation = new Map()));
    let histogram = byOperation.get(operation);
    if (!histogram) byOperation.set(operation, (histogram = new Histogram(REQUEST_BUCKETS)));
    histogram.observe(seconds);
  }

  /** page writes the families; `storedObjects` counts each resource's objects (apiserver_storage_objects). */
  page(storedObjects: ReadonlyArray<[resource: string, count: number]>): string {
    this.rollPeak();
    const all = [...this.requests.values()].flatMap((byResource) => [...byResource.values()]);
    const requests = all.map((s) => ({ labels: s.labels, value: s })).sort((a, b) => compareKeys(key(a.labels), key(b.labels)));
    // apiserver_request_total leads with `code`: its series sort by code first.
    const totals = all
      .flatMap((s) => [...s.codes].map(([code, count]): Series<number> => ({ labels: [['code', String(code)], ...s.labels], value: count })))
      .sort((a, b) => compareKeys(key(a.labels), key(b.labels)));
    const families: MetricFamily[] = [
      {
        name: 'apiserver_current_inflight_requests',
        type: 'gauge',
        help: '[STABLE] Maximal number of currently used inflight request limit of this apiserver per request kind in last second.',
        samples: [sample('apiserver_current_inflight_requests', this.lastPeak.mutating, [['request_kind', 'mutating']]), sample('apiserver_current_inflight_requests', this.lastPeak.readOnly, [['request_kind', 'readOnly']])],
      },
      {
        name: 'apiserver_request_duration_seconds',
        type: 'histogram',
        help: '[STABLE] Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
        samples: requests.flatMap((s) => s.value.latency.lines('apiserver_request_duration_seconds', s.labels)),
      },
      {
        name: 'apiserver_request_total',
        type: 'counter',
        help: '[STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
        samples: totals.map((s) => sample('apiserver_request_total', s.value, s.labels)),
      },
      {
        name: 'apiserver_storage_objects',
        type: 'gauge',
        help: '[STABLE] Number of stored objects at the time of last check split by kind.',
        samples: [...storedObjects].sort(([a], [b]) => compareKeys(a, b)).map(([resource, count]) => sample('apiserver_storage_objects', count, [['resource', resource]])),
      },
      {
        name: 'etcd_request_duration_seconds',
        type: 'histogram',
        help: '[ALPHA] Etcd request latency in seconds for each operation and object type.',
        samples: this.etcdSeries().flatMap((s) => s.value.lines('etcd_request_duration_seconds', s.labels)),
      },
    ];
    return writeFamilies(families);
  }

  /** etcdSeries lists the etcd latency series sorted by operation, then type. */
  private etcdSeries(): Array<Series<Histogram>> {
    const all = new Map<string, Series<Histogram>>();
    for (const [info, byOperation] of this.etcd) {
      for (const [operation, histogram] of byOperation) {
        const labels: Labels = [
          ['operation', operation],
          ['type', groupResource(info)],
        ];
        all.set(key(labels), { labels, value: histogram });
      }
    }
    return sorted(all);
  }

  /** rollPeak starts a new one-second window: the gauge shows the last full second's peak. */
  private rollPeak(): void {
    const second = Math.floor(this.nowMs() / 1000);
    if (second === this.peakSecond) return;
    const gap = second - this.peakSecond > 1;
    this.lastPeak.mutating = gap ? this.inflight.mutating : this.peak.mutating;
    this.lastPeak.readOnly = gap ? this.inflight.readOnly : this.peak.readOnly;
    this.peak.mutating = this.inflight.mutating;
    this.peak.readOnly = this.inflight.readOnly;
    this.peakSecond = second;
  }
}

/** cleanVerb is metrics.CleanVerb: the HTTP method, LIST and WATCH for collection reads. */
export function cleanVerb(verb: ApiRequest['verb']): string {
  return CLEAN_VERB[verb];
}

/** cleanScope is metrics.CleanScope: a named object (or any create) is "resource". */
export function cleanScope(req: ApiRequest, info: ResourceInfo): string {
  if (req.name || req.verb === 'create') return 'resource';
  return info.namespaced && req.namespace ? 'namespace' : 'cluster';
}

/** key joins label values so that keys sort as the registry sorts series (value by value). */
function key(labels: Labels): string {
  return labels.map(([, v]) => v).join('\u0000');
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sorted<T>(all: Map<string, Series<T>>): Array<Series<T>> {
  return [...all.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, s]) => s);
}
