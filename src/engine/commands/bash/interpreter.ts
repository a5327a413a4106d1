// Runs a parsed line as bash would: and-or chains with short-circuits, background jobs,
// pipelines whose text utilities stream (so `kubectl get pods -w | grep web` prints as the watch
// does) while a program after a pipe gets the whole output as its stdin, redirections, variables
// and command substitution. Programs (kubectl, etcdctl, curl, sim) are sim tasks.
import { wait, type Task } from '../../sim/task';
import type { CommandIO } from '../process';
import type { Program } from '../shell';
import type { ShellEnv } from '../shellEnv';
import { BUILTINS } from './builtins';
import { expandAlias } from './alias';
import { SHELL_BUILTINS } from './builtinNames';
import { ExpansionError, expandString, expandWords, type ExpandContext } from './expand';
import { expandGlob } from './glob';
import { historyExpand } from './historyExpand';
import { reportJobs, startJob } from './jobs';
import { openRedirects, type Fds, type Sink } from './redirects';
import { parseScript, SyntaxError } from './parse';
import type { ShellSession } from './session';
import { isCompound, type AndOr, type CompoundCommand, type Pipeline, type Script, type SimpleCommand } from './syntax';
import type { Filter, FilterIO } from './utils/filter';
import { UTILITIES } from './utils';

/** Shell is what a running line sees: the programs, the session state and its terminal. */
export interface Shell {
  env: ShellEnv;
  programs: Record<string, Program>;
  session: ShellSession;
  io: CommandIO;
  /**
   * input: a compound command's standard input, read line by line by `read` across the loop's
   * iterations (`kubectl get pods -o name | while read p; do …; done`).
   */
  input?: { text: string; pos: number };
}

/**
 * runLine parses and runs one terminal line, reporting finished jobs as bash does before its
 * prompt. A line typed at the prompt (`interactive`) first gets history expansion; one that ssh
 * runs on another machine (`bash -c`) does not, and leaves no history there.
 */
export function* runLine(shell: Shell, typed: string, interactive = true): Task<number> {
  shell.session.foreground = shell.io;
  let line = typed;
  if (interactive) {
    const expansion = historyExpand(typed, shell.session.history);
    // A failed expansion runs nothing, adds nothing to the history and leaves $? as it was.
    if ('error' in expansion) {
      shell.io.err(`${expansion.error}\n`);
      return shell.session.lastExit;
    }
    if (expansion.expanded) {
      line = expansion.line;
      shell.io.err(`${line}\n`);
    }
    // An interactive bash remembers each line typed (not blank ones), as expanded, before it runs it.
    if (line.trim() !== '') shell.session.history.push(line);
  }
  for (const { stream, text } of shell.session.pendingOutput.splice(0)) shell.io[stream](text);
  reportJobs(shell);
  let script: Script;
  try {
    script = parseScript(line);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    shell.io.err(`bash: ${e.message}\n`);
    shell.session.lastExit = 2;
    return 2;
  }
  for (const warning of script.warnings ?? []) shell.io.err(`bash: ${warning}\n`);
  let status: number;
  try {
    status = yield* runScript(shell, script);
  } catch (e) {
    // An expansion error (a bad $((…))) aborts the line, as in an interactive bash.
    if (!(e instanceof ExpansionError)) throw e;
    shell.io.err(`${e.message}\n`);
    status = shell.session.lastExit = 1;
  }
  if (shell.session.exiting !== undefined) {
    status = shell.session.lastExit = shell.session.exiting;
    shell.session.exiting = undefined;
  }
  reportJobs(shell);
  if (shell.session.foreground === shell.io) shell.session.foreground = undefined;
  return status;
}

export function* runScript(shell: Shell, script: Script): Task<number> {
  let status = shell.session.lastExit;
  for (const chain of script) {
    if (shell.io.interrupted || shell.session.exiting !== undefined) break;
    if (chain.background) {
      startJob(shell, chain);
      status = shell.session.lastExit = 0;
    } else status = yield* runAndOr(shell, chain);
  }
  return status;
}

