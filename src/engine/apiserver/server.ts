import { findResource, groupResource, RESOURCES, storageKey, type ResourceInfo } from '../api/resources';
import { APISERVER_ADDRESS } from './bootstrap';
import { ApiServerMetrics } from './metrics/apiserverMetrics';
import { RequestSpan } from './trace/requestSpan';
import { tracedVerb } from './trace/requestTrace';
import { SlowRequestLog } from './trace/slowRequestLog';
import type { EtcdClient } from '../etcd/types';
import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';
import { DEFAULT_EPOCH_MS } from '../sim/time';
import { spawn, wait, type Task } from '../sim/task';
import { newServiceAllocators } from './registry/serviceAlloc';
import { Cacher } from './cacher/cacher';
import type { WatchEvent, WatchOptions } from './cacher/types';
import { Aggregator, type APIGroupInfo } from './aggregator';
import { cacherFor, requestInfo, traceStage, unknownResource, type ServerContext } from './context';
import { forbiddenPath, methodNotAllowed } from './errors';
import { handleCreate } from './handlers/create';
import { handleDelete } from './handlers/delete';
import { handlePatch } from './handlers/patch';
import { handleGet, handleList } from './handlers/read';
import { handleBinding, handleEviction, handleScale } from './handlers/subresources';
import { handleUpdate } from './handlers/update';
import type { ApiRequest, ApiResult, UserInfo } from './request';
import { EtcdStore } from './storage/store';
import { authorizeRequest, nonResourceAllowed, selfSubjectAccessReview, selfSubjectRulesReview } from './authorization/authorize';

export interface ApiServerOptions {
  epochMs?: number;
  /** One-way network + handler latency of a request, in sim ms. */
  requestLatencyMs?: number;
  /** apiserver --etcd-compaction-interval (5 m). */
  compactionIntervalMs?: number;
}

export interface WatchHandle {
  stop(): void;
}

/**
 * ApiServer is the simulated kube-apiserver: every request walks the handler chain
 * (authentication → authorization → admission → validation → etcd) on the sim clock, reads are
 * served from per-resource watch caches, and watches stream from them.
 *
 * @example
 * const server = new ApiServer(sim, new EtcdCluster(sim, { members: 1, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false }));
 * server.start();
 * server.request({ verb: 'get', resource: 'namespaces', name: 'default', user, component: 'kubectl' })
 *   .then((result) => ...);
 */
export class ApiServer {
  readonly ctx: ServerContext;
  /** aggregator proxies aggregated API groups (metrics.k8s.io) to their APIService backends. */
  readonly aggregator: Aggregator;
  private readonly requestLatencyMs: number;
  private readonly compactionIntervalMs: number;
  private readonly slowRequests: SlowRequestLog;

  constructor(sim: Simulator, etcd: EtcdClient, options: ApiServerOptions = {}) {
    this.requestLatencyMs = options.requestLatencyMs ?? 1;
    this.compactionIntervalMs = options.compactionIntervalMs ?? 300_000;
    const cachers = new Map(RESOURCES.map((info) => [info.resource, new Cacher(sim, info, etcd)]));
    this.ctx = {
      sim,
      rng: sim.rng.fork('kube-apiserver'),
      etcd,
      store: new EtcdStore(etcd, () => sim.nowMs, (op, info, ms) => this.ctx.metrics.etcdRequest(op, info, ms / 1000)),
      cachers,
      allocators: newServiceAllocators(),
      epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
      metrics: new ApiServerMetrics(() => sim.nowMs),
    };
    this.aggregator = new Aggregator(sim);
    this.slowRequests = new SlowRequestLog(sim.rng.fork('kube-apiserver/trace'), this.ctx.epochMs, (component) => this.clientIP(component));
  }

  /** slowestRequestSince: the longest request over 500 ms that ended at or after `fromMs` (none: undefined). */
  slowestRequestSince(fromMs: number): number | undefined {
    return this.slowRequests.slowestSince(fromMs);
  }

  /** log is what kube-apiserver writes while it serves: its slow-request traces. */
  log(fromMs: number): ReadonlyArray<{ timeMs: number; text: string }> {
    return this.slowRequests.since(fromMs);
  }

  /**
   * metrics answers GET /metrics: its page for a user RBAC lets get the path (cluster-admin,
   * system:monitoring), Forbidden otherwise. The stored-object counts come from the watch caches.
   */
  metrics(user: UserInfo): Future<ApiResult<string>> {
    const answer = new Future<ApiResult<string>>();
    this.ctx.sim.after(this.requestLatencyMs * 2, () => {
      if (!nonResourceAllowed(this.ctx, user, '/metrics')) {
        answer.resolve({ ok: false, status: forbiddenPath(user.username, '/metrics') });
        return;
      }
      const stored = RESOURCES.map((info): [string, number] => [groupResource(info), cacherFor(this.ctx, info.resource).countWhere(() => true)]);
      answer.resolve({ ok: true, object: this.ctx.metrics.page(stored) });
    });
    return answer;
  }

  /** clientIP: a kubelet connects from its node's InternalIP, the control plane's clients from its address. */
  private clientIP(component: string): string {
    if (!component.startsWith('kubelet/')) return APISERVER_ADDRESS;
    const node = cacherFor(this.ctx, 'nodes').get(storageKey(findResource('nodes')!, undefined, component.slice('kubelet/'.length))) as { status?: { addresses?: Array<{ type: string; address: string }> } } | undefined;
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? APISERVER_ADDRESS;
  }

