// `curl URL` in the terminal, which runs on the (first) control-plane machine or, after `ssh`, on
// another node: Services, NodePorts and pods over the cluster network (curlNetwork.ts), and the
// machine's own HTTP endpoints as a kubeadm node serves them. kube-apiserver :6443 (anonymous requests may
// read /healthz, /livez, /readyz and /version; anything else is Forbidden, pretty-printed because
// the user agent is curl), kubelet :10248/healthz, kube-scheduler :10259 and
// kube-controller-manager :10257 health (HTTPS), etcd :2381/health (--listen-metrics-urls).
import type { Status } from 'kubernetes-types/meta/v1';
import { APISERVER_ADDRESS } from '../apiserver/bootstrap';
import { forbiddenPath } from '../apiserver/errors';
import { isProxyPath } from '../apiserver/healthz/proxyRequest';
import { etcdHasLeader, rawGet, type RawResponse } from '../apiserver/healthz/rawRequest';
import { VERSION_INFO } from '../kubectl/cmd/discovery';
import type { Task } from '../sim/task';
import type { CommandIO } from './process';
import { networkGet } from './curlNetwork';
import type { ShellEnv } from './shellEnv';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const ANONYMOUS = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
/** Paths system:public-info-viewer grants to everyone, authenticated or not. */
const PUBLIC_PATHS = /^\/(healthz|livez|readyz|version)(\/.*)?$/;

const SSL_ERROR = `curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`;

interface Request {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  insecure: boolean;
  /** timeoutMs: --connect-timeout or -m/--max-time, in ms. */
  timeoutMs?: number;
}

export function* curl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const request = parseArgs(argv);
  if (typeof request === 'string') {
    io.err(request);
    return 2;
  }
  const here = env.shell?.hostname;
  const isLocal = LOCAL_HOSTS.has(request.host) || request.host === here;
  if (!isLocal && !(request.port === 6443 && (request.host === APISERVER_ADDRESS || env.machine?.(request.host)?.controlPlane))) {
    // Off the machine: a Service, a NodePort on a node, or a pod, over the cluster network.
    const ip = IPV4.test(request.host) ? request.host : env.nodeAgent(request.host)?.hostIP;
    if (!ip) {
      io.err(`curl: (6) Could not resolve host: ${request.host}\n`);
      return 6;
    }
    const answer = yield* networkGet(env, here ?? '', request.host, ip, request.port, request.scheme, request.timeoutMs);
    if ('error' in answer) {
      io.err(answer.error);
      return answer.exit;
    }
    io.out(answer.body);
    return 0;
  }
  const local = env.shell?.servers.get(request.port);
  if (local && request.host !== APISERVER_ADDRESS) {
    if (request.scheme === 'https') {
      io.err(`curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number\n`);
      return 35;
    }
    const response = yield* local(request.path);
    if ('reset' in response) {
      io.err('curl: (52) Empty reply from server\n');
      return 52;
    }
    io.out(response.raw ? response.body : curlBody(request.path, response));
    return 0;
  }
  const tls = request.port === 6443 || request.port === 10259 || request.port === 10257;
  const known = tls || request.port === 10248 || request.port === 2381;
  if (!known || (isLocal && !listening(env, here, request.port))) {
    io.err(`curl: (7) Failed to connect to ${request.host} port ${request.port} after 0 ms: Couldn't connect to server\n`);
    return 7;
  }
  if (tls && request.scheme === 'http') {
    io.out('Client sent an HTTP request to an HTTPS server.\n');
    return 0;
  }
  if (!tls && request.scheme === 'https') {
    io.err(`curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number\n`);
    return 35;
  }
  if (tls && !request.insecure) {
    io.err(SSL_ERROR);
    return 60;
  }
  const etcdHealthy = etcdHasLeader(env.etcdMembers());
  const [pathname] = request.path.split('?');
  switch (request.port) {
    case 6443: {
      const response = yield* rawGet(env.client.as(ANONYMOUS, 'curl'), request.path, etcdHealthy, VERSION_INFO);
      // Authorization runs before routing: an anonymous caller is Forbidden everywhere else
      // (unless RBAC grants system:anonymous more).
      const answered = PUBLIC_PATHS.test(pathname) || response.code === 200;
      io.out(curlBody(request.path, answered ? response : { ...response, status: response.status ?? forbiddenPath(ANONYMOUS.username, pathname) }));
      return 0;
    }
    case 2381: {
      if (pathname === '/metrics') {
        const page = localEtcdMetrics(env, here);
        if (page === undefined) {
          io.err(`curl: (7) Failed to connect to ${request.host} port ${request.port} after 0 ms: Couldn't connect to server\n`);
          return 7;
        }
        io.out(page);
        return 0;
      }
      io.out(pathname === '/health' ? (etcdHealthy ? '{"health":"true","reason":""}' : '{"health":"false","reason":"RAFT NO LEADER"}') : '404 page not found\n');
      return 0;
    }
    default:
      // kubelet /healthz; the scheduler and controller manager allow /healthz, /livez, /readyz without authentication.
      io.out(/^\/(healthz|livez|readyz)$/.test(pathname) || (request.port === 10248 && pathname === '/healthz') ? 'ok' : '404 page not found\n');
      return 0;
  }
}