export function* runAndOr(shell: Shell, chain: AndOr): Task<number> {
  let status = yield* runPipeline(shell, chain.first);
  for (const { op, pipeline } of chain.rest) {
    if (shell.io.interrupted || shell.session.exiting !== undefined) break;
    if ((op === '&&') !== (status === 0)) continue;
    status = yield* runPipeline(shell, pipeline);
  }
  return status;
}

interface Prepared {
  argv: string[];
  command: SimpleCommand;
  compound?: CompoundCommand;
}

/** runPipeline expands every command, then runs each program with the utilities after it streaming its output. */
function* runPipeline(shell: Shell, pipeline: Pipeline): Task<number> {
  if (!pipeline.timed) return yield* runUntimedPipeline(shell, pipeline);
  const startMs = shell.env.sim.nowMs;
  const status = yield* runUntimedPipeline(shell, pipeline);
  // bash's default TIMEFORMAT. The simulated commands use no CPU of the machine model.
  const real = (shell.env.sim.nowMs - startMs) / 1000;
  const clock = (s: number) => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
  shell.io.err(`\nreal\t${clock(real)}\nuser\t${clock(0)}\nsys\t${clock(0)}\n`);
  return status;
}

function* runUntimedPipeline(shell: Shell, pipeline: Pipeline): Task<number> {
  const prepared: Prepared[] = [];
  const ctx = expandContext(shell);
  for (const command of pipeline.commands) {
    // A compound command expands its words as it runs (a loop's body sees the variable change).
    if (isCompound(command)) prepared.push({ argv: [], command: { assignments: [], words: [], redirects: command.redirects }, compound: command });
    else {
      const aliased = expandAlias(shell.session, command);
      prepared.push({ argv: yield* expandWords(aliased.words, ctx), command: aliased });
    }
  }
  let input = shell.io.stdin;
  let status = 0;
  for (let i = 0; i < prepared.length; ) {
    if (shell.io.interrupted) break;
    let end = i + 1;
    while (end < prepared.length && UTILITIES[prepared[end].argv[0] ?? ''] !== undefined) end++;
    const last = end === prepared.length;
    let buffered = '';
    // Build the group's sinks from the right: the terminal (or a buffer for the next program), then each utility.
    let sink: Sink = last ? { write: (t) => shell.io.out(t), end: () => undefined } : { write: (t) => (buffered += t), end: () => undefined };
    for (let k = end - 1; k > i; k--) sink = yield* utilitySink(shell, prepared[k], sink);
    const head = prepared[i];
    // Each command of a pipeline runs in a subshell: variables it sets (`… | read x`,
    // `… | while read p; do …; done`) are gone afterwards. The files and jobs are shared.
    const stage = prepared.length > 1 ? { ...shell, session: subshellSession(shell.session) } : shell;
    status = head.compound ? yield* runCompound(stage, head.compound, input, sink) : yield* runHead(stage, head, input, sink, last && end === i + 1);
    status = sink.end() ?? status;
    input = buffered;
    i = end;
  }
  if (pipeline.negated) status = status === 0 ? 1 : 0;
  shell.session.lastExit = status;
  return status;
}

/** subshellSession: the session with its own copy of the variables (a forked bash's environment). */
function subshellSession(session: ShellSession): ShellSession {
  const sub = Object.create(session) as ShellSession;
  Object.defineProperty(sub, 'vars', { value: new Map(session.vars) });
  return sub;
}

/** filterIO: a text utility's output streams and the session's files. */
function filterIO(shell: Shell, streams: { out(text: string): void; err(text: string): void }): FilterIO {
  return {
    out: (t) => streams.out(t),
    err: (t) => streams.err(t),
    readFile: (path) => shell.session.readFile(path),
    writeFile: (path, text) => shell.session.writeFile(path, text, false),
    nowMs: () => shell.env.epochMs + shell.env.sim.nowMs,
  };
}

