// The terminal's shell state that outlives one command line: variables (export POD_NAME=...),
// the last exit status ($?), files written with > (kubectl get -o yaml > web.yaml), background
// jobs (kubectl proxy &) and the local ports they listen on. Plain data plus running jobs; a
// replayed session rebuilds it by running the same lines.
import { resolveFrom } from '../../runtime/paths';
import type { RawResponse } from '../../apiserver/healthz/rawRequest';
import type { Future } from '../../sim/future';
import type { Task } from '../../sim/task';
import type { CommandIO } from '../process';
import type { JobIO } from './jobIO';

/**
 * LocalAnswer is what a loopback server answers: an HTTP response (`raw` bodies are printed as
 * they are, not as API JSON), or a connection closed without a reply.
 */
export type LocalAnswer = (RawResponse & { raw?: boolean }) | { reset: true };

/** LocalServer answers HTTP GETs on a loopback port (kubectl proxy, kubectl port-forward). */
export type LocalServer = (path: string) => Task<LocalAnswer>;

export interface Job {
  id: number;
  pid: number;
  command: string;
  state: 'Running' | 'Done' | 'Exit' | 'Terminated';
  exit?: number;
  /** reported: bash printed its "Done" line already. */
  reported: boolean;
  done: Future<number>;
  io: JobIO;
  terminate(): void;
}

/** MountedDir is a directory another part of the machine owns (the kubelet's manifest directory). */
export interface MountedDir {
  list(): string[];
  read(file: string): string | undefined;
  write(file: string, text: string): void;
  remove(file: string): boolean;
}

export class ShellSession {
  readonly vars = new Map<string, string>();
  /** aliases: `alias NAME=VALUE` (alias.ts). */
  readonly aliases = new Map<string, string>();
  /** history: the lines typed at the prompt, as bash's history list keeps them. */
  readonly history: string[] = [];
  /** hashed: programs found on $PATH once run (bash's hash table, what `type` reports). */
  readonly hashed = new Set<string>();
  lastExit = 0;
  /** exiting: `exit N` ran; the rest of the script is skipped and the line ends with N. */
  exiting: number | undefined;
  readonly files = new Map<string, string>();
  private readonly mounts = new Map<string, MountedDir>();
  /** directories exist even when empty: the session's files go under /root and /tmp (and mkdir's). */
  private readonly directories = new Set(['/', '/root', '/tmp', '/etc']);
  readonly jobs: Job[] = [];
  readonly servers = new Map<number, LocalServer>();
  /** foreground: the terminal of the line running now, where background jobs' output lands. */
  foreground: CommandIO | undefined;
  /** pendingOutput: what background jobs printed while no line ran (shown by the next line). */
  readonly pendingOutput: Array<{ stream: 'out' | 'err'; text: string }> = [];
  private nextPid = 2400;

  /** hostname: the machine this shell runs on, a node's name (curl's localhost, kubeadm's files). */
  constructor(readonly hostname: string) {
    for (const [k, v] of Object.entries({ HOME: '/root', USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', PWD: '/root', HOSTNAME: hostname, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8' })) this.vars.set(k, v);
  }

  /** pid: a fresh process id for a job (deterministic: a counter, as on a quiet machine). */
  pid(): number {
    this.nextPid += 1 + (this.nextPid % 7);
    return this.nextPid;
  }

  /** resolvePath makes a path absolute against $HOME (the terminal never leaves it). */
  resolvePath(path: string): string {
    return resolveFrom('/root', path === '~' || path.startsWith('~/') ? `/root/${path.slice(2)}` : path);
  }

  /** mount makes `dir` show another owner's files (kubeadm's /etc/kubernetes/manifests on a control-plane node). */
  mount(dir: string, files: MountedDir): void {
    this.mounts.set(dir, files);
  }

