// GNU coreutils that pick or count lines: cat, head, tail, wc, sort, uniq. Option parsing covers
// what tutorials write (`head -n 5`, `head -3`, `tail -n +2`, `wc -l`, `sort -k2 -n -r`, `uniq -c`).
import { lineFilter, numberArg, splitLines, wholeFilter, withOperands, type FilterIO, type Utility } from './filter';

const tryHelp = (name: string) => `Try '${name} --help' for more information.\n`;

/** splitFlags separates `-n 5`, `-n5`, `--lines=5` style options from operands. */
function options(name: string, args: string[], valued: string, boolean: string): { values: Map<string, string>; flags: Set<string>; files: string[] } | string {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (/^-\d+$/.test(arg) && (name === 'head' || name === 'tail')) values.set('n', arg.slice(1));
    else if (/^--lines=/.test(arg)) values.set('n', arg.slice(8));
    else if (arg.startsWith('-') && arg.length > 1 && !arg.startsWith('--')) {
      for (let j = 1; j < arg.length; j++) {
        const f = arg[j];
        if (valued.includes(f)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return `${name}: option requires an argument -- '${f}'\n${tryHelp(name)}`;
          values.set(f, value);
          break;
        }
        if (!boolean.includes(f)) return `${name}: invalid option -- '${f}'\n${tryHelp(name)}`;
        flags.add(f);
      }
    } else if (arg.startsWith('--') && arg !== '--') return `${name}: unrecognized option '${arg}'\n${tryHelp(name)}`;
    else if (arg !== '--') files.push(arg);
  }
  return { values, flags, files };
}

export const cat: Utility = (args, io) => {
  const parsed = options('cat', args, '', 'nAvetTsu');
  if (typeof parsed === 'string') return { error: parsed, status: 1 };
  let n = 0;
  const number = parsed.flags.has('n');
  const core = number ? lineFilter((line) => io.out(`${String(++n).padStart(6)}\t${line}\n`), () => 0) : { write: (t: string) => io.out(t), end: () => 0 };
  return withOperands('cat', parsed.files, io, core);
};

export const head: Utility = (args, io) => {
  const parsed = options('head', args, 'nc', 'qv');
  if (typeof parsed === 'string') return { error: parsed, status: 1 };
  const raw = parsed.values.get('n') ?? '10';
  const count = numberArg(raw);
  if (Number.isNaN(count)) return { error: `head: invalid number of lines: ‘${raw}’\n`, status: 1 };
  if (count < 0) return withOperands('head', parsed.files, io, wholeFilter((text) => emit(io, splitLines(text).slice(0, count))));
  let printed = 0;
  return withOperands('head', parsed.files, io, lineFilter((line) => {
    if (printed++ < count) io.out(`${line}\n`);
  }, () => 0));
};

export const tail: Utility = (args, io) => {
  const parsed = options('tail', args, 'nc', 'qvf');
  if (typeof parsed === 'string') return { error: parsed, status: 1 };
  const raw = parsed.values.get('n') ?? '10';
  const count = numberArg(raw.replace(/^\+/, ''));
  if (Number.isNaN(count)) return { error: `tail: invalid number of lines: ‘${raw}’\n`, status: 1 };
  // +N starts at line N; N (or -N) keeps the last N.
  return withOperands('tail', parsed.files, io, wholeFilter((text) => {
    const lines = splitLines(text);
    return emit(io, raw.startsWith('+') ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-Math.abs(count)));
  }));
};

export const wc: Utility = (args, io) => {
  const parsed = options('wc', args, '', 'lwcm');
  if (typeof parsed === 'string') return { error: parsed, status: 1 };
  const chosen = parsed.flags.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'm', 'c'].filter((f) => parsed.flags.has(f));
  return withOperands('wc', parsed.files, io, wholeFilter((text) => {
    const counts: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: new TextEncoder().encode(text).length,
      m: [...text].length,
    };
    // GNU wc pads each count to 7 columns when it prints several counts of a pipe.
    const cells = chosen.map((f) => String(counts[f]));
    io.out(`${cells.length === 1 ? cells[0] : cells.map((c) => c.padStart(7)).join(' ')}\n`);
    return 0;
  }));
};

export const sort: Utility = (args, io) => {
  const parsed = options('sort', args, 'kt', 'rnuhfb');
  if (typeof parsed === 'string') return { error: parsed, status: 2 };
  const { flags, values } = parsed;
  const separator = values.get('t');
  const keyField = values.has('k') ? Number.parseInt(values.get('k')!, 10) : 0;
  if (Number.isNaN(keyField) || keyField < 0) return { error: `sort: invalid number at field start: invalid count at start of ‘${values.get('k')}’\n`, status: 2 };
  const key = (line: string) => {
    if (keyField === 0) return line;
    const fields = separator !== undefined ? line.split(separator) : line.trim().split(/\s+/);
    return fields.slice(keyField - 1).join(separator ?? ' ');
  };
  return withOperands('sort', parsed.files, io, wholeFilter((text) => {
    const numeric = flags.has('n') || flags.has('h');
    const fold = flags.has('f');
    const compare = (a: string, b: string): number => {
      const ka = key(a);
      const kb = key(b);
      if (numeric) {
        const d = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
        if (d !== 0) return d;
      } else {
        const ca = fold ? ka.toUpperCase() : ka;
        const cb = fold ? kb.toUpperCase() : kb;
        if (ca !== cb) return ca < cb ? -1 : 1;
      }
      return a < b ? -1 : a > b ? 1 : 0;
    };
    let lines = splitLines(text).sort(compare);
    if (flags.has('r')) lines.reverse();
    if (flags.has('u')) lines = lines.filter((line, i) => i === 0 || compare(line, lines[i - 1]) !== 0);
    return emit(io, lines);
  }));
};

export const uniq: Utility = (args, io) => {
  const parsed = options('uniq', args, '', 'cdui');
  if (typeof parsed === 'string') return { error: parsed, status: 1 };
  const { flags } = parsed;
  return withOperands('uniq', parsed.files.slice(0, 1), io, wholeFilter((text) => {
    const groups: Array<{ line: string; count: number }> = [];
    for (const line of splitLines(text)) {
      const last = groups[groups.length - 1];
      const same = last && (flags.has('i') ? last.line.toLowerCase() === line.toLowerCase() : last.line === line);
      if (same) last.count++;
      else groups.push({ line, count: 1 });
    }
    const kept = groups.filter((g) => (flags.has('d') ? g.count > 1 : flags.has('u') ? g.count === 1 : true));
    return emit(io, kept.map((g) => (flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}` : g.line)));
  }));
};

function emit(io: FilterIO, lines: string[]): number {
  io.out(lines.map((l) => `${l}\n`).join(''));
  return 0;
}
