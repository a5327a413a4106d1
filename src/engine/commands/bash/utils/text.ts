// GNU coreutils that reshape text: cut (-d -f, -c), tr (sets with ranges and escapes, -d, -s),
// base64 (encode wrapped at 76 columns or -w; -d decodes, "invalid input" on bad data).
import { lineFilter, wholeFilter, withOperands, type Utility } from './filter';

export const cut: Utility = (args, io) => {
  let delimiter = '\t';
  let list: string | undefined;
  let chars = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const flag = /^-([dfc])/.exec(arg)?.[1];
    if (!flag) {
      files.push(arg);
      continue;
    }
    const value = arg.length > 2 ? arg.slice(2) : args[++i];
    if (value === undefined) return { error: `cut: option requires an argument -- '${flag}'\nTry 'cut --help' for more information.\n`, status: 1 };
    if (flag === 'd') delimiter = value;
    else list = value;
    chars ||= flag === 'c';
  }
  if (list === undefined) return { error: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", status: 1 };
  if (delimiter.length !== 1) return { error: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", status: 1 };
  const ranges = parseList(list);
  if (!ranges) return { error: `cut: invalid field value ‘${list}’\nTry 'cut --help' for more information.\n`, status: 1 };
  const pick = (n: number) => ranges.some(([from, to]) => n >= from && n <= to);
  return withOperands('cut', files, io, lineFilter((line) => {
    if (chars) io.out(`${[...line].filter((_, i) => pick(i + 1)).join('')}\n`);
    // A line without the delimiter is printed whole (cut's default without -s).
    else if (!line.includes(delimiter)) io.out(`${line}\n`);
    else io.out(`${line.split(delimiter).filter((_, i) => pick(i + 1)).join(delimiter)}\n`);
  }, () => 0));
};

/** parseList reads `1`, `1,3`, `2-4`, `3-`, `-2`. */
function parseList(list: string): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return undefined;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    out.push([from, to]);
  }
  return out;
}

export const tr: Utility = (args, io) => {
  const flags = new Set<string>();
  const sets: string[] = [];
  for (const arg of args) {
    if (/^-[cdst]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
    else sets.push(arg);
  }
  const from = expandSet(sets[0] ?? '');
  if (sets.length === 0) return { error: "tr: missing operand\nTry 'tr --help' for more information.\n", status: 1 };
  if (!flags.has('d') && !flags.has('s') && sets.length < 2) return { error: `tr: missing operand after ‘${sets[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`, status: 1 };
  const to = expandSet(sets[1] ?? '');
  return wholeFilter((text) => {
    let out = '';
    let last = '';
    for (const c of text) {
      const index = from.indexOf(c);
      if (flags.has('d') && index >= 0) continue;
      const mapped = !flags.has('d') && index >= 0 && to.length > 0 ? to[Math.min(index, to.length - 1)] : c;
      if (flags.has('s') && mapped === last && (to.length > 0 ? to : from).includes(mapped)) continue;
      out += mapped;
      last = mapped;
    }
    io.out(out);
    return 0;
  });
};

/** expandSet: tr's escapes (\n \t \\) and ranges (a-z), and the [:upper:]-style classes. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = { '[:upper:]': 'A-Z', '[:lower:]': 'a-z', '[:digit:]': '0-9', '[:space:]': ' \\t\\n', '[:alpha:]': 'A-Za-z', '[:alnum:]': 'A-Za-z0-9' };
  const source = set.replace(/\[:\w+:\]/g, (m) => classes[m] ?? m);
  const chars: string[] = [];
  for (let i = 0; i < source.length; i++) {
    let c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const n = source[++i];
      c = n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
    }
    if (source[i + 1] === '-' && i + 2 < source.length) {
      const end = source[i + 2];
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(c);
  }
  return chars;
}

export const base64: Utility = (args, io) => {
  const decode = args.some((a) => a === '-d' || a === '--decode' || /^-\w*d/.test(a));
  const wrapArg = args.find((a) => /^(-w|--wrap=)/.test(a));
  const wrapIndex = args.indexOf('-w');
  const wrap = wrapArg === undefined ? 76 : Number(wrapArg === '-w' ? args[wrapIndex + 1] : wrapArg.replace(/^(-w|--wrap=)/, ''));
  const files = args.filter((a, i) => !a.startsWith('-') && !(wrapIndex >= 0 && i === wrapIndex + 1));
  return withOperands('base64', files, io, wholeFilter((text) => {
    const bytes = new TextEncoder().encode(text);
    if (!decode) {
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      const encoded = btoa(binary);
      const lines = wrap > 0 ? (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [encoded];
      io.out(encoded === '' ? '' : `${lines.join('\n')}\n`);
      return 0;
    }
    const clean = text.replace(/\n/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
      io.err('base64: invalid input\n');
      return 1;
    }
    const binary = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
    io.out(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    return 0;
  }));
};
