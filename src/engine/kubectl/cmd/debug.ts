// Mirrors kubectl pkg/cmd/debug (v1.32), ephemeral-container mode: `kubectl debug POD
// --image=IMAGE [-it] [-c NAME] [--target=C] [--profile=P] [-- COMMAND]` adds an ephemeral
// container through the pods/ephemeralcontainers subresource; with -i it waits for the container
// and attaches (the step's stdin is the session). --copy-to and node debugging are not simulated.
import type { EphemeralContainer, Pod, SecurityContext } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, listFlag, numberFlag, stringFlag } from '../args/commandSpec';
import { fail, failStatus, type KubectlContext } from './context';
import { fetchTargets } from './targets';
import { network, podsByName } from './exec';
import { waitFor } from './waitFor';

const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];
/** utilrand's alphabet (no vowels, no confusable digits): debugger-xxxxx suffixes. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** profileSecurityContext is what each --profile sets on the debug container (debug/profiles.go). */
function profileSecurityContext(profile: string): SecurityContext | undefined {
  switch (profile) {
    case 'general': return { capabilities: { add: ['SYS_PTRACE'] } };
    case 'restricted': return { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
    case 'netadmin': return { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } };
    case 'sysadmin': return { privileged: true };
    default: return undefined;
  }
}

export function* debug(ctx: KubectlContext): Task<number> {
  const { cmd, io } = ctx;
  const image = stringFlag(cmd, 'image');
  const dash = cmd.argsLenAtDash;
  const names = dash < 0 ? cmd.args : cmd.args.slice(0, dash);
  const command = dash < 0 ? [] : cmd.args.slice(dash);
  const stdin = boolFlag(cmd, 'stdin');
  const tty = boolFlag(cmd, 'tty');
  const quiet = boolFlag(cmd, 'quiet');
  if (!image && !stringFlag(cmd, 'copy-to')) return fail(ctx, 'you must specify --image when not using --copy-to.');
  if (names.length === 0) return fail(ctx, 'NAME or filename is required for debug');
  if (tty && !stdin) return fail(ctx, '-i/--stdin is required for containers with -t/--tty=true');
  const profile = stringFlag(cmd, 'profile');
  if (!PROFILES.includes(profile)) return fail(ctx, `unknown profile: ${profile}`);
  if (profile === 'legacy' && !quiet) io.err('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n');
  if (stringFlag(cmd, 'copy-to')) return fail(ctx, 'debugging a copy of the pod (--copy-to) is not simulated by k8sim yet');
  if (names.some((n) => /^(node|nodes|no)\//.test(n))) return fail(ctx, 'debugging nodes is not simulated by k8sim yet');

  const targets = yield* fetchTargets(ctx, names.map((n) => (n.includes('/') ? n : `pods/${n}`)), { allowSelector: false });
  if (!targets.ok) return targets.exit;
  let exit = 0;
  for (const target of targets.objects) {
    if (target.kind !== 'Pod') {
      exit = fail(ctx, `objects of type *v1.${target.kind} are not supported`);
      continue;
    }
    exit = Math.max(exit, yield* debugPod(ctx, target as Stored<Pod>, { image, command, stdin, tty, quiet, profile }));
  }
  return exit;
}

interface DebugRequest {
  image: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  profile: string;
}

function* debugPod(ctx: KubectlContext, pod: Stored<Pod>, r: DebugRequest): Task<number> {
  const { cmd, io } = ctx;
  const namespace = pod.metadata.namespace ?? 'default';
  let name = stringFlag(cmd, 'container');
  if (!name) {
    const taken = new Set([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name));
    do {
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += ALPHANUMS[ctx.env.rng.int(ALPHANUMS.length)];
      name = `debugger-${suffix}`;
    } while (taken.has(name));
    if (!r.quiet) io.out(`Defaulting debug container name to ${name}.\n`);
  }
  const env = listFlag(cmd, 'env').map((kv) => ({ name: kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), value: kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : '' }));
  const securityContext = profileSecurityContext(r.profile);
  const pullPolicy = stringFlag(cmd, 'image-pull-policy');
  const ec: EphemeralContainer = {
    name,
    image: r.image,
    ...(r.command.length > 0 ? (boolFlag(cmd, 'arguments-only') ? { args: r.command } : { command: r.command }) : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    ...(securityContext ? { securityContext } : {}),
    ...(r.stdin ? { stdin: true } : {}),
    terminationMessagePolicy: 'File',
    ...(r.tty ? { tty: true } : {}),
    ...(stringFlag(cmd, 'target') ? { targetContainerName: stringFlag(cmd, 'target') } : {}),
  };
  const patched = yield* wait(ctx.client.patch<Pod>('pods', namespace, pod.metadata.name, 'strategic', { spec: { ephemeralContainers: [ec] } }, { subresource: 'ephemeralcontainers' }));
  if (!patched.ok) return failStatus(ctx, patched.status);
  if (!r.stdin && !boolFlag(cmd, 'attach')) return 0;

  // handleAttachPod: wait for the container to run (or to have finished), then attach.
  const timeoutMs = numberFlag(cmd, 'pod-running-timeout') || 60_000;
  const state = (o: Stored<Pod> | undefined) => o?.status?.ephemeralContainerStatuses?.find((s) => s.name === name)?.state;
  const ready = yield* waitFor(ctx, 'pods', namespace, pod.metadata.name, (o) => Boolean(state(o as Stored<Pod>)?.running || state(o as Stored<Pod>)?.terminated), timeoutMs);
  if (!ready) return fail(ctx, 'timed out waiting for the condition');
  if (r.tty && !r.quiet) io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  const agent = pod.spec?.nodeName ? ctx.env.nodeAgent(pod.spec.nodeName) : undefined;
  const pods = yield* podsByName(ctx);
  const net = pod.spec?.nodeName ? network(ctx, pod.spec.nodeName, namespace, pods) : undefined;
  const session = agent?.execInContainer?.(namespace, pod.metadata.name, { container: name, argv: r.command.length > 0 ? r.command : ['sh'], stdin: io.stdin ?? '', network: net });
  if (!session) return fail(ctx, `unable to upgrade connection: container not found ("${name}")`);
  if ('error' in session) return fail(ctx, session.error);
  if (session.startError) return 0;
  if (session.durationMs > 0) yield* wait(ctx.env.sim.sleep(session.durationMs));
  io.out(session.stdout);
  if (session.stderr) io.err(session.stderr);
  return 0;
}
