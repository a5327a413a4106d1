// The terminal's shell state that outlives one command line: variables (export POD_NAME=...),
// the last exit status ($?), files written with > (kubectl get -o yaml > web.yaml), background
// jobs (kubectl proxy &) and the local ports they listen on. Plain data plus running jobs; a
// replayed session rebuilds it by running the same lines.
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

export class ShellSession {
  readonly vars = new Map<string, string>();
  lastExit = 0;
  readonly files = new Map<string, string>();
  readonly jobs: Job[] = [];
  readonly servers = new Map<number, LocalServer>();
  /** foreground: the terminal of the line running now, where background jobs' output lands. */
  foreground: CommandIO | undefined;
  /** pendingOutput: what background jobs printed while no line ran (shown by the next line). */
  readonly pendingOutput: Array<{ stream: 'out' | 'err'; text: string }> = [];
  private nextPid = 2400;

  constructor(hostname: string) {
    for (const [k, v] of Object.entries({ HOME: '/root', USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', PWD: '/root', HOSTNAME: hostname, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8' })) this.vars.set(k, v);
  }

  /** pid: a fresh process id for a job (deterministic: a counter, as on a quiet machine). */
  pid(): number {
    this.nextPid += 1 + (this.nextPid % 7);
    return this.nextPid;
  }

  /** resolvePath makes a path absolute against $HOME (the terminal never leaves it). */
  resolvePath(path: string): string {
    const absolute = path.startsWith('/') ? path : path === '~' || path.startsWith('~/') ? `/root/${path.slice(2)}` : `/root/${path}`;
    const segments: string[] = [];
    for (const segment of absolute.split('/')) {
      if (segment === '..') segments.pop();
      else if (segment !== '' && segment !== '.') segments.push(segment);
    }
    return `/${segments.join('/')}`;
  }

  readFile(path: string): string | undefined | null {
    const absolute = this.resolvePath(path);
    if (absolute === '/root' || absolute === '/' || absolute === '/tmp') return null;
    return this.files.get(absolute);
  }

  writeFile(path: string, text: string, append: boolean): void {
    const absolute = this.resolvePath(path);
    this.files.set(absolute, (append ? (this.files.get(absolute) ?? '') : '') + text);
  }

  /** jobById finds a job by `%N`, `%%`/`%+` (the current one) or its pid. */
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
