// tar in a container, as far as `kubectl cp` uses it: `tar cf - PATH` streams a file or a tree to
// stdout and `tar -xmf - [-C DIR]` unpacks a stream from stdin (cp.go runs exactly these). The
// stream is k8sim's own encoding of the entries, not ustar bytes; the messages are GNU tar 1.34's
// and BusyBox 1.35's, checked on this machine.
import { absolutePath, listDirectory, readFile } from './files';
import type { Run } from './shell';

/** TarEntry is one member: a file with its content, or a directory (content null). */
export interface TarEntry {
  name: string;
  content: string | null;
}

const MAGIC = '\0k8sim-tar\n';

export function encodeTar(entries: TarEntry[]): string {
  return `${MAGIC}${JSON.stringify(entries)}`;
}

/** decodeTar reads a stream back; undefined when it is not one. */
export function decodeTar(stream: string): TarEntry[] | undefined {
  if (!stream.startsWith(MAGIC)) return undefined;
  try {
    const entries = JSON.parse(stream.slice(MAGIC.length)) as TarEntry[];
    return Array.isArray(entries) ? entries : undefined;
  } catch {
    return undefined;
  }
}

/** tarCommand runs `tar cf - PATH...` or `tar -xmf - [-C DIR]` (other forms are refused). */
export function tarCommand(run: Run, args: string[]): number {
  const gnu = run.e.family === 'debian';
  const mode = (args[0] ?? '').replace(/^-/, '');
  const dirAt = args.indexOf('-C');
  if (mode.includes('c')) return create(run, args.slice(2), gnu);
  if (mode.includes('x')) return extract(run, dirAt >= 0 ? args[dirAt + 1] : undefined, gnu);
  run.err.push(gnu ? "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n" : 'tar: need to specify one of -c, -x or -t\n');
  return 2;
}

function create(run: Run, paths: string[], gnu: boolean): number {
  const { view } = run.e;
  const entries: TarEntry[] = [];
  let failed = false;
  // GNU warns once, before the first absolute member, found or not; BusyBox when it adds one.
  if (gnu && paths.some((p) => p.startsWith('/'))) run.err.push("tar: Removing leading `/' from member names\n");
  let warned = gnu;
  for (const path of paths) {
    const full = absolutePath(view, path);
    if (readFile(view, full) === undefined) {
      run.err.push(gnu ? `tar: ${path}: Cannot stat: No such file or directory\n` : `tar: ${path}: No such file or directory\n`);
      failed = true;
      continue;
    }
    if (!warned && path.startsWith('/')) {
      run.err.push("tar: removing leading '/' from member names\n");
      warned = true;
    }
    collect(run, full, entries);
  }
  run.out.push(encodeTar(entries));
  if (!failed) return 0;
  run.err.push(gnu ? 'tar: Exiting with failure status due to previous errors\n' : 'tar: error exit delayed from previous errors\n');
  return gnu ? 2 : 1;
}

function collect(run: Run, full: string, entries: TarEntry[]): void {
  const content = readFile(run.e.view, full);
  if (content === undefined) return;
  entries.push({ name: full.replace(/^\/+/, ''), content });
  if (content === null) for (const name of listDirectory(run.e.view, full) ?? []) collect(run, `${full === '/' ? '' : full}/${name}`, entries);
}

function extract(run: Run, dir: string | undefined, gnu: boolean): number {
  const { view } = run.e;
  const base = absolutePath(view, dir ?? '.');
  if (readFile(view, base) !== null) {
    run.err.push(gnu ? `tar: ${dir}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n` : `tar: can't change directory to '${dir}': No such file or directory\n`);
    return gnu ? 2 : 1;
  }
  const entries = decodeTar(run.stdin ?? run.e.stdin);
  if (!entries) {
    run.err.push(gnu ? 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n' : 'tar: invalid tar magic\n');
    return gnu ? 2 : 1;
  }
  const layer = view.layer;
  for (const entry of entries) {
    const target = `${base === '/' ? '' : base}/${entry.name}`;
    // tar makes the directories a member needs, as it unpacks.
    for (let p = target.slice(0, target.lastIndexOf('/')); p.length > base.length; p = p.slice(0, p.lastIndexOf('/'))) if (readFile(view, p) === undefined) layer?.mkdir(p);
    if (entry.content === null) layer?.mkdir(target);
    else layer?.write(target, entry.content);
  }
  return 0;
}
