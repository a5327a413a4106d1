// Mirrors k8s.io/apiserver pkg/server/healthz (v1.32): /healthz, /livez and /readyz with their
// named checks, as a kubeadm control plane's kube-apiserver registers them. Non-verbose success
// is the body `ok`; ?verbose (or any failure) lists every check; /readyz/<check> asks one.

/** The post-start hooks a v1.32 kube-apiserver (with the aggregator kubeadm configures) runs. */
const POST_START_HOOKS = [
  'start-apiserver-admission-initializer', 'generic-apiserver-start-informers', 'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter', 'storage-object-count-tracker-hook', 'start-apiextensions-informers',
  'start-apiextensions-controllers', 'crd-informer-synced', 'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller', 'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector', 'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers', 'rbac/bootstrap-roles', 'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer', 'bootstrap-controller', 'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers', 'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller', 'apiservice-registration-controller', 'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((hook) => `poststarthook/${hook}`);

const AFTER_AUTOREGISTER = ['poststarthook/apiservice-openapi-controller', 'poststarthook/apiservice-openapiv3-controller'];

export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

/** checksOf lists an endpoint's checks in registration order. */
export function checksOf(endpoint: HealthEndpoint): string[] {
  const head = endpoint === 'readyz' ? ['ping', 'log', 'etcd', 'etcd-readiness', 'informer-sync'] : ['ping', 'log', 'etcd'];
  return [...head, ...POST_START_HOOKS, 'autoregister-completion', ...AFTER_AUTOREGISTER, ...(endpoint === 'healthz' ? [] : ['shutdown'])];
}

/** HealthResponse is the HTTP answer: 200 or 500 (404 for an unknown check), and the text body. */
export interface HealthResponse {
  code: 200 | 404 | 500;
  body: string;
}

/**
 * serveHealth answers `/<endpoint>[/<check>][?verbose][&exclude=<check>]`. `etcdHealthy` is whether
 * etcd has a leader (the etcd checks fail without quorum); failed checks print "reason withheld",
 * as an unauthenticated caller sees them.
 */
export function serveHealth(endpoint: HealthEndpoint, subpath: string, query: URLSearchParams, etcdHealthy: boolean): HealthResponse {
  const failing = (check: string) => !etcdHealthy && (check === 'etcd' || check === 'etcd-readiness');
  const checks = checksOf(endpoint);
  if (subpath) {
    if (!checks.includes(subpath)) return { code: 404, body: '404 page not found\n' };
    return failing(subpath) ? { code: 500, body: 'internal server error: etcd client connection not yet established\n' } : { code: 200, body: 'ok' };
  }
  const excluded = new Set(query.getAll('exclude'));
  const lines: string[] = [];
  let failed = false;
  for (const check of checks) {
    if (excluded.has(check)) {
      lines.push(`[+]${check} excluded: ok`);
      continue;
    }
    if (failing(check)) {
      failed = true;
      lines.push(`[-]${check} failed: reason withheld`);
    } else lines.push(`[+]${check} ok`);
  }
  if (!failed && !query.has('verbose')) return { code: 200, body: 'ok' };
  return { code: failed ? 500 : 200, body: `${lines.join('\n')}\n${endpoint} check ${failed ? 'failed' : 'passed'}\n` };
}
