import type { Task } from '../../sim/task';
import type { CommandIO } from '../../commands/process';
import type { ShellEnv } from '../../commands/shellEnv';
import type { ParsedCommand } from '../args/commandSpec';
import { parseKubectl } from '../args/parseKubectl';
import { hasGenerator } from '../generate';
import { apply } from './apply';
import { attach } from './attach';
import { cp } from './cp';
import { authCanI } from './auth';
import { config } from './config';
import { newContext, type KubectlContext } from './context';
import { deleteCommand } from './delete';
import { apiResources, apiVersions, clusterInfo, version } from './discovery';
import { events } from './events';
import { debug } from './debug';
import { diff } from './diff';
import { exec } from './exec';
import { taint } from './taint';
import { wait } from './wait';
import { describe } from './describe';
import { edit } from './edit';
import { runGenerated } from './generated';
import { get } from './get';
import { logs } from './logs';
import { cordon, drain } from './node';
import { patch } from './patch';
import { portForward } from './portForward';
import { proxy } from './proxy';
import { rollout } from './rollout';
import { create } from './create';
import { replace } from './replace';
import { scale } from './scale';
import { top } from './top';

type Run = (ctx: KubectlContext) => Task<number>;

/** RUNS maps a command path (its first word, or two for rollout/top) to its Run. */
const RUNS: Record<string, Run> = {
  get,
  describe,
  edit,
  delete: deleteCommand,
  apply,
  diff,
  create,
  replace,
  scale,
  logs,
  cordon,
  uncordon: cordon,
  drain,
  rollout,
  top,
  auth: authCanI,
  config,
  version,
  'cluster-info': clusterInfo,
  'api-resources': apiResources,
  'api-versions': apiVersions,
  events,
  patch,
  proxy,
  'port-forward': portForward,
  exec,
  attach,
  cp,
  debug,
  taint,
  wait,
};

/**
 * kubectl is the simulated kubectl v1.32: parse the command line exactly as cobra/pflag would
 * (usage errors are kubectl's own text), then run the command against the simulated apiserver.
 *
 * @example
 * runCommandLine(env, PROGRAMS, 'kubectl create deployment web --image=nginx:1.25 --replicas=3');
 */
export function* kubectl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const parsed = parseKubectl(argv);
  if (parsed.kind === 'error') {
    if (parsed.stdout) io.out(parsed.stdout);
    if (parsed.stderr) io.err(parsed.stderr);
    return parsed.exitCode;
  }
  if (parsed.warnings) io.err(parsed.warnings);
  if (parsed.help) {
    io.out(helpText(parsed));
    return 0;
  }
  const ctx = newContext(env, io, parsed);
  if (ctx.configError && parsed.path[0] !== 'config') {
    io.err(`${ctx.configError}\n`);
    return 1;
  }
  if (hasGenerator(parsed.path)) return yield* runGenerated(ctx);
  const run = RUNS[parsed.path[0]];
  if (!run) {
    io.err(`error: "kubectl ${parsed.path.join(' ')}" is not simulated by k8sim yet\n`);
    return 1;
  }
  return yield* run(ctx);
}

function helpText(cmd: ParsedCommand): string {
  const path = ['kubectl', ...cmd.path].join(' ');
  return `Usage:\n  ${path} [options]\n\nSee https://kubernetes.io/docs/reference/kubectl/generated/${cmd.path.join('_') || 'kubectl'}/ for the full reference.\n`;
}
