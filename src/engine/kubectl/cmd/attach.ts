// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go (v1.32): attach to the running
// process of a pod's container and stream what it writes from now on (without -i nothing is
// sent to it), until it exits or Ctrl-C. A completed pod cannot be attached to.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { fail, type KubectlContext } from './context';
import { currentContainerId, followLogs, fullLog, lineCount } from './logsFollow';
import { defaultContainer } from './podcmd';
import { fetchTargets } from './targets';

export function* attach(ctx: KubectlContext): Task<number> {
  const words = ctx.cmd.positionals;
  const target = words.length === 2 ? `${words[0]}/${words[1]}` : words[0].includes('/') ? words[0] : `pods/${words[0]}`;
  const targets = yield* fetchTargets(ctx, [target], { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const obj = targets.objects[0];
  if (obj.kind !== 'Pod') return fail(ctx, `cannot attach to ${obj.kind ?? 'object'}: only pods are simulated by k8sim`);
  const pod = obj as Stored<Pod>;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(ctx, `cannot attach a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  const name = stringFlag(ctx.cmd, 'container') || defaultContainer(pod, boolFlag(ctx.cmd, 'quiet') ? undefined : (text) => ctx.io.err(text));
  const container = containers.find((c) => c.name === name);
  if (!container) return fail(ctx, `container ${name} not found in pod ${pod.metadata.name}`);
  if (boolFlag(ctx.cmd, 'tty') && !boolFlag(ctx.cmd, 'quiet')) {
    if (!container.tty) ctx.io.err(`Unable to use a TTY - container ${name} did not allocate one\n`);
    else ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
  }
  const all = fullLog(ctx, pod, name, false);
  const stream = { pod, container: name, containerId: currentContainerId(ctx, pod, name), seen: all === undefined ? 0 : lineCount(all) };
  return yield* followLogs(ctx, [stream], false);
}