  /** isDirectory: the path is a directory (a fixed one, a mount or one of a mount's parents). */
  isDirectory(path: string): boolean {
    const absolute = this.resolvePath(path);
    return this.directories.has(absolute) || [...this.mounts.keys()].some((dir) => dir === absolute || dir.startsWith(`${absolute}/`));
  }

  readFile(path: string): string | undefined | null {
    const absolute = this.resolvePath(path);
    if (this.isDirectory(absolute)) return null;
    const mounted = this.mountOf(absolute);
    return mounted ? mounted.dir.read(mounted.file) : this.files.get(absolute);
  }

  /** writeFile writes a whole file (or appends to it); false when its directory does not exist. */
  writeFile(path: string, text: string, append: boolean): boolean {
    const absolute = this.resolvePath(path);
    const mounted = this.mountOf(absolute);
    if (mounted) mounted.dir.write(mounted.file, (append ? (mounted.dir.read(mounted.file) ?? '') : '') + text);
    else if (this.isDirectory(parentOf(absolute))) this.files.set(absolute, (append ? (this.files.get(absolute) ?? '') : '') + text);
    else return false;
    return true;
  }

  /** makeDirectory adds an empty directory; false when its parent is missing or the name is taken. */
  makeDirectory(path: string): boolean {
    const absolute = this.resolvePath(path);
    if (!this.isDirectory(parentOf(absolute)) || this.readFile(absolute) !== undefined) return false;
    this.directories.add(absolute);
    return true;
  }

  /** makeDirectories is `mkdir -p`: the directory and its missing parents. */
  makeDirectories(path: string): void {
    const parts = this.resolvePath(path).split('/').filter(Boolean);
    parts.forEach((_, i) => this.makeDirectory(`/${parts.slice(0, i + 1).join('/')}`));
  }

  removeFile(path: string): boolean {
    const absolute = this.resolvePath(path);
    const mounted = this.mountOf(absolute);
    return mounted ? mounted.dir.remove(mounted.file) : this.files.delete(absolute);
  }

  /** listDirectory names a directory's entries, sorted; undefined when it is not a directory. */
  listDirectory(path: string): string[] | undefined {
    const absolute = this.resolvePath(path);
    if (!this.isDirectory(absolute)) return undefined;
    const prefix = absolute === '/' ? '/' : `${absolute}/`;
    const names = new Set<string>(this.mounts.get(absolute)?.list() ?? []);
    for (const file of this.files.keys()) if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) names.add(file.slice(prefix.length));
    for (const dir of [...this.directories, ...this.mounts.keys()]) if (dir !== absolute && dir.startsWith(prefix)) names.add(dir.slice(prefix.length).split('/')[0]);
    return [...names].sort();
  }

  private mountOf(absolute: string): { dir: MountedDir; file: string } | undefined {
    const dir = this.mounts.get(parentOf(absolute));
    return dir ? { dir, file: absolute.slice(absolute.lastIndexOf('/') + 1) } : undefined;
  }

  /** jobBySpec finds a job by `%N`, `%%`/`%+` (the current one) or its pid. */
  jobBySpec(spec: string): Job | undefined {
    const live = this.jobs.filter((j) => !j.reported);
    if (spec === '%%' || spec === '%+' || spec === '%') return live[live.length - 1];
    if (spec.startsWith('%')) return live.find((j) => j.id === Number(spec.slice(1)));
    return live.find((j) => j.pid === Number(spec));
  }

  /** nextJobId: bash numbers jobs from one above the highest still listed. */
  nextJobId(): number {
    return Math.max(0, ...this.jobs.filter((j) => !j.reported).map((j) => j.id)) + 1;
  }
}

function parentOf(absolute: string): string {
  return absolute.slice(0, absolute.lastIndexOf('/')) || '/';
}

/** terminalSession is the shell a command runs in: the terminal's, or the first control-plane machine's when run alone. */
export function terminalSession(env: { shell?: ShellSession }): ShellSession {
  return env.shell ?? new ShellSession('control-plane');
}
