// Mirrors the kube-aggregator in kube-apiserver (staging/src/k8s.io/kube-aggregator, v1.32): an
// APIService registers an extension API server for a group/version; requests for that group are
// proxied to it, and discovery lists the group only while the APIService is Available.
import type { Status } from 'kubernetes-types/meta/v1';
import { newServiceUnavailable } from '../api/status';
import type { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';
import { wait, type Task } from '../sim/task';
import { unknownResource } from './context';
import type { ApiRequest, ApiResult } from './request';

/** APIResourceInfo is one resource of an aggregated API, as discovery lists it. */
export interface APIResourceInfo {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * APIServiceBackend is an extension API server behind an APIService (`v1beta1.metrics.k8s.io` →
 * metrics-server). `available` is the APIService's Available condition: the backend answers its
 * readiness probe.
 */
export interface APIServiceBackend {
  group: string;
  version: string;
  resources: readonly APIResourceInfo[];
  available(): boolean;
  serve(req: ApiRequest): Future<ApiResult<unknown>>;
}

/** APIGroupInfo is one entry of `/apis` discovery: a group and its served versions. */
export interface APIGroupInfo {
  name: string;
  versions: string[];
}

/**
 * Aggregator holds the registered APIServices and proxies their requests. A request for an
 * unavailable APIService gets the 503 client-go reports as `the server is currently unable to
 * handle the request (get pods.metrics.k8s.io)`.
 */
export class Aggregator {
  private readonly services = new Map<string, APIServiceBackend>();

  constructor(private readonly sim: Simulator) {}

  register(backend: APIServiceBackend): void {
    this.services.set(backend.group, backend);
  }

  unregister(group: string): void {
    this.services.delete(group);
  }

  /** groups lists the available aggregated groups, sorted by name. */
  groups(): APIGroupInfo[] {
    return [...this.services.values()].filter((s) => s.available()).map((s) => ({ name: s.group, versions: [s.version] })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** proxy forwards a request to the group's backend. */
  *proxy(req: ApiRequest): Task<ApiResult<unknown>> {
    const backend = this.services.get(req.group ?? '');
    if (!backend || !backend.resources.some((r) => r.name === req.resource)) return { ok: false, status: unknownResource() };
    if (this.sim.trace.enabled) {
      const kind = backend.resources.find((r) => r.name === req.resource)!.kind;
      this.sim.emit({ component: 'kube-apiserver', kind: 'apiserver.proxy', ref: { kind, namespace: req.namespace, name: req.name ?? '' }, verb: req.verb, from: req.component, user: req.user.username, group: backend.group, available: backend.available() });
    }
    if (!backend.available()) return { ok: false, status: serviceUnavailable(req) };
    return yield* wait(backend.serve(req));
  }
}

/** serviceUnavailable is the client-side text of the aggregator's 503 for `req`. */
function serviceUnavailable(req: ApiRequest): Status {
  return newServiceUnavailable(`the server is currently unable to handle the request (get ${req.resource}.${req.group})`);
}
