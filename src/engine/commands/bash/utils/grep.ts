// GNU grep: basic regular expressions by default, -E extended, -F fixed strings; -i -v -c -n -w
// -x -o -q -l -h, -e PATTERN, -A/-B/-C context. Exit 0 when a line was selected, 1 when none, 2 on
// an error, as grep documents.
import { lineFilter, withOperands, type Utility } from './filter';
import { breToJs, ereToJs } from './regex';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const VALUE_FLAGS = new Set(['e', 'A', 'B', 'C', 'm']);
const BOOLEAN_FLAGS = new Set(['i', 'v', 'c', 'n', 'w', 'x', 'o', 'q', 's', 'l', 'h', 'H', 'E', 'F', 'G', 'y']);

interface Options {
  flags: Set<string>;
  patterns: string[];
  after: number;
  before: number;
  max: number;
  files: string[];
}

export const grep: Utility = (args, io) => {
  const options = parseOptions(args);
  if (typeof options === 'string') return { error: options, status: 2 };
  const { flags } = options;
  let regex: RegExp;
  try {
    regex = compile(options.patterns, flags);
  } catch {
    return { error: 'grep: Unmatched ( or \\(\n', status: 2 };
  }
  let count = 0;
  let lineNumber = 0;
  let afterLeft = 0;
  let lastPrinted = 0;
  const before: Array<{ n: number; text: string }> = [];
  const print = (n: number, text: string, sep: string) => {
    if (lastPrinted > 0 && n > lastPrinted + 1 && (options.after > 0 || options.before > 0)) io.out('--\n');
    io.out(`${flags.has('n') ? `${n}${sep}` : ''}${text}\n`);
    lastPrinted = n;
  };
  const core = lineFilter(
    (text) => {
      lineNumber++;
      if (count >= options.max) return;
      regex.lastIndex = 0;
      const selected = regex.test(text) !== flags.has('v');
      const quiet = flags.has('q') || flags.has('c') || flags.has('l');
      if (!selected) {
        if (afterLeft > 0 && !quiet) {
          afterLeft--;
          print(lineNumber, text, '-');
        } else if (options.before > 0) {
          before.push({ n: lineNumber, text });
          if (before.length > options.before) before.shift();
        }
        return;
      }
      count++;
      if (quiet) return;
      for (const b of before.splice(0)) print(b.n, b.text, '-');
      if (flags.has('o') && !flags.has('v')) {
        regex.lastIndex = 0;
        for (const m of text.matchAll(new RegExp(regex.source, `${regex.flags.replace('g', '')}g`))) if (m[0] !== '') io.out(`${flags.has('n') ? `${lineNumber}:` : ''}${m[0]}\n`);
        lastPrinted = lineNumber;
      } else print(lineNumber, text, ':');
      afterLeft = options.after;
    },
    () => {
      if (flags.has('c')) io.out(`${count}\n`);
      else if (flags.has('l') && count > 0) io.out('(standard input)\n');
      return count > 0 ? 0 : 1;
    },
  );
  return withOperands('grep', options.files, io, core, 2);
};

function parseOptions(args: string[]): Options | string {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const operands: string[] = [];
  let after = 0;
  let before = 0;
  let max = Infinity;
  const setValue = (flag: string, value: string | undefined): string | undefined => {
    if (value === undefined) return `grep: option requires an argument -- '${flag}'\n${USAGE}`;
    if (flag === 'e') patterns.push(value);
    else {
      if (!/^\d+$/.test(value)) return `grep: ${value}: invalid ${flag === 'm' ? 'max count' : 'context length argument'}\n`;
      if (flag === 'A' || flag === 'C') after = Number(value);
      if (flag === 'B' || flag === 'C') before = Number(value);
      if (flag === 'm') max = Number(value);
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split(/=(.*)/s, 2);
      const long: Record<string, string> = { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', quiet: 'q', silent: 'q', 'extended-regexp': 'E', 'fixed-strings': 'F', regexp: 'e', 'files-with-matches': 'l', 'no-filename': 'h' };
      if (name === 'color' || name === 'colour') continue;
      const flag = long[name];
      if (!flag) return `grep: unrecognized option '${arg}'\n${USAGE}`;
      if (flag === 'e') {
        const error = setValue('e', value ?? args[++i]);
        if (error) return error;
      } else flags.add(flag);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d+$/.test(arg)) {
      for (let j = 1; j < arg.length; j++) {
        const flag = arg[j];
        if (VALUE_FLAGS.has(flag)) {
          const error = setValue(flag, j + 1 < arg.length ? arg.slice(j + 1) : args[++i]);
          if (error) return error;
          break;
        }
        if (!BOOLEAN_FLAGS.has(flag)) return `grep: invalid option -- '${flag}'\n${USAGE}`;
        flags.add(flag === 'y' ? 'i' : flag);
      }
      continue;
    }
    if (/^-\d+$/.test(arg)) {
      after = before = Number(arg.slice(1));
      continue;
    }
    operands.push(arg);
  }
  if (patterns.length === 0) {
    const pattern = operands.shift();
    if (pattern === undefined) return USAGE;
    patterns.push(...pattern.split('\n'));
  }
  return { flags, patterns, after, before, max, files: operands };
}

/** compile turns grep patterns into one JavaScript regular expression. */
function compile(patterns: string[], flags: Set<string>): RegExp {
  const sources = patterns.map((p) => (flags.has('F') ? escapeRegExp(p) : flags.has('E') ? ereToJs(p) : breToJs(p)));
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (flags.has('x')) source = `^(?:${source})$`;
  else if (flags.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`;
  return new RegExp(source, flags.has('i') ? 'i' : '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
