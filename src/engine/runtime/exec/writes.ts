// What changes a container's files from `kubectl exec`: the shell's output redirections
// (`> f`, `>> f`, `2> f`, `2>&1`, `>&2`, `&> f`) and mkdir, touch and rm, with the errors dash,
// bash, BusyBox ash and GNU coreutils / BusyBox print. Writes go to the container's writable
// layer (layer.ts).
import { absolutePath, readFile } from './files';
import type { Run } from './shell';

/** Redirect is one redirection: output of fd 1 or 2 to a file (truncating or appending), or to the other fd. */
export type Redirect = { fd: 1 | 2 | 'both'; path: string; append: boolean } | { fd: 1 | 2; dup: 1 | 2 };

/**
 * takeRedirect reads the redirection whose `>` is at `at` in `text`; `before` is the line read so
 * far, from which an fd number (`2>`) or `&` (`&>`) right before the `>` is taken back.
 */
export function takeRedirect(text: string, at: number, before: string): { redirect: Redirect; before: string; end: number } {
  let fd: 1 | 2 | 'both' = 1;
  const prefix = /(^|\s)([12&])$/.exec(before);
  if (prefix) {
    fd = prefix[2] === '&' ? 'both' : (Number(prefix[2]) as 1 | 2);
    before = before.slice(0, -1);
  }
  let i = at + 1;
  const append = text[i] === '>';
  if (append) i++;
  const dup = /^&([12])/.exec(text.slice(i));
  if (dup && fd !== 'both') return { redirect: { fd, dup: Number(dup[1]) as 1 | 2 }, before, end: i + 2 };
  while (text[i] === ' ' || text[i] === '\t') i++;
  let path = '';
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else path += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (/\s|;|&|\|/.test(c)) break;
    else path += c;
  }
  return { redirect: { fd, path, append }, before: `${before} `, end: i };
}

/**
 * redirected runs `command` with its redirections: the files are checked before it runs (a
 * missing directory fails the command, as the shell fails to open the file), its output then goes
 * where the redirections point, in order (`> f 2>&1` sends both to f; `2>&1 > f` only stdout).
 */
export function redirected(run: Run, redirects: Redirect[], command: () => number): number {
  if (redirects.length === 0) return command();
  for (const r of redirects) {
    if (!('path' in r) || r.path === '/dev/null') continue;
    const problem = cannotCreate(run, r.path);
    if (problem) {
      run.err.push(problem);
      return run.shell === 'sh' && run.e.family === 'debian' ? 2 : 1;
    }
  }
  // Where fd 1 and fd 2 point after the redirections, left to right; the files are opened (and
  // `>` truncates them) before the command runs, so it sees them.
  let dest: Record<1 | 2, string> = { 1: '&1', 2: '&2' };
  const layer = run.e.view.layer;
  for (const r of redirects) {
    if ('dup' in r) dest = { ...dest, [r.fd]: dest[r.dup] };
    else {
      const path = r.path === '/dev/null' ? r.path : absolutePath(run.e.view, r.path);
      if (path !== '/dev/null' && (!r.append || typeof readFile(run.e.view, path) !== 'string')) layer?.write(path, '');
      if (r.fd === 'both') dest = { 1: path, 2: path };
      else dest = { ...dest, [r.fd]: path };
    }
  }
  const outMark = run.out.length;
  const errMark = run.err.length;
  const status = command();
  const out = run.out.splice(outMark).join('');
  const err = run.err.splice(errMark).join('');
  const emit = (target: string, text: string) => {
    if (target === '&1') run.out.push(text);
    else if (target === '&2') run.err.push(text);
    else if (target !== '/dev/null' && layer) {
      const existing = readFile(run.e.view, target);
      layer.write(target, (typeof existing === 'string' ? existing : '') + text);
    }
  };
  // Into one file the errors go first: the tools report a bad operand before they list the rest.
  if (dest[1] === dest[2]) {
    emit(dest[2], err);
    emit(dest[1], out);
  } else {
    emit(dest[1], out);
    emit(dest[2], err);
  }
  return status;
}

/** cannotCreate: the shell's error when a redirection's file can't be opened (no directory, or a directory). */
function cannotCreate(run: Run, path: string): string | undefined {
  const { view, family } = run.e;
  const full = absolutePath(view, path);
  const parent = full.slice(0, full.lastIndexOf('/')) || '/';
  const isDir = readFile(view, full) === null;
  if (!isDir && readFile(view, parent) === null) return undefined;
  if (run.shell === 'bash') return `bash: line ${run.line}: ${path}: ${isDir ? 'Is a directory' : 'No such file or directory'}\n`;
  if (family === 'debian') return `sh: ${run.line}: cannot create ${path}: ${isDir ? 'Is a directory' : 'Directory nonexistent'}\n`;
  return `sh: can't create ${path}: ${isDir ? 'Is a directory' : 'nonexistent directory'}\n`;
}

/** fileCommand is mkdir [-p], touch and rm [-f] [-r], GNU coreutils' on Debian images, BusyBox's on the others. */
export function fileCommand(run: Run, name: 'mkdir' | 'touch' | 'rm', args: string[]): number {
  const { view } = run.e;
  const layer = view.layer;
  const gnu = run.e.family === 'debian';
  const flags = args.filter((a) => /^-\w+$/.test(a)).join('');
  const paths = args.filter((a) => !/^-\w+$/.test(a));
  let status = 0;
  const error = (text: string) => {
    run.err.push(`${name}: ${text}\n`);
    status = 1;
  };
  if (paths.length === 0) {
    // GNU touch names what is missing ("missing file operand"); mkdir and rm do not.
    error(`missing ${name === 'touch' && gnu ? 'file ' : ''}operand\nTry '${name} --help' for more information.`);
    return 1;
  }
  for (const path of paths) {
    const full = absolutePath(view, path);
    const parent = full.slice(0, full.lastIndexOf('/')) || '/';
    const existing = readFile(view, full);
    const parentIsDir = readFile(view, parent) === null;
    if (name === 'mkdir') {
      if (flags.includes('p')) {
        if (existing === null) continue;
        for (let p = full; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (readFile(view, p) === undefined) layer?.mkdir(p);
      } else if (existing !== undefined) error(gnu ? `cannot create directory '${path}': File exists` : `can't create directory '${path}': File exists`);
      else if (!parentIsDir) error(gnu ? `cannot create directory '${path}': No such file or directory` : `can't create directory '${path}': No such file or directory`);
      else layer?.mkdir(full);
    } else if (name === 'touch') {
      if (existing !== undefined) continue;
      if (!parentIsDir) error(gnu ? `cannot touch '${path}': No such file or directory` : `${path}: No such file or directory`);
      else layer?.write(full, '');
    } else {
      if (existing === undefined) {
        if (!flags.includes('f')) error(gnu ? `cannot remove '${path}': No such file or directory` : `can't remove '${path}': No such file or directory`);
      } else if (existing === null && !/[rR]/.test(flags)) error(gnu ? `cannot remove '${path}': Is a directory` : `'${path}' is a directory`);
      else layer?.remove(full);
    }
  }
  return status;
}
