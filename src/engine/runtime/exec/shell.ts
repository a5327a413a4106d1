// What `kubectl exec` runs inside a container: the image's binaries for the commands tutorials
// use (env, cat, ls, hostname, nslookup, wget, ...) and a small POSIX-ish shell for `sh -c` and
// for a script piped to `sh -i`. Each image family prints its tools' own texts (GNU coreutils and
// dash on Debian images, BusyBox on busybox and Alpine images).
import { formatTimestamp } from '../../registry/logs';
import { tokenize } from '../../kubectl/args/tokenize';
import { listDirectory, readFile, type ContainerView } from './files';
import { changeDirectory, testCommand } from './builtins';
import { tarCommand } from './tar';
import { textCommand } from './textCommands';
import { fileCommand, redirected, takeRedirect, type Redirect } from './writes';

/** ImageFamily decides which binaries exist and how they word their errors. */
export type ImageFamily = 'debian' | 'alpine' | 'busybox' | 'none';

/** Network is what a container reaches: the cluster DNS and HTTP servers behind Services and pods. */
export interface Network {
  nslookup(name: string, oldBusybox: boolean): { stdout: string; exitCode: number };
  /** get fetches http://host[:port]/path: the body, or wget's error text. */
  get(url: string): { ok: true; body: string; host: string; address: string } | { ok: false; error: string };
}

export interface ExecEnv {
  family: ImageFamily;
  /** busybox128: busybox 1.28's nslookup (the one the Kubernetes DNS docs use) prints the old format. */
  busybox128?: boolean;
  env: string[];
  view: ContainerView;
  wallMs: number;
  kernel: string;
  workingDir?: string;
  network?: Network;
  /** self answers a request to localhost:port: the container's own body once it listens, else undefined. */
  self?: (port: number) => string | undefined;
  /** tools: binaries the image adds to its family's (curl in the bootcamp image). */
  tools?: readonly string[];
  stdin: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** durationMs: how long the commands took on the sim clock (sleep). */
  durationMs: number;
  /** startError: the runtime could not start argv[0] (not in $PATH): kubectl shows the OCI error. */
  startError?: string;
}

const COMMON = ['sh', 'env', 'printenv', 'cat', 'ls', 'hostname', 'date', 'sleep', 'whoami', 'id', 'uname', 'echo', 'true', 'false', 'pwd', 'mkdir', 'touch', 'rm', 'grep', 'head', 'tail', 'wc', 'test', '['];
const BINARIES: Record<ImageFamily, ReadonlySet<string>> = {
  debian: new Set([...COMMON, 'bash', 'tar']),
  alpine: new Set([...COMMON, 'nslookup', 'wget', 'tar']),
  busybox: new Set([...COMMON, 'nslookup', 'wget', 'tar']),
  none: new Set(),
};
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** hasBinary: whether `name` (a path or a bare name) exists in the image. */
export function hasBinary(family: ImageFamily, name: string, tools: readonly string[] = []): boolean {
  return BINARIES[family].has(basename(name)) || tools.includes(basename(name));
}

export interface Run {
  e: ExecEnv;
  vars: Map<string, string>;
  out: string[];
  err: string[];
  durationMs: number;
  shell: string;
  line: number;
  exited?: number;
  /** stdin: the previous command's output inside a pipeline. */
  stdin?: string;
}

/** execInContainer runs argv as the runtime's exec would: argv[0] must exist in the image. */
export function execInContainer(argv: readonly string[], e: ExecEnv): ExecResult {
  const run: Run = { e, vars: new Map(e.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])), out: [], err: [], durationMs: 0, shell: basename(argv[0] ?? ''), line: 1 };
  if (!argv[0] || !hasBinary(e.family, argv[0], e.tools)) {
    return { stdout: '', stderr: '', exitCode: 126, durationMs: 0, startError: `exec: "${argv[0] ?? ''}": executable file not found in $PATH` };
  }
  const exitCode = command(run, [...argv]);
  return { stdout: run.out.join(''), stderr: run.err.join(''), exitCode: run.exited ?? exitCode, durationMs: run.durationMs };
}

