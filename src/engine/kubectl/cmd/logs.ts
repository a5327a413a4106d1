import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, numberFlag, stringFlag } from '../args/commandSpec';
import { fail, failStatus, type KubectlContext } from './context';
import { currentContainerId, followLogs, fullLog, lineCount, type Followed } from './logsFollow';
import { defaultContainer } from './podcmd';
import { fetchTargets } from './targets';

/**
 * logs mirrors pkg/cmd/logs: resolve POD, TYPE/NAME (a controller's first pod) or -l, default the
 * container (first one, with the `Defaulted container` notice), then ask the pod's kubelet
 * through the apiserver's pods/log proxy. -f keeps streaming until interrupted.
 */
export function* logs(ctx: KubectlContext): Task<number> {
  const words = ctx.cmd.positionals;
  const selector = stringFlag(ctx.cmd, 'selector');
  if (selector && words.length === 0) return yield* logsBySelector(ctx, selector);
  const podArg = words[0]?.includes('/') ? words[0] : words[0] ? `pods/${words[0]}` : '';
  const targets = yield* fetchTargets(ctx, podArg ? [podArg] : [], { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const target = targets.objects[0];
  let pod: Stored<Pod>;
  if (target.kind === 'Pod') pod = target as Stored<Pod>;
  else {
    const found = yield* podOf(ctx, target.spec as { selector?: { matchLabels?: Record<string, string> } }, target.metadata.namespace);
    if (!found) return fail(ctx, `error: timed out waiting for the condition`);
    pod = found;
  }
  const followed: Followed[] = [];
  const exit = yield* podLogs(ctx, pod, stringFlag(ctx.cmd, 'container') || words[1] || '', numberFlag(ctx.cmd, 'tail'), followed);
  return exit === 0 && followed.length > 0 ? yield* followLogs(ctx, followed, boolFlag(ctx.cmd, 'timestamps')) : exit;
}

/**
 * logsBySelector is `kubectl logs -l SELECTOR`: every matching pod in the namespace, one after
 * another, each showing its last 10 lines unless --tail says otherwise (logs.go selectorTail).
 */
function* logsBySelector(ctx: KubectlContext, selector: string): Task<number> {
  const listed = yield* wait(ctx.client.list<Pod>('pods', ctx.namespace, { labelSelector: selector }));
  if (!listed.ok) return failStatus(ctx, listed.status);
  const pods = listed.object.items;
  if (pods.length === 0) {
    ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const maxRequests = numberFlag(ctx.cmd, 'max-log-requests');
  if (boolFlag(ctx.cmd, 'follow') && pods.length > maxRequests) {
    return fail(ctx, `error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`);
  }
  const tail = numberFlag(ctx.cmd, 'tail');
  const followed: Followed[] = [];
  for (const pod of pods) {
    const exit = yield* podLogs(ctx, pod, stringFlag(ctx.cmd, 'container'), tail === -1 ? SELECTOR_TAIL : tail, followed);
    if (exit !== 0) return exit;
  }
  return followed.length > 0 ? yield* followLogs(ctx, followed, boolFlag(ctx.cmd, 'timestamps')) : 0;
}

/** SELECTOR_TAIL: with -l, kubectl logs shows the last 10 lines per container by default. */
const SELECTOR_TAIL = 10;

/** podLogs prints one container's log (the default container when none is named). */
function* podLogs(ctx: KubectlContext, pod: Stored<Pod>, named: string, tail: number, followed: Followed[]): Task<number> {
  const containers = pod.spec?.containers ?? [];
  const container = named || defaultContainer(pod, (text) => ctx.io.err(text));
  if (named && !containers.some((c) => c.name === container)) {
    return failStatus(ctx, badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`));
  }
  yield* wait(ctx.env.sim.sleep(2));
  const agent = pod.spec?.nodeName ? ctx.env.nodeAgent(pod.spec.nodeName) : undefined;
  const text = agent?.getContainerLogs?.(pod.metadata.namespace ?? 'default', pod.metadata.name, container, {
    previous: boolFlag(ctx.cmd, 'previous'),
    tail,
    timestamps: boolFlag(ctx.cmd, 'timestamps'),
  });
  if (text === undefined) return failStatus(ctx, badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`));
  if (typeof text !== 'string') return failStatus(ctx, badRequest(text.error));
  ctx.io.out(text);
  if (boolFlag(ctx.cmd, 'follow') && !boolFlag(ctx.cmd, 'previous')) {
    const all = fullLog(ctx, pod, container, boolFlag(ctx.cmd, 'timestamps'));
    followed.push({ pod, container, containerId: currentContainerId(ctx, pod, container), seen: all === undefined ? 0 : lineCount(all) });
  }
  return 0;
}

function* podOf(ctx: KubectlContext, spec: { selector?: { matchLabels?: Record<string, string> } }, namespace: string | undefined): Task<Stored<Pod> | undefined> {
  const selector = Object.entries(spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const listed = yield* wait(ctx.client.list<Pod>('pods', namespace, { labelSelector: selector }));
  if (!listed.ok || listed.object.items.length === 0) return undefined;
  const pods = listed.object.items;
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

function badRequest(message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}
