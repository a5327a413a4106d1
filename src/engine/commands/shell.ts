import type { Task } from '../sim/task';
import { runLine } from './bash/interpreter';
import { ShellSession } from './bash/session';
import { CommandProcess, type CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

/** A program the simulated shell can run: `kubectl`, `etcdctl`, `sim`. */
export type Program = (env: ShellEnv, argv: string[], io: CommandIO) => Task<number>;

/**
 * runCommandLine is the simulated terminal: bash on the control-plane machine (see bash/). The
 * line runs as a sim task; its variables, files and background jobs stay in the environment's
 * shell session for the next line. An unknown program answers as bash does (exit 127).
 *
 * @example
 * const proc = runCommandLine(env, PROGRAMS, 'export POD=$(kubectl get pods -o name | head -1)');
 * proc.done.then(({ exit, stdout }) => ...);
 */
export function runCommandLine(env: ShellEnv, programs: Record<string, Program>, line: string, stdin = ''): CommandProcess {
  const proc = new CommandProcess(stdin);
  const session = (env.shell ??= new ShellSession('control-plane'));
  return proc.start(runLine({ env, programs, session, io: proc }, line));
}