/** script runs shell text: statements split by newlines and `;`, with `&&` / `||` short-circuits. */
function script(run: Run, text: string): number {
  let status = 0;
  for (const [n, line] of text.split('\n').entries()) {
    run.line = n + 1;
    for (const statement of line.split(/;(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/)) {
      const parts = statement.split(/(&&|\|\|)/);
      let skip = false;
      for (let i = 0; i < parts.length; i += 2) {
        const op = parts[i - 1];
        if (op === '&&') skip = status !== 0;
        else if (op === '||') skip = status === 0;
        if (skip) continue;
        const stages = parts[i].split(/\|(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/);
        let input: string | undefined;
        for (const [n, stage] of stages.entries()) {
          const parsed = words1(run, stage);
          if (parsed === undefined) return 2;
          if (parsed.argv.length === 0 && parsed.redirects.length === 0) continue;
          // Every stage but the last writes into the next one's stdin.
          const mark = run.out.length;
          run.stdin = input;
          status = redirected(run, parsed.redirects, () => (parsed.argv.length > 0 ? simple(run, parsed.argv) : 0));
          run.stdin = undefined;
          if (n < stages.length - 1) input = run.out.splice(mark).join('');
          if (run.exited !== undefined) return run.exited;
        }
      }
    }
  }
  return status;
}

/** words1 expands $VAR / ${VAR} outside single quotes, takes out the redirections, then splits like a shell. */
function words1(run: Run, text: string): { argv: string[]; redirects: Redirect[] } | undefined {
  let out = '';
  let quote = '';
  const redirects: Redirect[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && quote !== '"') quote = quote === "'" ? '' : "'";
    else if (c === '"' && quote !== "'") quote = quote === '"' ? '' : '"';
    if (c === '>' && quote === '') {
      const taken = takeRedirect(text, i, out);
      redirects.push(taken.redirect);
      out = taken.before;
      i = taken.end - 1;
      continue;
    }
    if (c === '$' && quote !== "'") {
      const m = /^\$(?:\{(\w+)\}|(\w+|\?))/.exec(text.slice(i));
      if (m) {
        const name = m[1] ?? m[2];
        out += name === '?' ? '0' : (run.vars.get(name) ?? '');
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  const tokens = tokenize(out);
  if (tokens.error !== undefined) {
    run.err.push(`${run.shell}: ${run.line}: Syntax error: Unterminated quoted string\n`);
    return undefined;
  }
  return { argv: tokens.argv, redirects: redirects.map((r) => ('path' in r ? { ...r, path: expandVars(run, r.path) } : r)) };
}

/** expandVars expands $VAR / ${VAR} in a redirection's target. */
function expandVars(run: Run, text: string): string {
  return text.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, a: string | undefined, b: string | undefined) => run.vars.get(a ?? b ?? '') ?? '');
}

/** simple runs one command: an assignment, a builtin, or a binary of the image. */
function simple(run: Run, words: string[]): number {
  const assignment = /^(\w+)=(.*)$/.exec(words[0]);
  if (assignment && words.length === 1) {
    run.vars.set(assignment[1], assignment[2]);
    return 0;
  }
  const name = words[0];
  if (name === 'exit') {
    run.exited = Number(words[1] ?? 0) & 255;
    return run.exited;
  }
  if (name === 'export') {
    for (const w of words.slice(1)) {
      const m = /^(\w+)=(.*)$/.exec(w);
      if (m) run.vars.set(m[1], m[2]);
    }
    return 0;
  }
  if (name === 'cd') return changeDirectory(run, words[1] ?? run.vars.get('HOME') ?? '/root');
  if (!hasBinary(run.e.family, name, run.e.tools)) {
    run.err.push(notFound(run, name));
    return 127;
  }
  return command(run, words);
}

function notFound(run: Run, name: string): string {
  if (run.shell === 'bash') return `bash: line ${run.line}: ${name}: command not found\n`;
  if (run.e.family === 'debian') return `sh: ${run.line}: ${name}: not found\n`;
  return `sh: ${name}: not found\n`;
}

function command(run: Run, argv: string[]): number {
  const { e } = run;
  const name = basename(argv[0]);
  const args = argv.slice(1);
  const gnu = e.family === 'debian';
  switch (name) {
    case 'sh':
    case 'bash': {
      const inner: Run = { ...run, shell: name, vars: new Map(run.vars), exited: undefined };
      const status = args[0] === '-c' ? script(inner, args[1] ?? '') : script(inner, e.stdin);
      run.durationMs = inner.durationMs;
      return inner.exited ?? status;
    }
    case 'env':
    case 'printenv': {
      if (args.length > 0 && name === 'printenv') {
        const values = args.map((a) => run.vars.get(a));
        for (const v of values) if (v !== undefined) run.out.push(`${v}\n`);
        return values.every((v) => v !== undefined) ? 0 : 1;
      }
      const env = [...run.vars].map(([k, v]) => `${k}=${v}`);
      if (!run.vars.has('HOME')) env.push('HOME=/root');
      run.out.push(env.map((kv) => `${kv}\n`).join(''));
      return 0;
    }
    case 'echo': {
      const newline = args[0] !== '-n';
      run.out.push(args.slice(newline ? 0 : 1).join(' ') + (newline ? '\n' : ''));
      return 0;
    }
    case 'cat': {
      let status = 0;
      if (args.length === 0) run.out.push(run.stdin ?? '');
      for (const path of args) {
        const content = readFile(e.view, path);
        if (content === undefined) {
          run.err.push(gnu ? `cat: ${path}: No such file or directory\n` : `cat: can't open '${path}': No such file or directory\n`);
          status = 1;
        } else if (content === null) {
          run.err.push(gnu ? `cat: ${path}: Is a directory\n` : 'cat: read error: Is a directory\n');
          status = 1;
        } else run.out.push(content);
      }
      return status;
    }
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      let status = 0;
      // Several operands: files first, then each directory under a `path:` heading, blank lines between.
      const targets = paths.length ? paths : [e.workingDir ?? '/'];
      const files = targets.filter((p) => typeof readFile(e.view, p) === 'string');
      const dirs = targets.filter((p) => readFile(e.view, p) === null);
      if (files.length) run.out.push(files.map((f) => `${f}\n`).join(''));
      for (const [i, path] of dirs.entries()) {
        const entries = listDirectory(e.view, path) ?? [];
        const heading = targets.length > 1 ? `${files.length || i > 0 ? '\n' : ''}${path}:\n` : '';
        run.out.push(heading + entries.map((n) => `${n}\n`).join(''));
      }
      for (const path of targets.filter((p) => readFile(e.view, p) === undefined)) {
        run.err.push(gnu ? `ls: cannot access '${path}': No such file or directory\n` : `ls: ${path}: No such file or directory\n`);
        status = gnu ? 2 : 1;
      }
      return status;
    }
    case 'hostname':
      run.out.push(`${e.view.hostname}\n`);
      return 0;
    case 'pwd':
      run.out.push(`${e.workingDir ?? '/'}\n`);
      return 0;
    case 'whoami':
      run.out.push('root\n');
      return 0;
    case 'id':
      run.out.push(gnu ? 'uid=0(root) gid=0(root) groups=0(root)\n' : 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
      return 0;
    case 'date':
      run.out.push(`${formatTimestamp('date', e.wallMs + run.durationMs)}\n`);
      return 0;
    case 'uname': {
      const parts: Record<string, string> = { s: 'Linux', n: e.view.hostname, r: e.kernel, m: 'x86_64' };
      const flags = args.join('').replace(/-/g, '');
      const picked = flags === 'a' ? ['s', 'n', 'r', 'm'] : flags ? [...flags] : ['s'];
      run.out.push(`${picked.map((f) => parts[f] ?? '').join(' ')}\n`);
      return 0;
    }
    case 'sleep':
      run.durationMs += Math.round(Number.parseFloat(args[0] ?? '0') * 1000) || 0;
      return 0;
    case 'true':
      return 0;
    case 'false':
      return 1;
    case 'nslookup': {
      if (!args[0]) {
        run.err.push('BusyBox nslookup: missing NAME\n');
        return 1;
      }
      const answer = e.network?.nslookup(args[0], Boolean(e.busybox128)) ?? { stdout: `;; connection timed out; no servers could be reached\n`, exitCode: 1 };
      run.out.push(answer.stdout);
      return answer.exitCode;
    }
    case 'mkdir':
    case 'touch':
    case 'rm':
      return fileCommand(run, name, args);
    case 'tar':
      return tarCommand(run, args);
    case 'test':
    case '[':
      return testCommand(run, name === '[' ? args.slice(0, -1) : args);
    case 'grep':
    case 'head':
    case 'tail':
    case 'wc':
      return textCommand(run, name, args);
    case 'wget':
      return wget(run, args);
    case 'curl':
      return curl(run, args);
  }
  run.err.push(notFound(run, name));
  return 127;
}

/** LOCAL: a request to the container itself (the pod's network namespace). */
const LOCAL = /^(?:https?:\/\/)?(localhost|127\.0\.0\.1)(?::(\d+))?(?:\/.*)?$/;

/** get fetches a URL: localhost from the container itself, anything else through the cluster network. */
function get(run: Run, url: string): { ok: true; body: string; host: string; address: string } | { ok: false; refused: boolean; host: string; port: number; error?: string } {
  const local = LOCAL.exec(url);
  if (local) {
    const port = Number(local[2] ?? 80);
    const body = run.e.self?.(port);
    return body === undefined ? { ok: false, refused: true, host: local[1], port } : { ok: true, body, host: local[1], address: `127.0.0.1:${port}` };
  }
  const result = run.e.network?.get(url);
  const host = url.replace(/^https?:\/\//, '').replace(/[:/].*$/, '');
  const port = Number(/^(?:https?:\/\/)?[^:/]+:(\d+)/.exec(url)?.[1] ?? 80);
  if (!result) return { ok: false, refused: false, host, port };
  if (result.ok) return result;
  return { ok: false, refused: result.error.includes('Connection refused'), host, port, error: result.error };
}

/** curl: the body on stdout; curl's own error lines and exit codes (6 unresolved, 7 refused). */
function curl(run: Run, args: string[]): number {
  const url = args.filter((a) => !a.startsWith('-')).pop();
  if (!url) {
    run.err.push("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const result = get(run, url);
  if (result.ok) {
    run.out.push(result.body);
    return 0;
  }
  if (!result.refused) {
    run.err.push(`curl: (6) Could not resolve host: ${result.host}\n`);
    return 6;
  }
  run.err.push(`curl: (7) Failed to connect to ${result.host} port ${result.port}: Connection refused\n`);
  return 7;
}

/** wget: BusyBox wget; `-qO-` / `-O -` print the body to stdout. */
function wget(run: Run, args: string[]): number {
  const quiet = args.some((a) => /^-\w*q/.test(a));
  const url = args.filter((a) => !a.startsWith('-') && a !== '-').pop();
  if (!url) {
    run.err.push('BusyBox wget: missing URL\n');
    return 1;
  }
  const fetched = get(run, url);
  const result = fetched.ok ? fetched : { ok: false as const, error: fetched.error ?? (fetched.refused ? `wget: can't connect to remote host (${fetched.host === 'localhost' ? '127.0.0.1' : fetched.host}): Connection refused` : `wget: bad address '${fetched.host}'`) };
  if (!result.ok) {
    run.err.push(`${result.error}\n`);
    return 1;
  }
  if (!quiet) run.err.push(`Connecting to ${result.host} (${result.address})\nwriting to stdout\n`);
  run.out.push(result.body);
  if (!quiet) run.err.push('written to stdout\n');
  return 0;
}

