// `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...` (staging/src/k8s.io/kubectl/pkg/cmd/portforward,
// v1.32): picks the pod (a Service, Deployment, ... resolves to one of its pods; a Service's port
// becomes its targetPort), refuses a pod that is not Running, then listens on localhost until
// Ctrl-C or `kill %N`. Each connection prints "Handling connection for PORT" and reaches the pod's
// port; nothing listening there is the kubelet's forwarding error and an empty reply for curl.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { proxyBackend } from '../../commands/proxyBackend';
import { formatTimestamp } from '../../registry/logs';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import { listFlag } from '../args/commandSpec';
import { fail, type KubectlContext } from './context';
import { firstPod } from './exec';
import { HOST_PORTS } from './proxy';
import { fetchTargets } from './targets';

interface Forward {
  local: number;
  remote: number;
}

export function* portForward(ctx: KubectlContext): Task<number> {
  const session = ctx.env.shell;
  if (!session) return fail(ctx, 'kubectl port-forward needs the simulated terminal');
  const [resource, ...portArgs] = ctx.cmd.args;
  const targets = yield* fetchTargets(ctx, [resource.includes('/') ? resource : `pods/${resource}`], { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const target = targets.objects[0];
  const pod = target.kind === 'Pod' ? (target as Stored<Pod>) : yield* firstPod(ctx, target.spec as { selector?: { matchLabels?: Record<string, string> } }, target.metadata.namespace);
  if (!pod) return fail(ctx, 'error: timed out waiting for the condition');
  const forwards: Forward[] = [];
  for (const spec of portArgs) {
    const parsed = parsePort(spec, target.kind === 'Service' ? (target as Stored<Service>) : undefined, pod);
    if (typeof parsed === 'string') return fail(ctx, parsed);
    forwards.push(parsed);
  }
  if (pod.status?.phase !== 'Running') return fail(ctx, `error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const addresses = listFlag(ctx.cmd, 'address').flatMap((a) => (a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a]));
  for (const f of forwards) {
    if (f.local === 0) while (f.local === 0 || session.servers.has(f.local)) f.local = 32768 + ctx.env.rng.int(60999 - 32768 + 1);
    if (session.servers.has(f.local) || HOST_PORTS.has(f.local)) {
      const errors = addresses.map((a) => `unable to create listener: Error listen tcp${a.startsWith('[') ? 6 : 4} ${a}:${f.local}: bind: address already in use`);
      ctx.io.out(`Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
      return fail(ctx, `error: unable to listen on any of the requested ports: [{${f.local} ${f.remote}}]`);
    }
  }
  const stopped = new Future<number>();
  const backend = proxyBackend(ctx.env);
  const namespace = pod.metadata.namespace ?? 'default';
  for (const f of forwards) {
    for (const a of addresses) ctx.io.out(`Forwarding from ${a}:${f.local} -> ${f.remote}\n`);
    session.servers.set(f.local, function* () {
      ctx.io.out(`Handling connection for ${f.local}\n`);
      const live = yield* wait(ctx.client.get<Pod>('pods', namespace, pod.metadata.name));
      if (!live.ok || live.object.metadata.uid !== pod.metadata.uid) {
        ctx.io.err('error: lost connection to pod\n');
        stopped.resolve(1);
        return { reset: true };
      }
      const answer = backend.podHttp(live.object, f.remote, '/');
      if (answer.ok) return { code: 200, body: answer.body, raw: true };
      const klog = formatTimestamp('klog', ctx.env.epochMs + ctx.env.sim.nowMs).replace(/^I/, 'E');
      ctx.io.err(`${klog}    2401 portforward.go:424] "Unhandled Error" err="an error occurred forwarding ${f.local} -> ${f.remote}: error forwarding port ${f.remote} to pod ${pod.metadata.name}, uid : failed to execute portforward in network namespace: failed to connect to localhost:${f.remote} inside namespace, IPv4: dial tcp4 127.0.0.1:${f.remote}: connect: connection refused IPv6 dial tcp6 [::1]:${f.remote}: connect: connection refused "\n`);
      return { reset: true };
    });
  }
  ctx.io.onInterrupt(() => stopped.resolve(130));
  const exit = yield* wait(stopped);
  for (const f of forwards) session.servers.delete(f.local);
  return exit;
}

/**
 * parsePort reads `REMOTE`, `LOCAL:REMOTE` or `:REMOTE` (a random local port). For a Service the
 * remote side names a service port and forwards to its targetPort; a named port of the pod is
 * looked up in its containers.
 */
function parsePort(spec: string, service: Stored<Service> | undefined, pod: Pod): Forward | string {
  const parts = spec.split(':');
  if (parts.length > 2) return `error: invalid port format '${spec}'`;
  const [localText, remoteText] = parts.length === 1 ? [parts[0], parts[0]] : parts;
  const local = localText === '' ? 0 : Number(localText);
  if (!/^\d*$/.test(localText) || local > 65535) return `error: Error parsing local port '${localText}': strconv.ParseUint: parsing ${JSON.stringify(localText)}: invalid syntax`;
  let remote: number | undefined;
  if (service) {
    const port = service.spec?.ports?.find((p) => String(p.port) === remoteText || p.name === remoteText);
    if (!port) return `error: Service ${service.metadata.name} does not have a service port ${remoteText}`;
    const targetPort = port.targetPort ?? port.port;
    remote = typeof targetPort === 'number' ? targetPort : namedPort(pod, targetPort);
    if (remote === undefined) return `error: Pod '${pod.metadata?.name}' does not have a named port '${targetPort}'`;
  } else remote = /^\d+$/.test(remoteText) ? Number(remoteText) : namedPort(pod, remoteText);
  if (remote === undefined) return `error: Pod '${pod.metadata?.name}' does not have a named port '${remoteText}'`;
  return { local: parts.length === 1 ? remote : local, remote };
}

function namedPort(pod: Pod, name: string): number | undefined {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  return undefined;
}
