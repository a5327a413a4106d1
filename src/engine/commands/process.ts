import { Future } from '../sim/future';
import { spawn, type Task } from '../sim/task';

/** CommandResult is what a finished command leaves behind, as a terminal would show it. */
export interface CommandResult {
  exit: number;
  stdout: string;
  stderr: string;
}

/** CommandIO is a running command's terminal: output streams, stdin, and whether it was interrupted. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  readonly stdin: string;
  readonly interrupted: boolean;
  /** onInterrupt registers cleanup for Ctrl-C (stop a watch). */
  onInterrupt(cleanup: () => void): void;
  /** closed: the command line ended, so its terminal takes no more output. */
  readonly closed?: boolean;
  /** tty: stdout is the terminal itself, not a pipe or a file (ls prints columns then). */
  readonly tty?: boolean;
  /**
   * spawn starts a child process on this terminal and waits for it (kubectl edit's $EDITOR):
   * `argv` as exec(3) runs it (undefined when there is no such program), or a `bash -c` line.
   */
  spawn?(child: { argv: string[] } | { line: string }): Task<number | undefined>;
}

/** Exit code of a command stopped by Ctrl-C (128 + SIGINT), as a shell reports it. */
export const EXIT_INTERRUPTED = 130;

/**
 * CommandProcess runs one command line as a sim task. Output accumulates as the command writes
 * it (so a watching command's lines appear at the sim times they were printed); `interrupt()`
 * ends a command that waits forever (`kubectl get -w`, `rollout status` without a timeout) the
 * way Ctrl-C does, keeping what it printed so far.
 */
export class CommandProcess implements CommandIO {
  readonly done = new Future<CommandResult>();
  private stdoutText = '';
  private stderrText = '';
  private stopped = false;
  private readonly listeners: Array<(stream: 'stdout' | 'stderr', text: string) => void> = [];
  private readonly cleanups: Array<() => void> = [];

  constructor(readonly stdin: string) {}

  get interrupted(): boolean {
    return this.stopped;
  }

  get closed(): boolean {
    return this.done.isSettled;
  }

  out(text: string): void {
    if (this.done.isSettled) return;
    this.stdoutText += text;
    for (const listener of this.listeners) listener('stdout', text);
  }

  err(text: string): void {
    if (this.done.isSettled) return;
    this.stderrText += text;
    for (const listener of this.listeners) listener('stderr', text);
  }

  /** onOutput streams output as it is written (the app's console). */
  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.listeners.push(listener);
  }

  start(task: Task<number>): this {
    spawn(guard(task, this)).then((exit) => this.finish(exit));
    return this;
  }

  onInterrupt(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  interrupt(): void {
    if (this.done.isSettled) return;
    this.stopped = true;
    // Settle first: a cleanup may resume the command's task, which must not report its own exit.
    this.finish(EXIT_INTERRUPTED);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private finish(exit: number): void {
    this.done.resolve({ exit, stdout: this.stdoutText, stderr: this.stderrText });
  }
}

/**
 * guard turns an exception inside a command into an error message and exit 1: a bug in one
 * command must never take the engine down (the property test feeds it random command lines).
 */
function* guard(task: Task<number>, io: CommandIO): Task<number> {
  try {
    return yield* task;
  } catch (error) {
    io.err(`error: internal error in k8sim: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
