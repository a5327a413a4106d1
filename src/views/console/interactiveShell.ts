// `kubectl exec -it POD -- sh` in the app's terminal opens an interactive shell: each line typed
// afterwards runs in the container as `kubectl exec POD -- sh -c '<line>'` (recorded like any
// command, so a session replays), until `exit`. Real kubectl would hold one TTY stream open; the
// simulated container answers each line the same way. `ssh NODE` opens a shell on a node the
// same way: each line runs as `ssh NODE '<line>'`.
import { tokenize } from '../../engine/kubectl/args/tokenize';
import { resolveFrom } from '../../engine/runtime/paths';
import { parseScript, SyntaxError as BashSyntaxError } from '../../engine/commands/bash/parse';

export interface ShellSession {
  /** prefix: the exec command without its `-it` and command (`kubectl exec -n team web -c app`), or `ssh NODE`. */
  prefix: string;
  shell: string;
  prompt: string;
  /** node: the ssh session's machine (absent for a container shell). */
  node?: string;
  /** cwd: the container shell's directory after `cd` (each line starts there). */
  cwd?: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);
const TTY_FLAGS = new Set(['-it', '-ti', '-i', '-t', '--stdin', '--tty', '--stdin=true', '--tty=true']);

/** openShell recognizes `kubectl exec ... -it TARGET [-c C] -- SHELL` (interactive, no arguments after the shell). */
export function openShell(line: string): ShellSession | undefined {
  const tokens = tokenize(line);
  if (tokens.error !== undefined) return undefined;
  const argv = tokens.argv;
  if (argv[0] !== 'kubectl' || !argv.includes('exec')) return undefined;
  const dash = argv.indexOf('--');
  if (dash < 0 || dash !== argv.length - 2 || !SHELLS.has(argv[dash + 1])) return undefined;
  const before = argv.slice(0, dash);
  const ttyFlags = before.filter((w) => TTY_FLAGS.has(w));
  const interactive = ttyFlags.some((f) => f.includes('i') && f !== '--tty' && f !== '--tty=true');
  if (!interactive) return undefined;
  const shell = argv[dash + 1];
  const prefix = before.filter((w) => !TTY_FLAGS.has(w)).map(quote).join(' ');
  const name = shell.replace(/^.*\//, '');
  return { prefix, shell, prompt: name === 'bash' ? 'root@container:/# ' : '/ # ' };
}

/**
 * openSsh recognizes `ssh [OPTIONS] [USER@]NODE` without a command, for one of `nodes` (an
 * unknown host runs as a line, so ssh answers that it cannot resolve it).
 */
export function openSsh(line: string, nodes: readonly string[]): ShellSession | undefined {
  const tokens = tokenize(line);
  if (tokens.error !== undefined) return undefined;
  const [program, ...args] = tokens.argv;
  if (program !== 'ssh') return undefined;
  const words = args.filter((w, i) => !w.startsWith('-') && !/^-[^-]*[bcDEeFIiJLlmOopQRSWw]$/.test(args[i - 1] ?? ''));
  if (words.length !== 1) return undefined;
  const node = words[0].replace(/^[^@]*@/, '');
  if (!nodes.includes(node)) return undefined;
  return { prefix: `ssh ${node}`, shell: 'bash', prompt: `root@${node}:~# `, node };
}

/** commandFor wraps one typed line for the session's shell. */
export function commandFor(session: ShellSession, line: string): string {
  if (session.node) return `${session.prefix} ${quote(line)}`;
  const here = session.cwd && session.cwd !== '/' ? `cd ${session.cwd} && ${line}` : line;
  return `${session.prefix} -- ${session.shell} -c ${quote(here)}`;
}

/**
 * cdTarget: the directory a container shell's line moves to when it is a plain `cd [DIR]`
 * (resolved against the session's directory; a bare cd goes to root's home), else undefined.
 */
export function cdTarget(session: ShellSession, line: string): string | undefined {
  if (session.node) return undefined;
  const m = /^cd(?:\s+(\S+))?\s*$/.exec(line.trim());
  if (!m) return undefined;
  return resolveFrom(session.cwd ?? '/', m[1] ?? '/root');
}

/** inDirectory is the session after a successful `cd`: its prompt names the directory, as the shells' do. */
export function inDirectory(session: ShellSession, dir: string): ShellSession {
  const bash = session.shell.replace(/^.*\//, '') === 'bash';
  return { ...session, cwd: dir, prompt: bash ? `root@container:${dir}# ` : `${dir} # ` };
}

/** isExit: the line leaves the shell. */
export function isExit(line: string): boolean {
  return /^(exit|logout)(\s+\d+)?$/.test(line.trim());
}

function quote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  // `kubectl exec -ti $POD_NAME -- bash`: the variable still expands on every line sent.
  if (/^\$(\w+|\{\w+\})$/.test(word)) return `"${word}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * incompleteScript: bash would wait for more lines (an open `for`/`while`/`if`, quote or `$(`):
 * the console then shows the `>` continuation prompt and runs the lines together.
 */
export function incompleteScript(text: string): boolean {
  try {
    parseScript(text);
    return false;
  } catch (e) {
    if (!(e instanceof BashSyntaxError)) return false;
    return e.message === 'syntax error: unexpected end of file' || e.message.startsWith('unexpected EOF while looking for matching');
  }
}
