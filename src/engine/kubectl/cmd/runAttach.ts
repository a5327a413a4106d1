// `kubectl run -i` / `--attach` (pkg/cmd/run: waitForPod, then attach, then --rm): instead of
// printing `pod/NAME created`, wait until the pod runs or finishes and show its process's output
// with the step's stdin as its input; --rm deletes the pod afterwards.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, numberFlag } from '../args/commandSpec';
import { fail, failStatus, type KubectlContext } from './context';
import { network, podsByName } from './exec';
import { waitFor } from './waitFor';

/** wantsAttach: run with -i or --attach (and not a dry run). */
export function wantsAttach(ctx: KubectlContext): boolean {
  return boolFlag(ctx.cmd, 'stdin') || boolFlag(ctx.cmd, 'attach');
}

export function* attachRun(ctx: KubectlContext, pod: Stored<Pod>): Task<number> {
  const { io, cmd } = ctx;
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name;
  const timeoutMs = numberFlag(cmd, 'pod-running-timeout') || 60_000;
  let latest: Stored<Pod> | undefined;
  const started = yield* waitFor(ctx, 'pods', namespace, name, (o) => {
    latest = o as Stored<Pod> | undefined;
    const phase = latest?.status?.phase;
    return phase === 'Running' || phase === 'Succeeded' || phase === 'Failed';
  }, timeoutMs);
  if (!started || !latest) return fail(ctx, 'timed out waiting for the condition');
  if (boolFlag(cmd, 'tty') && !boolFlag(cmd, 'quiet')) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const container = latest.spec?.containers[0];
  const argv = [...(container?.command ?? []), ...(container?.args ?? [])];
  const agent = latest.spec?.nodeName ? ctx.env.nodeAgent(latest.spec.nodeName) : undefined;
  const pods = yield* podsByName(ctx);
  const net = latest.spec?.nodeName ? network(ctx, latest.spec.nodeName, namespace, pods) : undefined;
  const session = container && agent?.execInContainer?.(namespace, name, { container: container.name, argv: argv.length > 0 ? argv : ['sh'], stdin: io.stdin ?? '', attach: true, network: net });
  let exit = 0;
  if (session && !('error' in session) && !session.startError) {
    if (session.durationMs > 0) yield* wait(ctx.env.sim.sleep(session.durationMs));
    io.out(session.stdout);
    if (session.stderr) io.err(session.stderr);
    exit = session.exitCode;
  }
  if (boolFlag(cmd, 'rm')) {
    const deleted = yield* wait(ctx.client.delete('pods', namespace, name));
    if (!deleted.ok) return failStatus(ctx, deleted.status);
    io.out(`pod "${name}" deleted${namespace === 'default' ? '' : ` from ${namespace} namespace`}\n`);
  }
  return exit;
}
