// GNU coreutils' ls, cp, mv, rm, touch and mkdir over the terminal's files: the session's own
// (/root, /tmp) and mounted directories such as kubeadm's /etc/kubernetes/manifests, where `mv`
// out and back is how an admin stops and restarts a static pod. Messages are coreutils'.
import type { Task } from '../../sim/task';
import type { Shell } from './interpreter';

const basename = (path: string) => path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);

function split(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') && arg.length > 1 && arg !== '--') for (const f of arg.slice(1)) flags.add(f);
    else if (arg !== '--') operands.push(arg);
  }
  return { flags, operands };
}

/** ls: names in columns on the terminal, one per line into a pipe or with -1; -l shows mode, size and name. */
export function* ls(shell: Shell, args: string[]): Task<number> {
  const { flags, operands } = split(args);
  const { session, io } = shell;
  const paths = operands.length > 0 ? operands : ['.'];
  let status = 0;
  const blocks: string[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const entries = session.listDirectory(path);
    if (entries) blocks.push(path);
    else if (typeof session.readFile(path) === 'string') files.push(path);
    else {
      io.err(`ls: cannot access '${path}': No such file or directory\n`);
      status = 2;
    }
  }
  const render = (names: string[], dir?: string) => {
    if (flags.has('l')) {
      const lines = names.map((name) => {
        const full = dir === undefined ? name : `${dir.replace(/\/$/, '')}/${name}`;
        const content = session.readFile(full);
        const isDir = content === null;
        return `${isDir ? 'drwxr-xr-x' : '-rw-------'} 1 root root ${String(isDir ? 4096 : (content ?? '').length).padStart(5)} Jan  1 00:00 ${name}`;
      });
      return `${dir === undefined ? '' : `total ${names.length * 4}\n`}${lines.map((l) => `${l}\n`).join('')}`;
    }
    if (names.length === 0) return '';
    if (flags.has('1') || !io.tty) return names.map((n) => `${n}\n`).join('');
    return columns(names);
  };
  let out = render(files);
  for (const dir of blocks) {
    const names = session.listDirectory(dir)!.filter((n) => flags.has('a') || !n.startsWith('.'));
    if (out !== '' || blocks.length + files.length > 1) out += `${out !== '' ? '\n' : ''}${dir}:\n`;
    out += render(names, dir);
  }
  io.out(out);
  return status;
}

/** cp SRC DEST / cp SRC... DIR. */
export function* cp(shell: Shell, args: string[]): Task<number> {
  return copy(shell, 'cp', args, false);
}

/** mv SRC DEST / mv SRC... DIR: a move out of /etc/kubernetes/manifests stops that static pod. */
export function* mv(shell: Shell, args: string[]): Task<number> {
  return copy(shell, 'mv', args, true);
}

function copy(shell: Shell, name: 'cp' | 'mv', args: string[], move: boolean): number {
  const { operands } = split(args);
  const { session, io } = shell;
  if (operands.length < 2) {
    io.err(operands.length === 0 ? `${name}: missing file operand\nTry '${name} --help' for more information.\n` : `${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const dest = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const toDir = session.isDirectory(dest);
  if (sources.length > 1 && !toDir) {
    io.err(`${name}: target '${dest}': Not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const source of sources) {
    const content = session.readFile(source);
    if (content === undefined) {
      io.err(`${name}: cannot stat '${source}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (content === null) {
      io.err(name === 'cp' ? `cp: -r not specified; omitting directory '${source}'\n` : `mv: cannot move '${source}': directories are not supported here\n`);
      status = 1;
      continue;
    }
    const target = toDir ? `${dest.replace(/\/+$/, '')}/${basename(source)}` : dest;
    if (session.resolvePath(target) === session.resolvePath(source)) {
      io.err(`${name}: '${source}' and '${target}' are the same file\n`);
      status = 1;
      continue;
    }
    if (!session.writeFile(target, content, false)) {
      io.err(`${name}: cannot ${name === 'cp' ? 'create regular file' : 'move'} '${target}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (move) session.removeFile(source);
  }
  return status;
}

/** rm [-f] FILE...: removing a manifest from /etc/kubernetes/manifests stops its static pod. */
export function* rm(shell: Shell, args: string[]): Task<number> {
  const { flags, operands } = split(args);
  const { session, io } = shell;
  if (operands.length === 0 && !flags.has('f')) {
    io.err("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const path of operands) {
    const content = session.readFile(path);
    if (content === null) {
      io.err(`rm: cannot remove '${path}': Is a directory\n`);
      status = 1;
    } else if (content === undefined) {
      if (flags.has('f')) continue;
      io.err(`rm: cannot remove '${path}': No such file or directory\n`);
      status = 1;
    } else session.removeFile(path);
  }
  return status;
}

/** touch FILE...: creates missing files (empty). */
export function* touch(shell: Shell, args: string[]): Task<number> {
  const { operands } = split(args);
  let status = 0;
  for (const path of operands) {
    if (shell.session.readFile(path) !== undefined) continue;
    if (!shell.session.writeFile(path, '', false)) {
      shell.io.err(`touch: cannot touch '${path}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
}

/** mkdir [-p] DIR...: directories for the session's files. */
export function* mkdir(shell: Shell, args: string[]): Task<number> {
  const { flags, operands } = split(args);
  let status = 0;
  for (const path of operands) {
    if (flags.has('p')) {
      // -p makes the missing parents too, and an existing directory is fine.
      shell.session.makeDirectories(path);
      if (shell.session.isDirectory(path)) continue;
    }
    if (shell.session.makeDirectory(path)) continue;
    const exists = shell.session.readFile(path) !== undefined;
    shell.io.err(`mkdir: cannot create directory ‘${path}’: ${exists ? 'File exists' : 'No such file or directory'}\n`);
    status = 1;
  }
  return status;
}

/**
 * columns is ls -C on an 80-column terminal: names filled down the columns, as many columns as
 * fit, each as wide as its longest name plus two spaces (the last one unpadded).
 */
function columns(names: string[]): string {
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const grid = Array.from({ length: Math.ceil(names.length / rows) }, (_, c) => names.slice(c * rows, c * rows + rows));
    const widths = grid.map((col, c) => Math.max(...col.map((n) => n.length)) + (c === grid.length - 1 ? 0 : 2));
    if (widths.reduce((a, b) => a + b, 0) > 80 && cols > 1) continue;
    let out = '';
    for (let r = 0; r < rows; r++) out += `${grid.map((col, c) => (col[r] === undefined ? '' : c === grid.length - 1 || grid[c + 1][r] === undefined ? col[r] : col[r].padEnd(widths[c]))).join('')}\n`;
    return out;
  }
  return '';
}
