// `kubectl proxy` (staging/src/k8s.io/kubectl/pkg/cmd/proxy/proxy.go and pkg/proxy/proxy_server.go):
// serves the apiserver on a local port with kubectl's credentials until Ctrl-C (or `kill %N` when
// run with `&`). Requests are filtered as the proxy filters them (--reject-paths forbids exec and
// attach by default; --api-prefix), then forwarded; `curl http://localhost:8001/...` reaches it.
import { etcdHasLeader, rawGet, type RawResponse } from '../../apiserver/healthz/rawRequest';
import { proxyBackend } from '../../commands/proxyBackend';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import { boolFlag, numberFlag, stringFlag } from '../args/commandSpec';
import type { KubectlContext } from './context';
import { VERSION_INFO } from './discovery';

/** HOST_PORTS are the control-plane machine's listening ports (apiserver, etcd, kubelet, kube-proxy, scheduler, controller manager). */
export const HOST_PORTS = new Set([2379, 2380, 2381, 6443, 10248, 10249, 10250, 10256, 10257, 10259]);

export function* proxy(ctx: KubectlContext): Task<number> {
  const session = ctx.env.shell;
  const address = stringFlag(ctx.cmd, 'address');
  const socket = stringFlag(ctx.cmd, 'unix-socket');
  let port = numberFlag(ctx.cmd, 'port');
  if (!session) {
    ctx.io.err('error: kubectl proxy needs the simulated terminal\n');
    return 1;
  }
  if (socket === '' && (HOST_PORTS.has(port) || session.servers.has(port))) {
    ctx.io.err(`error: listen tcp ${address}:${port}: bind: address already in use\n`);
    return 1;
  }
  // Port 0 asks the kernel for a free ephemeral port (net.ipv4.ip_local_port_range 32768–60999).
  while (port === 0 || session.servers.has(port)) port = 32768 + ctx.env.rng.int(60999 - 32768 + 1);
  const prefix = stringFlag(ctx.cmd, 'api-prefix').replace(/\/?$/, '/');
  const rejectPaths = boolFlag(ctx.cmd, 'disable-filter') ? [] : patterns(stringFlag(ctx.cmd, 'reject-paths'));
  const acceptPaths = patterns(stringFlag(ctx.cmd, 'accept-paths'));
  const client = ctx.client;
  const env = ctx.env;
  const backend = proxyBackend(env);
  session.servers.set(port, function* (path: string): Task<RawResponse> {
    const [pathname] = path.split('?');
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return { code: 404, body: '404 page not found\n' };
    const upstream = `/${path.slice(prefix.length)}`;
    const upstreamPath = upstream.split('?')[0];
    if (!acceptPaths.some((re) => re.test(upstreamPath)) || rejectPaths.some((re) => re.test(upstreamPath))) return { code: 403, body: 'Forbidden\n' };
    return yield* rawGet(client, upstream, etcdHasLeader(env.etcdMembers()), VERSION_INFO, backend);
  });
  ctx.io.out(`Starting to serve on ${socket !== '' ? socket : `${address === '0.0.0.0' ? '[::]' : address}:${port}`}\n`);
  const stopped = new Future<void>();
  ctx.io.onInterrupt(() => {
    session.servers.delete(port);
    stopped.resolve();
  });
  yield* wait(stopped);
  return 130;
}

/** patterns reads a comma-separated list of regular expressions (proxy_server.go MakeRegexpArray). */
function patterns(list: string): RegExp[] {
  return list === '' ? [] : list.split(',').map((p) => new RegExp(p));
}
