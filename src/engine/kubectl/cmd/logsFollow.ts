// `kubectl logs -f`: after the lines so far, the stream stays open and every new line the
// container writes follows, until the container stops or Ctrl-C. The kubelet's log stream is
// polled once a second of sim time (a container's lines carry their own times, so none is lost).
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import type { KubectlContext } from './context';

/** Followed is one open stream: the container and how many of its lines were printed. */
export interface Followed {
  pod: Stored<Pod>;
  container: string;
  /** containerId: the container instance the stream is attached to (a restart is a new stream). */
  containerId: string | undefined;
  seen: number;
}

const POLL_MS = 1000;

/** lineCount: the lines in a log text as the kubelet returns it (each ends with a newline). */
export function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** fullLog is the container's whole current log (what a stream would have carried so far). */
export function fullLog(ctx: KubectlContext, pod: Stored<Pod>, container: string, timestamps: boolean, containerId?: string): string | undefined {
  const agent = pod.spec?.nodeName ? ctx.env.nodeAgent(pod.spec.nodeName) : undefined;
  const text = agent?.getContainerLogs?.(pod.metadata.namespace ?? 'default', pod.metadata.name, container, { timestamps, ...(containerId ? { containerId } : {}) });
  return typeof text === 'string' ? text : undefined;
}

/** currentContainerId: the newest instance of the pod's container on its node. */
export function currentContainerId(ctx: KubectlContext, pod: Stored<Pod>, container: string): string | undefined {
  const agent = pod.spec?.nodeName ? ctx.env.nodeAgent(pod.spec.nodeName) : undefined;
  const records = agent?.runtime?.podContainers(pod.metadata.uid ?? '').filter((c) => c.name === container) ?? [];
  return records.sort((a, b) => (b.createdAtMs ?? 0) - (a.createdAtMs ?? 0))[0]?.id;
}

/** followLogs prints what the streams add until every container has stopped or the command is interrupted. */
export function* followLogs(ctx: KubectlContext, streams: Followed[], timestamps: boolean): Task<number> {
  let open = streams.filter((s) => running(ctx, s));
  while (open.length > 0 && !ctx.io.interrupted) {
    yield* wait(ctx.env.sim.sleep(POLL_MS));
    if (ctx.io.interrupted) break;
    for (const stream of open) {
      const text = fullLog(ctx, stream.pod, stream.container, timestamps, stream.containerId);
      if (text === undefined) continue;
      const lines = text.split('\n').slice(0, -1);
      // A log over the kubelet's window drops its oldest lines; keep printing from the newest.
      if (lines.length < stream.seen) stream.seen = lines.length;
      if (lines.length > stream.seen) ctx.io.out(`${lines.slice(stream.seen).join('\n')}\n`);
      stream.seen = lines.length;
    }
    open = open.filter((s) => running(ctx, s));
  }
  return 0;
}

/** running: the followed container still runs (its stream ends when it exits). */
function running(ctx: KubectlContext, stream: Followed): boolean {
  const agent = stream.pod.spec?.nodeName ? ctx.env.nodeAgent(stream.pod.spec.nodeName) : undefined;
  return stream.containerId !== undefined && agent?.runtime?.container(stream.containerId)?.state === 'CONTAINER_RUNNING';
}