  /** serverGroups is `/apis` discovery: the built-in groups, then the available aggregated ones. */
  serverGroups(): Future<APIGroupInfo[]> {
    const groups = new Map<string, APIGroupInfo>();
    for (const info of RESOURCES) if (!groups.has(info.group)) groups.set(info.group, { name: info.group, versions: [info.version] });
    const answer = new Future<APIGroupInfo[]>();
    this.ctx.sim.after(this.requestLatencyMs * 2, () => answer.resolve([...groups.values(), ...this.aggregator.groups()]));
    return answer;
  }

  /** start fills the watch caches and schedules etcd compaction, as the apiserver does at boot. */
  start(): void {
    for (const cacher of this.ctx.cachers.values()) cacher.start();
    this.scheduleCompaction();
  }

  /** ready settles once every watch cache has listed etcd. */
  ready(): Future<void> {
    const all = new Future<void>();
    let pending = this.ctx.cachers.size;
    for (const cacher of this.ctx.cachers.values()) cacher.ready.then(() => --pending === 0 && all.resolve());
    return all;
  }

  request<T = unknown>(req: ApiRequest): Future<ApiResult<T>> {
    return spawn(this.serve(req)) as Future<ApiResult<T>>;
  }

  /**
   * watch opens a watch stream; events (and a 410 ERROR when the resourceVersion is too old) arrive
   * in batches on `deliver`.
   */
  watch(req: ApiRequest & { options?: WatchOptions }, deliver: (events: WatchEvent[]) => void): WatchHandle {
    let stopped = false;
    let stopCache: (() => void) | undefined;
    this.ctx.sim.after(this.requestLatencyMs, () => {
      if (stopped) return;
      traceStage(this.ctx, req, 'watch');
      const info = requestInfo(req);
      if (!info) {
        deliver([{ type: 'ERROR', object: unknownResource() }]);
        return;
      }
      const denied = authorizeRequest(this.ctx, info, { ...req, verb: 'watch' });
      if (denied) {
        deliver([{ type: 'ERROR', object: denied }]);
        return;
      }
      const namespace = info.namespaced ? req.namespace : undefined;
      const result = cacherFor(this.ctx, info.resource).watch({ ...req.options, namespace }, deliver);
      if (result.ok) stopCache = result.stop;
      else this.ctx.sim.after(this.requestLatencyMs, () => !stopped && deliver([{ type: 'ERROR', object: result.status }]));
    });
    return {
      stop: () => {
        stopped = true;
        stopCache?.();
      },
    };
  }

  private *serve(req: ApiRequest): Task<ApiResult<unknown>> {
    yield* wait(this.ctx.sim.sleep(this.requestLatencyMs));
    if (req.group !== undefined) return yield* this.aggregator.proxy(req);
    const info = requestInfo(req);
    if (!info) return { ok: false, status: unknownResource() };
    traceStage(this.ctx, req, 'authn', { groups: req.user.groups });
    const denied = authorizeRequest(this.ctx, info, req);
    if (denied) {
      this.ctx.metrics.finished(this.ctx.metrics.started(req.verb), req, info, 403, 0);
      return { ok: false, status: denied };
    }
    const startMs = this.ctx.sim.nowMs;
    const kind = this.ctx.metrics.started(req.verb);
    let result: ApiResult<unknown>;
    if (!tracedVerb(req.verb)) result = yield* this.handle(req, info);
    else {
      // The handler's span starts after the filters (authentication, authorization), as in the chain.
      // The request object is this call's own (the client builds one per call): it carries the span.
      const span = new RequestSpan(startMs);
      req.span = span;
      result = yield* this.handle(req, info);
      this.slowRequests.finished(req, info, span, result, this.ctx.sim.nowMs);
    }
    const code = result.ok ? (req.verb === 'create' ? 201 : 200) : (result.status.code ?? 500);
    this.ctx.metrics.finished(kind, req, info, code, (this.ctx.sim.nowMs - startMs) / 1000);
    return result;
  }

  /** handle dispatches to the subresource's or the verb's handler. */
  private *handle(req: ApiRequest, info: ResourceInfo): Task<ApiResult<unknown>> {
    const ctx = this.ctx;
    if (info.resource === 'selfsubjectaccessreviews' && req.verb === 'create') return selfSubjectAccessReview(ctx, req);
    if (info.resource === 'selfsubjectrulesreviews' && req.verb === 'create') return selfSubjectRulesReview(ctx, req);
    switch (req.subresource) {
      case 'binding':
        return yield* handleBinding(ctx, info, req);
      case 'scale':
        return yield* handleScale(ctx, info, req);
      case 'eviction':
        return yield* handleEviction(ctx, info, req);
    }
    switch (req.verb) {
      case 'get':
        return yield* handleGet(ctx, info, req);
      case 'list':
        return handleList(ctx, info, req);
      case 'create':
        return yield* handleCreate(ctx, info, req);
      case 'update':
        return yield* handleUpdate(ctx, info, req);
      case 'patch':
        return yield* handlePatch(ctx, info, req);
      case 'delete':
        return yield* handleDelete(ctx, info, req);
      default:
        return { ok: false, status: methodNotAllowed(info, req.verb) };
    }
  }

  /** scheduleCompaction compacts etcd every interval to the revision seen one interval ago. */
  private scheduleCompaction(): void {
    let lastRevision = 0;
    const compact = () => {
      if (lastRevision > 1) this.ctx.etcd.compact(lastRevision);
      lastRevision = this.ctx.etcd.currentRevision();
      this.ctx.sim.after(this.compactionIntervalMs, compact);
    };
    this.ctx.sim.after(this.compactionIntervalMs, compact);
  }
}
