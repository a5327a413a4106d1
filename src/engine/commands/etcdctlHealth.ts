// `etcdctl endpoint health` (etcd 3.4 etcdctl/ctlv3/command/ep_command.go epHealthCommandFunc):
// one client per endpoint, all at once, each doing a linearizable Get of the key "health"; the
// endpoint is healthy when the Get returns before --command-timeout. A linearizable read needs the
// leader to confirm its lead with a heartbeat quorum (ReadIndex), so a running member of a cluster
// that lost quorum is unhealthy too, as measured on etcd 3.4.23 (testdata/quorum_lost_*).
import { retryWarnLine, type EndpointHealth, type EtcdctlGlobals } from '../etcdctl';
import { Future } from '../sim/future';
import { wait, type Task } from '../sim/task';
import type { EtcdMemberView, ShellEnv } from './shellEnv';

/** CLIENT_OVERHEAD_NS: the gRPC round trip on top of the server's read, as the measured 2–4 ms show. */
const CLIENT_OVERHEAD_NS = 800_000;
/** RETRY_BACKOFF_MS: clientv3's retry interceptor waits 25 ms before repeating a failed read. */
const RETRY_BACKOFF_MS = 25;

/** endpointHealth probes the asked members at once and lists the answers in the order they came back. */
export function* endpointHealth(env: ShellEnv, globals: EtcdctlGlobals, members: EtcdMemberView[]): Task<EndpointHealth[]> {
  const timeoutMs = Math.max(1, Math.round(globals.commandTimeoutNs / 1e6));
  const probes = members.map((member, index) => ({ index, future: probe(env, member, timeoutMs) }));
  const results: Array<{ index: number; health: EndpointHealth }> = [];
  for (const { index, future } of probes) results.push({ index, health: yield* wait(future) });
  // Completion order; probes that finish together keep the members' order.
  results.sort((a, b) => a.health.tookNs - b.health.tookNs || a.index - b.index);
  return results.map((r) => r.health);
}

/**
 * probe is one endpoint's Get: a stopped member never connects and the balancer reports it at the
 * deadline; a running one waits for a linearizable read, retrying the errors clientv3 retries
 * (leader changed, transport closing) until the deadline.
 */
function probe(env: ShellEnv, member: EtcdMemberView, timeoutMs: number): Future<EndpointHealth> {
  const future = new Future<EndpointHealth>();
  const startMs = env.sim.nowMs;
  const control = env.etcdControl;
  let done = false;
  const finish = (health: EndpointHealth): void => {
    if (done) return;
    done = true;
    env.sim.cancel(deadline);
    future.resolve(health);
  };
  const deadline = env.sim.after(timeoutMs, () => {
    const error = member.running ? 'rpc error: code = DeadlineExceeded desc = context deadline exceeded' : undefined;
    const warn = retryWarnLine({ nowMs: env.sim.nowMs, endpoint: member.clientURL, rpc: 'balanced', error, epochMs: env.epochMs });
    finish({ endpoint: member.clientURL, health: false, tookNs: timeoutMs * 1e6 + CLIENT_OVERHEAD_NS, error: 'context deadline exceeded', clientLog: [warn] });
  });
  if (!member.running || !control?.linearizableRead) {
    if (member.running) finish({ endpoint: member.clientURL, health: true, tookNs: CLIENT_OVERHEAD_NS });
    return future;
  }
  const attempt = (): void => {
    control.linearizableRead!(member.name).then((error) => {
      if (done) return;
      if (error) env.sim.after(RETRY_BACKOFF_MS, attempt);
      else finish({ endpoint: member.clientURL, health: true, tookNs: (env.sim.nowMs - startMs) * 1e6 + CLIENT_OVERHEAD_NS });
    });
  };
  attempt();
  return future;
}
