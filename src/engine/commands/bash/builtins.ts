// bash builtins and the few utilities that need the shell itself (sleep waits on the sim clock;
// xargs and watch run commands). Messages are bash's and GNU coreutils'.
import { formatTimestamp } from '../../registry/logs';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import { cp, ls, mkdir, mv, rm, touch } from './fileCommands';
import { runScript, type Shell } from './interpreter';
import { jobLine } from './jobs';
import { LOOKUP_BUILTINS } from './lookup';
import { parseScript, SyntaxError } from './parse';
import { echoEscapes, formatPrintf } from './printf';
import { date } from './utils/date';
import { evaluateTest } from './testBuiltin';

export type Builtin = (shell: Shell, args: string[]) => Task<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function* echo(shell: Shell, args: string[]): Task<number> {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const expanded = echoEscapes(text);
    text = expanded.text;
    if (expanded.stop) newline = false;
  }
  shell.io.out(text + (newline ? '\n' : ''));
  return 0;
}

/**
 * read takes the next line of its input into variables, split on blanks, the last variable
 * taking the rest (`-r` keeps backslashes, which are otherwise escapes). Inside a loop it reads
 * on from where the last `read` stopped; at the end of the input it fails, ending `while read`.
 */
function* read(shell: Shell, args: string[]): Task<number> {
  let raw = false;
  const names: string[] = [];
  for (const arg of args) {
    if (arg === '-r') raw = true;
    else if (arg.startsWith('-')) {
      shell.io.err(`bash: read: ${arg}: invalid option\nread: usage: read [-r] [name ...]\n`);
      return 2;
    } else if (!NAME.test(arg)) {
      shell.io.err(`bash: read: \`${arg}': not a valid identifier\n`);
      return 1;
    } else names.push(arg);
  }
  const input = shell.input ?? { text: shell.io.stdin, pos: 0 };
  if (input.pos >= input.text.length) return 1;
  const end = input.text.indexOf('\n', input.pos);
  let line = input.text.slice(input.pos, end < 0 ? undefined : end);
  input.pos = end < 0 ? input.text.length : end + 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length > 0 ? names : ['REPLY'];
  if (names.length === 0) shell.session.vars.set('REPLY', line);
  else {
    const fields = line.trim().split(/[ \t]+/);
    targets.forEach((name, i) => shell.session.vars.set(name, i === targets.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')));
  }
  return end < 0 ? 1 : 0;
}

function* printf(shell: Shell, args: string[]): Task<number> {
  if (args.length === 0) {
    shell.io.err('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const result = formatPrintf(args[0], args.slice(1));
  shell.io.out(result.text);
  for (const e of result.errors) shell.io.err(`bash: printf: ${e}\n`);
  return result.errors.length > 0 ? 1 : 0;
}

function* exportVars(shell: Shell, args: string[]): Task<number> {
  const names = args.filter((a) => a !== '-p');
  if (names.length === 0) {
    const vars = [...shell.session.vars].sort(([a], [b]) => (a < b ? -1 : 1));
    shell.io.out(vars.map(([k, v]) => `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      shell.io.err(`bash: export: \`${arg}': not a valid identifier\n`);
      status = 1;
    } else if (eq >= 0) shell.session.vars.set(name, arg.slice(eq + 1));
    else if (!shell.session.vars.has(name)) shell.session.vars.set(name, '');
  }
  return status;
}

function* unset(shell: Shell, args: string[]): Task<number> {
  for (const name of args.filter((a) => !a.startsWith('-'))) shell.session.vars.delete(name);
  return 0;
}

function* env(shell: Shell, args: string[]): Task<number> {
  if (args.length > 0) {
    const values = args.map((a) => shell.session.vars.get(a));
    for (const v of values) if (v !== undefined) shell.io.out(`${v}\n`);
    return values.every((v) => v !== undefined) ? 0 : 1;
  }
  shell.io.out([...shell.session.vars].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
}

function* cd(shell: Shell, args: string[]): Task<number> {
  const target = args[0] ?? '~';
  if (['~', '/root', '.', '', '~/'].includes(target)) return 0;
  shell.io.err(`bash: cd: ${target}: No such file or directory\n`);
  return 1;
}

function* pwd(shell: Shell): Task<number> {
  shell.io.out('/root\n');
  return 0;
}

/** sleep: coreutils' NUMBER[smhd] (several add up); Ctrl-C ends it. */
function* sleep(shell: Shell, args: string[]): Task<number> {
  if (args.length === 0) {
    shell.io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let ms = 0;
  for (const arg of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) {
      shell.io.err(`sleep: invalid time interval ‘${arg}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    ms += Number(m[1]) * ({ '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as Record<string, number>)[m[2]];
  }
  const done = new Future<void>();
  shell.env.sim.sleep(Math.round(ms)).then(() => done.resolve());
  shell.io.onInterrupt(() => done.resolve());
  yield* wait(done);
  return 0;
}

function* jobs(shell: Shell): Task<number> {
  const live = shell.session.jobs.filter((j) => !j.reported);
  for (const job of live) {
    shell.io.out(`${jobLine(job, live)}\n`);
    if (job.state !== 'Running') job.reported = true;
  }
  return 0;
}

function* kill(shell: Shell, args: string[]): Task<number> {
  // Every signal ends a simulated job the same way: -s SIG, -n NUM, -9 and -TERM are skipped.
  const specs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-s' || args[i] === '-n') i++;
    else if (!(args[i].startsWith('-') && args[i].length > 1)) specs.push(args[i]);
  }
  if (specs.length === 0) {
    shell.io.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  let status = 0;
  for (const spec of specs) {
    const job = shell.session.jobBySpec(spec);
    if (!job || job.state !== 'Running') {
      shell.io.err(spec.startsWith('%') ? `bash: kill: ${spec}: no such job\n` : /^\d+$/.test(spec) ? `bash: kill: (${spec}) - No such process\n` : `bash: kill: ${spec}: arguments must be process or job IDs\n`);
      status = 1;
    } else job.terminate();
  }
  return status;
}

/** fg brings a job back: its command is echoed, its output comes here, and Ctrl-C stops it. */
function* fg(shell: Shell, args: string[]): Task<number> {
  const spec = args[0] ?? '%+';
  const job = shell.session.jobBySpec(spec);
  if (!job || job.state !== 'Running') {
    shell.io.err(`bash: fg: ${args[0] ?? 'current'}: no such job\n`);
    return 1;
  }
  shell.io.out(`${job.command}\n`);
  job.io.terminal = shell.io;
  shell.io.onInterrupt(() => job.terminate());
  const exit = yield* wait(job.done);
  job.reported = true;
  return exit;
}

/** xargs: runs the command (echo by default) with the input's words appended, or per line with -I. */
function* xargs(shell: Shell, args: string[]): Task<number> {
  let i = 0;
  let replace: string | undefined;
  let perCall = Infinity;
  let skipEmpty = false;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '-I') replace = args[++i];
    else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-n') perCall = Number(args[++i]);
    else if (a.startsWith('-n')) perCall = Number(a.slice(2));
    else if (a === '-r' || a === '--no-run-if-empty') skipEmpty = true;
    else if (a === '-0') continue;
    else {
      shell.io.err(`xargs: invalid option -- '${a.slice(1)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  const command = args.slice(i).length > 0 ? args.slice(i) : ['echo'];
  const input = shell.io.stdin;
  const calls: string[][] = [];
  if (replace !== undefined) {
    for (const line of input.split('\n').map((l) => l.trim()).filter(Boolean)) calls.push(command.map((w) => w.split(replace!).join(line)));
  } else {
    const words = input.split(/\s+/).filter(Boolean);
    if (words.length === 0 && !skipEmpty) calls.push(command);
    for (let k = 0; k < words.length; k += perCall) calls.push([...command, ...words.slice(k, k + perCall)]);
  }
  let status = 0;
  for (const argv of calls) {
    if (shell.io.interrupted) break;
    const code = yield* runScript({ ...shell, io: { ...ioWithoutStdin(shell) } }, parseScript(argv.map(quote).join(' ')));
    // xargs exits 123 when any invocation failed.
    if (code !== 0) status = 123;
  }
  return status;
}

function ioWithoutStdin(shell: Shell) {
  const root = shell.io;
  return {
    out: (t: string) => root.out(t),
    err: (t: string) => root.err(t),
    stdin: '',
    get interrupted() {
      return root.interrupted;
    },
    onInterrupt: (cleanup: () => void) => root.onInterrupt(cleanup),
  };
}

/** watch runs a command every -n seconds (2 by default) until Ctrl-C, each run under procps' header line. */
function* watch(shell: Shell, args: string[]): Task<number> {
  let seconds = 2;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-n' || args[i] === '--interval') seconds = Number(args[++i]);
    else if (args[i].startsWith('-n')) seconds = Number(args[i].slice(2));
    else if (args[i].startsWith('--interval=')) seconds = Number(args[i].slice(11));
  }
  const text = args.slice(i).join(' ');
  if (text === '' || !(seconds > 0)) {
    shell.io.err(text === '' ? "Usage:\n watch [options] command\n" : `watch: failed to parse argument: '${args[i - 1]}'\n`);
    return 1;
  }
  let script;
  try {
    script = parseScript(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    shell.io.err(`sh: 1: ${e.message}\n`);
    return 1;
  }
  const every = Math.max(0.1, seconds);
  const host = shell.session.vars.get('HOSTNAME') ?? '';
  while (!shell.io.interrupted) {
    const left = `Every ${every.toFixed(1)}s: ${text}`;
    const right = `${host}: ${formatTimestamp('date', shell.env.epochMs + shell.env.sim.nowMs).replace(' UTC', '')}`;
    shell.io.out(`${left}${' '.repeat(Math.max(2, 80 - left.length - right.length))}${right}\n\n`);
    yield* runScript({ ...shell, io: ioWithoutStdin(shell) }, script);
    shell.io.out('\n');
    yield* sleep(shell, [String(every)]);
  }
  return 0;
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const BUILTINS: Record<string, Builtin> = {
  echo,
  printf,
  export: exportVars,
  unset,
  env,
  printenv: env,
  cd,
  pwd,
  sleep,
  jobs,
  kill,
  fg,
  xargs,
  watch,
  ls,
  cp,
  mv,
  rm,
  touch,
  mkdir,
  true: function* () {
    return 0;
  },
  false: function* () {
    return 1;
  },
  ':': function* () {
    return 0;
  },
  // exit ends the script (an ssh command, a pasted script); the terminal itself stays open.
  exit: function* (shell, args) {
    const status = args[0] === undefined ? shell.session.lastExit : Number(args[0]);
    if (!Number.isInteger(status)) {
      shell.io.err(`bash: exit: ${args[0]}: numeric argument required\n`);
      shell.session.exiting = 2;
      return 2;
    }
    shell.session.exiting = ((status % 256) + 256) % 256;
    return shell.session.exiting;
  },
  read,
  test: function* (shell, args) {
    const result = evaluateTest(args, shell.session, 'test');
    if (result.error) shell.io.err(result.error);
    return result.status;
  },
  '[': function* (shell, args) {
    const result = evaluateTest(args, shell.session, '[');
    if (result.error) shell.io.err(result.error);
    return result.status;
  },
  // date(1) on the sim clock (a program on a real machine).
  date: function* (shell, args) {
    const result = date(args, shell.env.epochMs + shell.env.sim.nowMs);
    if (result.stdout) shell.io.out(result.stdout);
    if (result.stderr) shell.io.err(result.stderr);
    return result.exit;
  },
  // clear(1) from ncurses with TERM=xterm-256color: cursor home, erase the screen and the
  // scrollback (its E3 capability). The app's console starts afresh after it.
  clear: function* (shell) {
    shell.io.out('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
  ...LOOKUP_BUILTINS,
  // hostname(1) (a program on a real machine): which node this shell is on after `ssh`.
  hostname: function* (shell) {
    shell.io.out(`${shell.session.hostname}\n`);
    return 0;
  },
};

