// Mirrors kubectl pkg/cmd/exec (v1.32): resolve POD or TYPE/NAME, refuse a completed pod, default
// the container, then POST pods/NAME/exec — authorized as `create pods/exec`, proxied by the
// apiserver to the pod's kubelet, which runs the command in the container. A non-zero exit ends
// with "command terminated with exit code N" and that exit code.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ExecResult, Network } from '../../runtime/exec/shell';
import { curl, parseCurlTarget } from '../../proxy/curl';
import { KUBE_DNS_IP, resolve } from '../../proxy/dns';
import { CLUSTER_CIDR, type KubeProxy } from '../../proxy/kubeProxy';
import { cidrContains } from '../../proxy/iptables/syncProxyRules';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { fail, failStatus, type KubectlContext } from './context';
import { defaultContainer } from './podcmd';
import { fetchTargets } from './targets';

export function* exec(ctx: KubectlContext): Task<number> {
  const { cmd, io } = ctx;
  const dash = cmd.argsLenAtDash;
  const resourceName = cmd.args.length > 0 && dash !== 0 ? cmd.args[0] : '';
  let command = dash > -1 ? cmd.args.slice(dash) : [];
  const quiet = boolFlag(cmd, 'quiet');
  if (dash < 0 && cmd.args.length > 1) {
    if (!quiet) io.err('kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n');
    command = cmd.args.slice(1);
  }
  if (!resourceName) return fail(ctx, 'pod, type/name or --filename must be specified');
  if (command.length === 0) return fail(ctx, 'you must specify at least one command for the container');

  const targets = yield* fetchTargets(ctx, [resourceName.includes('/') ? resourceName : `pods/${resourceName}`], { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const target = targets.objects[0];
  const pod = target.kind === 'Pod' ? (target as Stored<Pod>) : yield* firstPod(ctx, target.spec as { selector?: { matchLabels?: Record<string, string> } }, target.metadata.namespace);
  if (!pod) return fail(ctx, 'error: timed out waiting for the condition');
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(ctx, `cannot exec into a container in a completed pod; current phase is ${phase}`);

  const container = stringFlag(cmd, 'container') || defaultContainer(pod, quiet ? undefined : (text) => io.err(text));
  const stdin = boolFlag(cmd, 'stdin');
  if (stdin && boolFlag(cmd, 'tty') && !quiet) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');

  const result = yield* execute(ctx, pod, container, command, stdin ? (ctx.io.stdin ?? '') : '');
  if (typeof result === 'number') return result;
  io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  if (result.exitCode !== 0) {
    io.err(`command terminated with exit code ${result.exitCode}\n`);
    return result.exitCode;
  }
  return 0;
}

/**
 * execute is the exec request itself (pods/exec through the apiserver to the kubelet): authorized,
 * for a valid container of a scheduled pod; it answers the command's result, or kubectl's exit
 * status after printing why it could not run. `kubectl cp` runs its tar this way too.
 */
export function* execute(ctx: KubectlContext, pod: Stored<Pod>, container: string, argv: string[], stdin: string): Task<ExecResult | number> {
  const denied = yield* authorize(ctx, pod);
  if (denied !== undefined) return denied;
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
  if (!all.some((c) => c.name === container)) return failStatus(ctx, badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`));
  const nodeName = pod.spec?.nodeName;
  if (!nodeName) return failStatus(ctx, badRequest(`pod ${pod.metadata.name} does not have a host assigned`));

  yield* wait(ctx.env.sim.sleep(3));
  const agent = ctx.env.nodeAgent(nodeName);
  const pods = yield* podsByName(ctx);
  const result = agent?.execInContainer?.(pod.metadata.namespace ?? 'default', pod.metadata.name, {
    container,
    argv,
    stdin,
    network: network(ctx, nodeName, pod.metadata.namespace ?? 'default', pods),
  });
  if (!result) return fail(ctx, 'unable to upgrade connection: container not found');
  if ('error' in result) return fail(ctx, result.error);
  if (result.startError) {
    return fail(ctx, `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId(ctx)}": OCI runtime exec failed: exec failed: unable to start container process: ${result.startError}: unknown`);
  }
  if (result.durationMs > 0) yield* wait(ctx.env.sim.sleep(result.durationMs));
  return result;
}

/**
 * firstPod is polymorphichelpers.attachablePodForObject: the selected pods sorted by
 * sort.Reverse(ActivePods) — running and ready before the rest, fewer restarts, then the oldest.
 */
export function* firstPod(ctx: KubectlContext, spec: { selector?: { matchLabels?: Record<string, string> } }, namespace: string | undefined): Task<Stored<Pod> | undefined> {
  const selector = Object.entries(spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const listed = yield* wait(ctx.client.list<Pod>('pods', namespace, { labelSelector: selector }));
  if (!listed.ok) return undefined;
  const rank = (p: Pod) => [p.spec?.nodeName ? 0 : 1, p.status?.phase === 'Running' ? 0 : 1, p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1, (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0)];
  const sorted = [...listed.object.items].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
  });
  return sorted[0];
}