function* utilitySink(shell: Shell, stage: Prepared, downstream: Sink): Task<Sink> {
  const fds = yield* openRedirects(shell, stage.command.redirects, downstream);
  if (typeof fds === 'number') return { write() {}, end: () => downstream.end() ?? fds };
  const io = filterIO(shell, fds);
  const made = UTILITIES[stage.argv[0]](stage.argv.slice(1), io);
  if ('error' in made) {
    io.err(made.error);
    return { write() {}, end: () => downstream.end() ?? made.status };
  }
  const filter: Filter = made;
  return {
    write: (text) => filter.write(text),
    end: () => {
      const mine = filter.end();
      fds.close();
      return downstream.end() ?? mine;
    },
  };
}

/** runHead runs the first command of a group: an assignment, builtin, utility or program. */
function* runHead(shell: Shell, stage: Prepared, input: string, sink: Sink, toTerminal: boolean): Task<number> {
  const { command, argv } = stage;
  const ctx = expandContext(shell);
  if (argv.length === 0) {
    for (const a of command.assignments) shell.session.vars.set(a.name, yield* expandString(a.value, ctx));
    const fds = yield* openRedirects(shell, command.redirects, sink);
    if (typeof fds === 'number') return fds;
    fds.close();
    return 0;
  }
  const fds = yield* openRedirects(shell, command.redirects, sink);
  if (typeof fds === 'number') return fds;
  // `VAR=value command`: the assignments are in the command's environment only, as in bash.
  const saved = new Map<string, string | undefined>();
  for (const a of command.assignments) {
    const value = yield* expandString(a.value, ctx);
    if (!saved.has(a.name)) saved.set(a.name, shell.session.vars.get(a.name));
    shell.session.vars.set(a.name, value);
  }
  try {
    return yield* runCommand(shell, argv, fds, input, toTerminal && !fds.stdoutRedirected);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) shell.session.vars.delete(name);
      else shell.session.vars.set(name, value);
    }
    fds.close();
  }
}

/**
 * LOOP_STEP_MS: what one loop iteration costs on the sim clock (a fork and exec on a real machine).
 * It keeps `while true; do …; done` from spinning without time passing: Ctrl-C or a scenario
 * step's time limit ends it as it would end a real one.
 */
const LOOP_STEP_MS = 1;

/** runCompound runs a for/while/until/if with its redirects, its output going down the pipeline. */
function* runCompound(shell: Shell, command: CompoundCommand, input: string, sink: Sink): Task<number> {
  const fds = yield* openRedirects(shell, command.redirects, sink);
  if (typeof fds === 'number') return fds;
  const root = shell.io;
  const io: CommandIO = {
    out: fds.out,
    err: fds.err,
    stdin: fds.stdin ?? input,
    tty: root.tty && !fds.stdoutRedirected,
    get interrupted() {
      return root.interrupted;
    },
    onInterrupt: (cleanup) => root.onInterrupt(cleanup),
  };
  const sub: Shell = { ...shell, io, input: { text: io.stdin, pos: 0 } };
  const stopped = () => root.interrupted || shell.session.exiting !== undefined;
  let status = 0;
  try {
    if (command.kind === 'if') {
      for (const clause of command.clauses) {
        if ((yield* runScript(sub, clause.condition)) === 0) return yield* runScript(sub, clause.body);
        if (stopped()) return shell.session.lastExit;
      }
      return command.elseBody ? yield* runScript(sub, command.elseBody) : 0;
    }
    if (command.kind === 'for') {
      const words = yield* expandWords(command.words, expandContext(shell));
      for (const word of words) {
        if (stopped()) break;
        shell.session.vars.set(command.name, word);
        status = yield* runScript(sub, command.body);
        yield* wait(shell.env.sim.sleep(LOOP_STEP_MS));
      }
      return status;
    }
    while (!stopped()) {
      const condition = yield* runScript(sub, command.condition);
      if ((condition === 0) !== (command.kind === 'while') || stopped()) break;
      status = yield* runScript(sub, command.body);
      yield* wait(shell.env.sim.sleep(LOOP_STEP_MS));
    }
    return status;
  } finally {
    fds.close();
  }
}

