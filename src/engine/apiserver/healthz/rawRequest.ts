// A GET of a raw apiserver path, as `kubectl get --raw PATH` or `curl https://…:6443/PATH` sends
// it: the health endpoints, /version, and resource paths (/api/v1/…, /apis/GROUP/VERSION/…)
// answered as the JSON the apiserver writes. Used by the terminal, not by components.
import type { Status } from 'kubernetes-types/meta/v1';
import { canonicalize } from '../../api/fieldOrder';
import { findResource } from '../../api/resources';
import type { ApiClient } from '../../client/client';
import { wait, type Task } from '../../sim/task';
import { serveHealth, type HealthEndpoint } from './healthz';
import { isProxyPath, proxyGet, type ProxyBackend } from './proxyRequest';

export interface RawResponse {
  code: number;
  /** The body as the server wrote it (text or compact JSON, no trailing newline added). */
  body: string;
  /** The Status of an API error, when the body is one. */
  status?: Status;
}

/** etcdHasLeader: the apiserver's etcd health checks pass while a running member leads. */
export function etcdHasLeader(members: ReadonlyArray<{ running: boolean; isLeader: boolean }>): boolean {
  return members.some((m) => m.running && m.isLeader);
}

const NOT_FOUND: RawResponse = { code: 404, body: '404 page not found\n' };

/**
 * rawGet serves `path` (with its query) for `client`'s user. `etcdHealthy` feeds the etcd health
 * checks; `versionInfo` is what /version answers (pretty-printed, as the apiserver writes it);
 * `proxy` dials pods for the pods/services proxy subresources.
 */
export function* rawGet(client: ApiClient, path: string, etcdHealthy: boolean, versionInfo: object, proxy?: ProxyBackend): Task<RawResponse> {
  const [pathname, search = ''] = path.split('?', 2);
  const query = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean);
  const health = parts[0] as HealthEndpoint;
  if (health === 'healthz' || health === 'livez' || health === 'readyz') {
    if (parts.length > 2) return NOT_FOUND;
    return serveHealth(health, parts[1] ?? '', query, etcdHealthy);
  }
  if (pathname === '/version' || pathname === '/version/') return { code: 200, body: JSON.stringify(versionInfo, null, 2) };
  if (pathname === '/metrics') {
    const page = yield* wait(client.metrics());
    return page.ok ? { code: 200, body: page.object } : { code: page.status.code ?? 403, body: JSON.stringify(page.status), status: page.status };
  }
  if (isProxyPath(pathname)) return proxy ? yield* proxyGet(client, pathname, proxy) : NOT_FOUND;
  const target = parseResourcePath(parts);
  if (!target) return NOT_FOUND;
  const result = target.name
    ? yield* wait(client.get(target.resource, target.namespace, target.name))
    : yield* wait(client.list(target.resource, target.namespace, { labelSelector: query.get('labelSelector') ?? undefined, fieldSelector: query.get('fieldSelector') ?? undefined }));
  if (!result.ok) return { code: result.status.code ?? 500, body: JSON.stringify(result.status), status: result.status };
  const object = result.object as { kind?: string; apiVersion?: string; metadata?: unknown; items?: Array<Record<string, unknown>> };
  if (!object.items) return { code: 200, body: JSON.stringify(canonicalize(object)) };
  // A list's items carry no kind or apiVersion on the wire; fields are in Go struct order.
  const items = object.items.map((item) => {
    const { kind: _kind, apiVersion: _apiVersion, ...rest } = canonicalize(item);
    return rest;
  });
  return { code: 200, body: JSON.stringify({ kind: object.kind, apiVersion: object.apiVersion, metadata: object.metadata, items }) };
}

/** parseResourcePath reads /api/v1[/namespaces/NS]/RESOURCE[/NAME] and /apis/GROUP/VERSION/…. */
function parseResourcePath(parts: string[]): { resource: string; namespace?: string; name?: string } | undefined {
  let rest: string[];
  let group = '';
  if (parts[0] === 'api' && parts[1] === 'v1') rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name] = rest;
  const info = resource ? findResource(resource) : undefined;
  if (!info || info.group !== group || rest.length > 2) return undefined;
  if (namespace !== undefined && !info.namespaced) return undefined;
  return { resource, namespace, name };
}
