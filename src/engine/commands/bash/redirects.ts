// Redirections of one command (`> file`, `2>&1`, `< file`, here-documents) and where its output goes.
import type { Task } from '../../sim/task';
import { expandString } from './expand';
import { expandContext, type Shell } from './interpreter';
import type { Redirect } from './syntax';

/** Sink receives a stage's output; end returns the status of the last stage it feeds, if any. */
export interface Sink {
  write(text: string): void;
  end(): number | undefined;
}

/** Fds: where one command reads and writes once its redirections are applied. */
export interface Fds {
  out(text: string): void;
  err(text: string): void;
  stdin?: string;
  /** close writes the files the command redirected into. */
  close(): void;
  stdoutRedirected: boolean;
}

/** openRedirects applies redirections left to right (`>/dev/null 2>&1` sends both away; `2>&1 >/dev/null` only stdout). */
export function* openRedirects(shell: Shell, redirects: readonly Redirect[], sink: Sink): Task<Fds | number> {
  const { session, io } = shell;
  const table: Record<1 | 2, (text: string) => void> = { 1: (t) => sink.write(t), 2: (t) => io.err(t) };
  const files: Array<{ path: string; text: string; append: boolean }> = [];
  let stdin: string | undefined;
  for (const r of redirects) {
    if (r.op === '<<') {
      stdin = yield* expandString(r.heredoc?.() ?? r.target, expandContext(shell));
      continue;
    }
    const target = yield* expandString(r.target, expandContext(shell));
    if (r.op === '>&') {
      if (target !== '1' && target !== '2') {
        io.err(`bash: ${target}: ambiguous redirect\n`);
        return 1;
      }
      if (r.fd !== 0) table[r.fd] = table[Number(target) as 1 | 2];
      continue;
    }
    if (r.op === '<') {
      const content = session.readFile(target);
      if (typeof content !== 'string') {
        io.err(`bash: ${target}: ${content === null ? 'Is a directory' : 'No such file or directory'}\n`);
        return 1;
      }
      stdin = content;
      continue;
    }
    if (r.fd === 0) continue;
    if (target === '/dev/null') table[r.fd] = () => {};
    else if (target === '/dev/stderr') table[r.fd] = (t) => io.err(t);
    else if (target === '/dev/stdout') table[r.fd] = (t) => sink.write(t);
    else if (session.readFile(target) === null) {
      io.err(`bash: ${target}: Is a directory\n`);
      return 1;
    } else if (!session.isDirectory(parentOf(session.resolvePath(target)))) {
      io.err(`bash: ${target}: No such file or directory\n`);
      return 1;
    } else {
      // The file is written once the command is done (one write, as the kubelet's watch sees a finished manifest).
      const file = { path: target, text: '', append: r.op === '>>' };
      files.push(file);
      table[r.fd] = (t) => (file.text += t);
    }
  }
  const stdoutRedirected = redirects.some((r) => r.fd === 1);
  return { out: table[1], err: table[2], stdin, stdoutRedirected, close: () => files.forEach((f) => session.writeFile(f.path, f.text, f.append)) };
}

function parentOf(absolute: string): string {
  return absolute.slice(0, absolute.lastIndexOf('/')) || '/';
}