/** runCommand runs a utility, builtin or program with its descriptors set up. */
function* runCommand(shell: Shell, argv: string[], fds: Fds, input: string, tty: boolean): Task<number> {
  const stdin = fds.stdin ?? input;
  const root = shell.io;
  const io: CommandIO = {
    out: fds.out,
    err: fds.err,
    stdin,
    tty,
    get interrupted() {
      return root.interrupted;
    },
    onInterrupt: (cleanup) => root.onInterrupt(cleanup),
    spawn: (child) => spawnChild(shell, io, child),
  };
  const [name, ...args] = argv;
  if (!SHELL_BUILTINS.has(name) && !name.includes('/')) shell.session.hashed.add(name);
  const utility = UTILITIES[name];
  if (utility) {
    const made = utility(args, filterIO(shell, io));
    if ('error' in made) {
      io.err(made.error);
      return made.status;
    }
    made.write(stdin);
    return made.end();
  }
  const builtin = BUILTINS[name];
  // `read` goes on reading a loop's input, unless this command has a pipe or redirect of its own.
  const ownInput = fds.stdin !== undefined || input !== shell.io.stdin;
  if (builtin) return yield* builtin({ ...shell, io, input: ownInput ? undefined : shell.input }, args);
  const program = shell.programs[name];
  if (program) return yield* program(shell.env, args, io);
  io.err(`bash: ${name}: command not found\n`);
  return 127;
}

/** spawnChild runs a program's child in a forked shell: exec'd words (no builtins), or a `bash -c` line. */
function* spawnChild(shell: Shell, io: CommandIO, child: { argv: string[] } | { line: string }): Task<number | undefined> {
  const sub: Shell = { ...shell, io, session: subshellSession(shell.session), input: undefined };
  if ('line' in child) {
    try {
      return yield* runScript(sub, parseScript(child.line));
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      io.err(`bash: -c: ${e.message}\n`);
      return 2;
    }
  }
  const name = child.argv[0]?.replace(/^(\/usr)?\/s?bin\//, '') ?? '';
  if (!UTILITIES[name] && !BUILTINS[name] && !shell.programs[name]) return undefined;
  const fds: Fds = { out: io.out, err: io.err, close: () => {}, stdoutRedirected: false };
  return yield* runCommand(sub, [name, ...child.argv.slice(1)], fds, '', io.tty ?? false);
}

/** expandContext: variables of the session, $? and command substitution in a subshell. */
export function expandContext(shell: Shell): ExpandContext {
  const { session } = shell;
  return {
    glob: (field) => expandGlob(field, { list: (dir) => session.listDirectory(dir) }, '/root'),
    assign: (name, value) => session.vars.set(name, value),
    param(name) {
      if (name === '?') return String(session.lastExit);
      if (name === '$') return '2398';
      if (name === '#') return '0';
      if (name === '0') return 'bash';
      return session.vars.get(name);
    },
    *substitute(source) {
      let captured = '';
      const root = shell.io;
      const io: CommandIO = {
        out: (t) => (captured += t),
        err: (t) => root.err(t),
        stdin: '',
        get interrupted() {
          return root.interrupted;
        },
        onInterrupt: (cleanup) => root.onInterrupt(cleanup),
      };
      try {
        yield* runScript({ ...shell, io }, parseScript(source));
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
        root.err(`bash: command substitution: line 1: ${e.message}\n`);
        session.lastExit = 2;
      }
      return captured;
    },
  };
}