/** authorize asks the apiserver whether the caller may `create pods/exec` (the exec request's check). */
function* authorize(ctx: KubectlContext, pod: Stored<Pod>): Task<number | undefined> {
  const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: pod.metadata.namespace, verb: 'create', group: '', resource: 'pods', subresource: 'exec', name: pod.metadata.name } } };
  const result = yield* wait(ctx.client.create<typeof review & { status?: { allowed?: boolean } }>('selfsubjectaccessreviews', review as never));
  if (!result.ok) return failStatus(ctx, result.status);
  if (result.object.status?.allowed) return undefined;
  const user = ctx.client.user.username;
  const message = `pods "${pod.metadata.name}" is forbidden: User "${user}" cannot create resource "pods/exec" in API group "" in the namespace "${pod.metadata.namespace}"`;
  return failStatus(ctx, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', code: 403 });
}

/** podsByName lists the cluster's pods once, so wget can tell which server answered. */
export function* podsByName(ctx: KubectlContext): Task<Map<string, Stored<Pod>>> {
  const listed = yield* wait(ctx.env.client.list<Pod>('pods', undefined));
  return new Map(listed.ok ? listed.object.items.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p] as const) : []);
}

/** network: the pod's view of cluster DNS and Services, through its node's kube-proxy rules. */
export function network(ctx: KubectlContext, nodeName: string, namespace: string, pods: ReadonlyMap<string, Stored<Pod>>): Network | undefined {
  const proxy = ctx.env.component?.(`kube-proxy/${nodeName}`) as KubeProxy | undefined;
  if (!proxy?.hub) return undefined;
  return {
    nslookup(name, old) {
      const answer = resolve(proxy.hub.dnsData(), name, namespace);
      const a = answer.records.filter((r) => r.type === 'A');
      if (old) {
        const head = `Server:    ${KUBE_DNS_IP}\nAddress 1: ${KUBE_DNS_IP} kube-dns.kube-system.svc.cluster.local\n\n`;
        if (a.length === 0) return { stdout: `${head}nslookup: can't resolve '${name}'\n`, exitCode: 1 };
        return { stdout: `${head}Name:      ${name}\n${a.map((r, i) => `Address ${i + 1}: ${r.data} ${answer.qname.replace(/\.$/, '')}`).join('\n')}\n`, exitCode: 0 };
      }
      const head = `Server:\t\t${KUBE_DNS_IP}\nAddress:\t${KUBE_DNS_IP}:53\n\n`;
      if (a.length === 0) return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, exitCode: 1 };
      return { stdout: `${head}${a.map((r) => `Name:\t${answer.qname.replace(/\.$/, '')}\nAddress: ${r.data}\n`).join('')}\n`, exitCode: 0 };
    },
    get(url) {
      const target = parseCurlTarget(url);
      const result = curl(ctx.env.sim, proxy.hub.dnsData(), proxy, target, namespace);
      if (result.exit === 6) return { ok: false, error: `wget: bad address '${target.host}'` };
      const dnat = /^DNAT\s+(\S+) → (\S+)/m.exec(result.stdout);
      const ip = /^DNS\s.* IN A (\S+)/m.exec(result.stdout)?.[1] ?? target.host;
      const refused = { ok: false as const, error: `wget: can't connect to remote host (${ip}): Connection refused` };
      // A pod IP is reached directly on the flat pod network; a Service's through kube-proxy's DNAT.
      const [podIP, podPort] = dnat ? [dnat[2].split(':')[0], Number(dnat[2].split(':')[1])] : [ip, Number(target.port ?? 80)];
      if (!dnat && !(result.exit !== 0 && cidrContains(CLUSTER_CIDR, ip))) return refused;
      const server = [...pods.values()].find((p) => p.status?.podIP === podIP && p.spec?.nodeName);
      const body = server ? ctx.env.nodeAgent(server.spec!.nodeName!)?.podHttp?.(server.metadata.namespace ?? 'default', server.metadata.name, podPort) : undefined;
      if (body === undefined) return refused;
      return { ok: true, body, host: target.host, address: dnat?.[1] ?? `${podIP}:${podPort}` };
    },
  };
}


function execId(ctx: KubectlContext): string {
  let id = '';
  for (let i = 0; i < 64; i++) id += '0123456789abcdef'[ctx.env.rng.int(16)];
  return id;
}

function badRequest(message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}
