// The text tools learners pipe into inside a container: grep, head, tail, wc, and what they read
// (files, or the previous command's output in a pipeline). GNU's on Debian images, BusyBox's on
// the others; the outputs are the same, the error wording differs.
import { readFile } from './files';
import type { Run } from './shell';

/**
 * inputOf reads the named files (or stdin without any); undefined after a missing file's error,
 * worded as each tool does (checked against GNU coreutils 9.1 / grep 3.8 and BusyBox 1.35).
 */
function inputOf(run: Run, name: string, paths: string[]): string | undefined {
  if (paths.length === 0) return run.stdin ?? '';
  let text = '';
  for (const path of paths) {
    const content = readFile(run.e.view, path);
    if (typeof content !== 'string') {
      run.err.push(content === null ? `${name}: ${path}: Is a directory\n` : `${missing(name, path, run.e.family === 'debian')}\n`);
      return undefined;
    }
    text += content;
  }
  return text;
}

function missing(name: string, path: string, gnu: boolean): string {
  if ((name === 'head' || name === 'tail') && gnu) return `${name}: cannot open '${path}' for reading: No such file or directory`;
  if (name === 'tail') return `tail: can't open '${path}': No such file or directory\ntail: no files`;
  return `${name}: ${path}: No such file or directory`;
}

const linesOf = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** textCommand runs grep [-i] [-v] [-c] PATTERN, head/tail [-n N | -N], wc [-l|-w|-c]. */
export function textCommand(run: Run, name: 'grep' | 'head' | 'tail' | 'wc', args: string[]): number {
  if (name === 'grep') {
    const flags = args.filter((a) => /^-[ivc]+$/.test(a)).join('');
    const [pattern, ...paths] = args.filter((a) => !/^-[ivc]+$/.test(a));
    if (pattern === undefined) {
      run.err.push(run.e.family === 'debian' ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" : 'Usage: grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
      return 2;
    }
    const input = inputOf(run, 'grep', paths);
    if (input === undefined) return 2;
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags.includes('i') ? 'i' : '');
    }
    const matched = linesOf(input).filter((line) => re.test(line) !== flags.includes('v'));
    run.out.push(flags.includes('c') ? `${matched.length}\n` : matched.map((l) => `${l}\n`).join(''));
    return matched.length > 0 ? 0 : 1;
  }
  if (name === 'wc') {
    const flags = args.filter((a) => /^-[lwc]+$/.test(a)).join('');
    const paths = args.filter((a) => !/^-[lwc]+$/.test(a));
    const input = inputOf(run, 'wc', paths);
    if (input === undefined) return 1;
    const counts: Record<string, number> = { l: (input.match(/\n/g) ?? []).length, w: input.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(input).length };
    const picked = flags ? ['l', 'w', 'c'].filter((f) => flags.includes(f)) : ['l', 'w', 'c'];
    const values = picked.map((f) => counts[f]);
    // One count prints bare; several are padded: BusyBox to 9, GNU to 7 on stdin, else to the
    // digits of the file's size.
    const width = run.e.family !== 'debian' ? 9 : paths.length === 0 ? 7 : String(counts.c).length;
    const text = values.length === 1 ? String(values[0]) : values.map((v) => String(v).padStart(width)).join(' ');
    run.out.push(`${text}${paths.length === 1 ? ` ${paths[0]}` : ''}\n`);
    return 0;
  }
  let count = 10;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') count = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) count = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) count = Number(a.slice(1));
    else paths.push(a);
  }
  const input = inputOf(run, name, paths);
  if (input === undefined) return 1;
  const lines = linesOf(input);
  const picked = name === 'head' ? lines.slice(0, count) : lines.slice(Math.max(0, lines.length - count));
  run.out.push(picked.map((l) => `${l}\n`).join(''));
  return 0;
}
