// The apiserver's proxy subresources for GET: /api/v1/namespaces/NS/pods/[SCHEME:]NAME[:PORT]/proxy/PATH
// and /api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH (what `kubectl proxy` and
// `kubectl get --raw` reach pods through in the Kubernetes Basics tutorial). Facts from
// pkg/registry/core/pod/strategy.go ResourceLocation (port defaults to the first declared
// container port; no pod IP → BadRequest "address not allowed"), pkg/registry/core/service/
// storage ResourceLocation (a random ready endpoint; none → ServiceUnavailable "no endpoints
// available for service") and apimachinery's proxy transport (a failed dial → ServiceUnavailable
// "error trying to reach service: ...").
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Status } from 'kubernetes-types/meta/v1';
import type { Stored } from '../../api/object';
import type { ApiClient } from '../../client/client';
import type { Rng } from '../../sim/rng';
import { wait, type Task } from '../../sim/task';
import type { RawResponse } from './rawRequest';

/** ProxyBackend dials a pod: its server's answer on podIP:port, or false when nothing listens. */
export interface ProxyBackend {
  rng: Rng;
  podHttp(pod: Stored<Pod>, port: number, path: string): { ok: true; body: string } | { ok: false; error: string };
}

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)\/([^/]+)\/proxy(\/.*)?$/;

/** isProxyPath: whether a raw path is a pod or service proxy request. */
export function isProxyPath(pathname: string): boolean {
  return PROXY_PATH.test(pathname);
}

export function* proxyGet(client: ApiClient, pathname: string, backend: ProxyBackend): Task<RawResponse> {
  const [, namespace, resource, id, rest = '/'] = PROXY_PATH.exec(pathname)!;
  const target = splitSchemeNamePort(decodeURIComponent(id));
  const kind = resource === 'pods' ? 'pod' : 'service';
  if (!target) return failure(400, 'BadRequest', `invalid ${kind} request ${JSON.stringify(id)}`);
  const denied = yield* authorize(client, namespace, resource, target.name);
  if (denied) return denied;
  if (resource === 'pods') {
    const got = yield* wait(client.get<Pod>('pods', namespace, target.name));
    if (!got.ok) return { code: got.status.code ?? 500, body: JSON.stringify(got.status), status: got.status };
    return dial(backend, got.object, target.port === '' ? firstContainerPort(got.object) : Number(target.port), rest);
  }
  const svc = yield* wait(client.get<Service>('services', namespace, target.name));
  if (!svc.ok) return { code: svc.status.code ?? 500, body: JSON.stringify(svc.status), status: svc.status };
  const servicePort = (svc.object.spec?.ports ?? []).find((p) => target.port === '' || p.name === target.port || String(p.port) === target.port);
  const slices = yield* wait(client.list<EndpointSlice>('endpointslices', namespace, { labelSelector: `kubernetes.io/service-name=${target.name}` }));
  const ready: Array<{ podName: string; port: number }> = [];
  for (const slice of slices.ok ? slices.object.items : []) {
    const port = slice.ports?.find((p) => (p.name ?? '') === (servicePort?.name ?? ''))?.port;
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions?.ready !== false && endpoint.targetRef?.kind === 'Pod' && port !== undefined && port !== null) ready.push({ podName: endpoint.targetRef.name ?? '', port });
    }
  }
  if (!servicePort || ready.length === 0) return failure(503, 'ServiceUnavailable', `no endpoints available for service "${target.name}"`);
  const chosen = ready[backend.rng.int(ready.length)];
  const pod = yield* wait(client.get<Pod>('pods', namespace, chosen.podName));
  if (!pod.ok) return failure(503, 'ServiceUnavailable', `no endpoints available for service "${target.name}"`);
  return dial(backend, pod.object, chosen.port, rest);
}

function dial(backend: ProxyBackend, pod: Stored<Pod>, port: number, path: string): RawResponse {
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '';
  if (ip === '') return failure(400, 'BadRequest', 'address not allowed');
  const answer = backend.podHttp(pod, port, path);
  if (answer.ok) return { code: 200, body: answer.body };
  return failure(503, 'ServiceUnavailable', `error trying to reach service: dial tcp ${ip}:${port}: ${answer.error}`);
}

/** firstContainerPort: the first port any container declares, else 80 (http's default). */
function firstContainerPort(pod: Pod): number {
  for (const c of pod.spec?.containers ?? []) if (c.ports?.length) return c.ports[0].containerPort;
  return 80;
}

/** splitSchemeNamePort reads `name`, `name:port` or `scheme:name:port` (apimachinery util/net). */
function splitSchemeNamePort(id: string): { name: string; port: string } | undefined {
  const parts = id.split(':');
  if (parts.length > 3 || parts.some((p, i) => p === '' && i !== parts.length - 1)) return undefined;
  const [name, port] = parts.length === 3 ? [parts[1], parts[2]] : [parts[0], parts[1] ?? ''];
  if (parts.length === 3 && parts[0] !== 'http' && parts[0] !== 'https') return undefined;
  return name === '' ? undefined : { name, port };
}

function* authorize(client: ApiClient, namespace: string, resource: string, name: string): Task<RawResponse | undefined> {
  const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace, verb: 'get', group: '', resource, subresource: 'proxy', name } } };
  const result = yield* wait(client.create<typeof review & { status?: { allowed?: boolean } }>('selfsubjectaccessreviews', review as never));
  if (result.ok && result.object.status?.allowed) return undefined;
  const user = client.user.username;
  return failure(403, 'Forbidden', `${resource} "${name}" is forbidden: User "${user}" cannot get resource "${resource}/proxy" in API group "" in the namespace "${namespace}"`, { name, kind: resource });
}

function failure(code: number, reason: string, message: string, details?: Status['details']): RawResponse {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
  return { code, body: JSON.stringify(status), status };
}
