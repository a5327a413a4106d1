import { tokenize } from '../kubectl/args/tokenize';
import type { Task } from '../sim/task';
import { CommandProcess, type CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

/** A program the simulated shell can run: `kubectl`, `etcdctl`, `sim`. */
export type Program = (env: ShellEnv, argv: string[], io: CommandIO) => Task<number>;

/**
 * runCommandLine is the simulated terminal: it splits the line like a POSIX shell, finds the
 * program and runs it as a sim task. An unknown program answers as bash does (exit 127).
 *
 * @example
 * const proc = runCommandLine(env, 'kubectl get pods');
 * proc.done.then(({ exit, stdout }) => ...);
 */
export function runCommandLine(env: ShellEnv, programs: Record<string, Program>, line: string, stdin = ''): CommandProcess {
  const proc = new CommandProcess(stdin);
  const words = tokenize(line);
  if (words.error !== undefined) return proc.start(fail(proc, `bash: syntax error: ${words.error}\n`, 2));
  const argv = words.argv;
  if (argv.length === 0) return proc.start(fail(proc, '', 0));
  const program = programs[argv[0]];
  if (!program) return proc.start(fail(proc, `bash: ${argv[0]}: command not found\n`, 127));
  return proc.start(program(env, argv.slice(1), proc));
}

function* fail(io: CommandIO, message: string, exit: number): Task<number> {
  if (message) io.err(message);
  return exit;
}
