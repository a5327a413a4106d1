// curl from a machine to an address on the cluster network: a Service's cluster IP (this
// machine's kube-proxy rules DNAT it to a pod), another node's IP (its rules handle a NodePort),
// or a pod IP (the flat pod network). The pod that answers is whichever container listens on
// the port; kube-proxy's REJECT for a Service without endpoints and a port nobody listens on
// are refused at once; an address nothing answers for times out as TCP's SYN retries do.
import { CLUSTER_CIDR, kubeProxyOn } from '../proxy/kubeProxy';
import { connectVerdict } from '../proxy/curl';
import { cidrContains } from '../proxy/iptables/syncProxyRules';
import { wait, type Task } from '../sim/task';
import type { ShellEnv } from './shellEnv';

/** SYN_TIMEOUT_MS: Linux gives up a connect after 6 SYN retries (tcp_syn_retries), about 130 s. */
const SYN_TIMEOUT_MS = 130_000;

export type NetworkAnswer = { body: string } | { exit: number; error: string };

/**
 * networkGet is one HTTP GET from machine `from` to ip:port. `host` is what was typed (curl's
 * messages name it); `timeoutMs` is --connect-timeout / -m when given.
 */
export function* networkGet(env: ShellEnv, from: string, host: string, ip: string, port: number, scheme: 'http' | 'https', timeoutMs: number | undefined): Task<NetworkAnswer> {
  const refused: NetworkAnswer = { exit: 7, error: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n` };
  const fromIP = env.nodeAgent(from)?.hostIP ?? '';
  const node = env.nodeNames().find((n) => n !== from && env.nodeAgent(n)?.hostIP === ip);
  // A connection to another node meets that node's rules (PREROUTING: NodePorts); anything else this machine's (OUTPUT).
  const proxy = kubeProxyOn(env.component, node ?? from);
  const verdict = proxy ? connectVerdict(proxy, ip, port, node ? fromIP : undefined) : ({ kind: 'none' } as const);
  if (verdict.kind === 'reject' || (node && verdict.kind !== 'dnat')) return refused;
  if (verdict.kind === 'drop') return yield* timedOut(env, host, port, timeoutMs);
  const [podIP, podPort] = verdict.kind === 'dnat' ? [verdict.to.split(':')[0], Number(verdict.to.split(':')[1])] : [ip, port];
  if (!cidrContains(CLUSTER_CIDR, podIP)) return yield* timedOut(env, host, port, timeoutMs);
  const pod = podWithIP(env, podIP);
  if (!pod) return yield* timedOut(env, host, port, timeoutMs);
  const body = env.nodeAgent(pod.node)?.podHttp?.(pod.namespace, pod.name, podPort);
  if (body === undefined) return refused;
  if (scheme === 'https') return { exit: 35, error: 'curl: (35) OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number\n' };
  return { body };
}

/** podWithIP finds the pod whose sandbox has `ip`, on whichever node runs it. */
function podWithIP(env: ShellEnv, ip: string): { node: string; namespace: string; name: string } | undefined {
  for (const node of env.nodeNames()) {
    const sandbox = env.nodeAgent(node)?.runtime?.listSandboxes().find((s) => s.ip === ip && s.state === 'SANDBOX_READY');
    if (sandbox) return { node, namespace: sandbox.namespace, name: sandbox.name };
  }
  return undefined;
}

function* timedOut(env: ShellEnv, host: string, port: number, timeoutMs: number | undefined): Task<NetworkAnswer> {
  const waited = Math.min(timeoutMs ?? SYN_TIMEOUT_MS, SYN_TIMEOUT_MS);
  yield* wait(env.sim.sleep(waited));
  return { exit: 28, error: `curl: (28) Failed to connect to ${host} port ${port} after ${waited} ms: Timeout was reached\n` };
}