/**
 * localEtcdMetrics is the /metrics page of the etcd member on this machine (the one listening on
 * its address; the first member where no node names one); undefined when that member is down.
 */
function localEtcdMetrics(env: ShellEnv, here: string | undefined): string | undefined {
  const hostIP = here ? env.nodeAgent(here)?.hostIP : undefined;
  const members = env.etcdMembers();
  const local = members.find((m) => hostIP !== undefined && m.clientURL.includes(`//${hostIP}:`)) ?? members[0];
  return local ? env.etcdControl?.metricsPage?.(local.name) : undefined;
}

/**
 * listening: a port on this machine has its server. kubeadm binds the kubelet's healthz, the
 * scheduler's, the controller manager's and etcd's metrics ports to 127.0.0.1, and only a
 * control-plane node runs those and the apiserver; a stopped kubelet refuses the connection.
 */
function listening(env: ShellEnv, host: string | undefined, port: number): boolean {
  const machine = host ? env.machine?.(host) : undefined;
  if (port === 10248) return !host || (env.nodeAgent(host)?.running ?? true);
  if (!(machine?.controlPlane ?? true)) return false;
  const component = port === 10259 ? 'kube-scheduler' : port === 10257 ? 'kube-controller-manager' : undefined;
  const process = component && env.controlPlane?.().find((p) => p.component === component && p.host === host);
  return process ? process.isRunning : true;
}

/**
 * curlBody is what curl prints of an apiserver response: API JSON pretty-printed (the apiserver
 * indents for curl's user agent), Status errors in struct order; health texts and bodies a pod
 * answered through a proxy subresource as they are.
 */
function curlBody(path: string, response: RawResponse): string {
  const [pathname] = path.split('?');
  if (response.status) return `${JSON.stringify(inStructOrder(response.status), null, 2)}\n`;
  if (response.code !== 200 || PUBLIC_PATHS.test(pathname) || isProxyPath(pathname) || !response.body.startsWith('{')) return response.body;
  return `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`;
}

/** inStructOrder lays out a Status in metav1.Status field order, as the apiserver encodes it. */
function inStructOrder(status: Status): Status {
  const { kind, apiVersion, metadata, status: outcome, message, reason, details, code } = status;
  return { kind, apiVersion, metadata, status: outcome, message, reason, details, code };
}

/** parseArgs reads curl's flags (-k/--insecure, --cacert; the rest are accepted and ignored) and the URL. */
function parseArgs(argv: string[]): Request | string {
  let insecure = false;
  let timeoutMs: number | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-k' || arg === '--insecure') insecure = true;
    else if (arg === '--cacert') {
      // The cluster CA verifies the apiserver's certificate as well as -k skips the check.
      insecure = insecure || argv[i + 1] === '/etc/kubernetes/pki/ca.crt';
      i++;
    } else if (['-m', '--max-time', '--connect-timeout'].includes(arg)) {
      const seconds = Number(argv[++i]);
      if (Number.isFinite(seconds) && seconds > 0) timeoutMs = Math.min(timeoutMs ?? Infinity, Math.round(seconds * 1000));
    } else if (['-H', '--header', '-X', '--request', '-o', '--output'].includes(arg)) i++;
    else if (arg.startsWith('-')) {
      if (/^-[a-zA-Z]+$/.test(arg) && arg.includes('k')) insecure = true;
    } else url ??= arg;
  }
  if (!url) return "curl: try 'curl --help' or 'curl --manual' for more information\n";
  const match = /^(?:(https?):\/\/)?([^/:?]+)(?::(\d+))?([/?].*)?$/.exec(url);
  if (!match) return `curl: (3) URL rejected: Malformed input to a URL function\n`;
  const scheme = (match[1] ?? 'http') as 'http' | 'https';
  const path = match[4] ?? '/';
  return { scheme, host: match[2], port: match[3] ? Number(match[3]) : scheme === 'https' ? 443 : 80, path: path.startsWith('?') ? `/${path}` : path, insecure, ...(timeoutMs ? { timeoutMs } : {}) };
}
