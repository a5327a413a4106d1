import type { KubeObject, Stored } from '../api/object';
import type { ApiServer, WatchHandle } from '../apiserver/server';
import type { WatchEvent, WatchOptions } from '../apiserver/cacher/types';
import type { ApiRequest, ApiResult, DeleteOptions, ObjectList, PatchType, RequestOptions, UserInfo } from '../apiserver/request';
import { Future } from '../sim/future';
import { TokenBucketRateLimiter } from './flowcontrol';

/**
 * ApiClient is a component's connection to the apiserver (client-go's clientset): every call is a
 * request under the component's identity, answered on the sim clock. Resources are named by their
 * plural (`deployments`); `namespace` is ignored for cluster-scoped ones.
 *
 * @example
 * const client = new ApiClient(server, { username: 'system:kube-scheduler', groups: [] }, 'kube-scheduler');
 * spawn(function* () { const pods = yield* wait(client.list('pods', 'default')); }());
 */
export class ApiClient {
  constructor(
    private readonly server: ApiServer,
    readonly user: UserInfo,
    readonly component: string,
    private readonly rateLimiter?: TokenBucketRateLimiter,
    private readonly warningHandler?: (warning: string) => void,
  ) {}

  /** withWarningHandler returns this client reporting each response's warnings (rest.Config WarningHandler). */
  withWarningHandler(handler: (warning: string) => void): ApiClient {
    return new ApiClient(this.server, this.user, this.component, this.rateLimiter, handler);
  }

  /** as returns a client for the same server under another identity (kubectl --as). */
  as(user: UserInfo, component = this.component): ApiClient {
    return new ApiClient(this.server, user, component, undefined, this.warningHandler);
  }

  /** withRateLimit returns this identity behind a client-side QPS/burst limit (rest.Config QPS/Burst). */
  withRateLimit(qps: number, burst: number): ApiClient {
    return new ApiClient(this.server, this.user, this.component, new TokenBucketRateLimiter(qps, burst));
  }

  /** unthrottled is the same identity without the limit (the event broadcaster's own client). */
  unthrottled(): ApiClient {
    return this.rateLimiter ? new ApiClient(this.server, this.user, this.component) : this;
  }

  /** get reads one object; `resourceVersion: '0'` accepts the apiserver's cached copy (metav1.GetOptions). */
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, options: RequestOptions = {}): Future<ApiResult<Stored<T>>> {
    return this.send({ verb: 'get', resource, namespace, name, ...(options.resourceVersion !== undefined ? { options } : {}) });
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string, options: RequestOptions = {}): Future<ApiResult<ObjectList<Stored<T>>>> {
    return this.send({ verb: 'list', resource, namespace, options });
  }

  create<T extends KubeObject = KubeObject>(resource: string, obj: T, options: RequestOptions = {}): Future<ApiResult<Stored<T>>> {
    return this.send({ verb: 'create', resource, namespace: obj.metadata?.namespace, body: obj, options });
  }

  update<T extends KubeObject = KubeObject>(resource: string, obj: T, options: RequestOptions = {}): Future<ApiResult<Stored<T>>> {
    return this.send({ verb: 'update', resource, namespace: obj.metadata?.namespace, name: obj.metadata?.name, body: obj, options });
  }

  /** updateStatus writes the status subresource (controllers' UpdateStatus). */
  updateStatus<T extends KubeObject = KubeObject>(resource: string, obj: T): Future<ApiResult<Stored<T>>> {
    return this.send({ verb: 'update', resource, subresource: 'status', namespace: obj.metadata?.namespace, name: obj.metadata?.name, body: obj });
  }

  patch<T extends KubeObject = KubeObject>(
    resource: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    data: unknown,
    options: RequestOptions & { subresource?: ApiRequest['subresource'] } = {},
  ): Future<ApiResult<Stored<T>>> {
    const { subresource, ...rest } = options;
    return this.send({ verb: 'patch', resource, subresource, namespace, name, patch: { type, data }, options: rest });
  }

  delete(resource: string, namespace: string | undefined, name: string, options: DeleteOptions & { dryRun?: boolean } = {}): Future<ApiResult> {
    return this.send({ verb: 'delete', resource, namespace, name, options });
  }

  /** bind is the scheduler's POST pods/NAME/binding. */
  bind(namespace: string, name: string, nodeName: string): Future<ApiResult> {
    const body = { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } };
    return this.send({ verb: 'create', resource: 'pods', subresource: 'binding', namespace, name, body: body as KubeObject });
  }

  /** evict is POST pods/NAME/eviction (kubectl drain). */
  evict(namespace: string, name: string): Future<ApiResult> {
    const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } };
    return this.send({ verb: 'create', resource: 'pods', subresource: 'eviction', namespace, name, body: body as KubeObject });
  }

  getScale(resource: string, namespace: string, name: string): Future<ApiResult> {
    return this.send({ verb: 'get', resource, subresource: 'scale', namespace, name });
  }

  /** updateScale is PUT <resource>/NAME/scale with a Scale object (the HPA's Scales().Update). */
  updateScale(resource: string, scale: KubeObject): Future<ApiResult> {
    return this.send({ verb: 'update', resource, subresource: 'scale', namespace: scale.metadata?.namespace, name: scale.metadata?.name, body: scale });
  }

  /** getGroup / listGroup read an aggregated API (`metrics.k8s.io`), proxied by the apiserver. */
  getGroup<T>(group: string, resource: string, namespace: string | undefined, name: string): Future<ApiResult<T>> {
    return this.send({ verb: 'get', group, resource, namespace, name });
  }

  listGroup<T>(group: string, resource: string, namespace?: string, options: RequestOptions = {}): Future<ApiResult<T>> {
    return this.send({ verb: 'list', group, resource, namespace, options });
  }

  /** metrics is GET /metrics: the apiserver's Prometheus page, when this identity may read it. */
  metrics(): Future<ApiResult<string>> {
    return this.server.metrics(this.user);
  }

  /** serverGroups is discovery's ServerGroups: the API groups (and versions) the server serves now. */
  serverGroups(): Future<Array<{ name: string; versions: string[] }>> {
    return this.server.serverGroups();
  }

  watch(resource: string, options: WatchOptions, deliver: (events: WatchEvent[]) => void): WatchHandle {
    return this.server.watch({ verb: 'watch', resource, namespace: options.namespace, options, user: this.user, component: this.component }, deliver);
  }

  private send<T>(req: Omit<ApiRequest, 'user' | 'component'>): Future<ApiResult<T>> {
    // `span` has its slot from the start: the server sets it without changing the object's shape.
    const full: ApiRequest = { ...req, user: this.user, component: this.component, span: undefined };
    const delayMs = this.rateLimiter?.reserveDelayMs(this.server.ctx.sim.nowMs) ?? 0;
    if (this.warningHandler) return this.reportWarnings(delayMs === 0 ? this.server.request<T>(full) : this.delayed<T>(full, delayMs));
    if (delayMs === 0) return this.server.request<T>(full);
    return this.delayed<T>(full, delayMs);
  }

  private delayed<T>(full: ApiRequest, delayMs: number): Future<ApiResult<T>> {
    const answer = new Future<ApiResult<T>>();
    this.server.ctx.sim.after(delayMs, () => this.server.request<T>(full).then((result) => answer.resolve(result)));
    return answer;
  }

  private reportWarnings<T>(result: Future<ApiResult<T>>): Future<ApiResult<T>> {
    return result.map((r) => {
      if (r.ok && r.warnings) for (const w of r.warnings) this.warningHandler!(w);
      return r;
    });
  }
}
