// GNU sed, the subset manifests get edited with on a node that has no editor at hand
// (`sed -i 's#/var/lib/etcd#/var/lib/etcd-restore#' /etc/kubernetes/manifests/etcd.yaml`):
// -n, -e, -E/-r, -i[SUFFIX]; addresses N, $, /RE/, ranges and `!`; commands s (flags g, p, N,
// i/I), d, p, q, =, a, i, c, y. Messages and exit statuses as GNU sed 4.9 gives them.
import { lineFilter, type Filter, type FilterIO, type Utility } from './filter';
import { parseScript, SedError, type Address, type Command } from './sedScript';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n';

interface Options {
  quiet: boolean;
  extended: boolean;
  inPlace: string | undefined;
  scripts: string[];
  files: string[];
}

export const sed: Utility = (args, io) => {
  const options = parseOptions(args);
  if (typeof options === 'string') return { error: options, status: 1 };
  let commands: Command[];
  try {
    commands = parseScript(options.scripts.join('\n'), options.extended);
  } catch (e) {
    if (e instanceof SedError) return { error: `sed: -e expression #1, char ${e.char}: ${e.message}\n`, status: 1 };
    throw e;
  }
  if (options.inPlace !== undefined) return inPlace(options, commands, io);
  const run = new Run(commands, options.quiet, io.out);
  const stdin = lineFilter((line) => run.push(line), () => run.finish());
  if (options.files.length === 0) return stdin;
  return {
    write() {},
    end() {
      let failed = false;
      for (const file of options.files) {
        const content = read(file, io);
        if (content === undefined) failed = true;
        else for (const line of linesOf(content)) run.push(line);
      }
      const status = run.finish();
      return failed ? 2 : status;
    },
  };
};

/** inPlace edits each file on its own (-i implies -s) and writes the result back. */
function inPlace(options: Options, commands: Command[], io: FilterIO): Filter {
  return {
    write() {},
    end() {
      if (options.files.length === 0) {
        io.err('sed: no input files\n');
        return 1;
      }
      let status = 0;
      for (const file of options.files) {
        const content = read(file, io);
        if (content === undefined) {
          status = 2;
          continue;
        }
        let output = '';
        const run = new Run(commands, options.quiet, (text) => (output += text));
        for (const line of linesOf(content)) run.push(line);
        const code = run.finish();
        if (options.inPlace) io.writeFile?.(`${file}${options.inPlace}`, content);
        if (!io.writeFile?.(file, output)) {
          io.err(`sed: couldn't open temporary file ${file.replace(/[^/]*$/, '')}sedXXXXXX: No such file or directory\n`);
          return 4;
        }
        if (code !== 0) return code;
      }
      return status;
    },
  };
}

function read(file: string, io: FilterIO): string | undefined {
  const content = io.readFile(file);
  if (content === null) io.err(`sed: couldn't edit ${file}: not a regular file\n`);
  else if (content === undefined) io.err(`sed: can't read ${file}: No such file or directory\n`);
  return content ?? undefined;
}

/** linesOf splits a file; the last line keeps a mark when it had no newline (sed preserves that). */
function linesOf(content: string): string[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

const NO_NEWLINE = '\u0000';

/**
 * Run executes a script over a stream of lines. One line is held back, so `$` knows the last
 * line; `q` stops the input.
 */
class Run {
  private held: string | undefined;
  private lineNumber = 0;
  private quit: number | undefined;
  /** rangeEnd: the ranges open now, with the line number that ends them (undefined: a regex or `$` does). */
  private readonly rangeEnd = new Map<Command, number | undefined>();
  private lastRegex: RegExp | undefined;

  constructor(private readonly commands: Command[], private readonly quiet: boolean, private readonly out: (text: string) => void) {}

  push(line: string): void {
    if (this.held !== undefined) this.cycle(this.held, false);
    this.held = line;
  }

  finish(): number {
    if (this.held !== undefined) this.cycle(this.held, true);
    this.held = undefined;
    return this.quit ?? 0;
  }

  private cycle(raw: string, last: boolean): void {
    if (this.quit !== undefined) return;
    this.lineNumber++;
    const newline = raw.endsWith(NO_NEWLINE) ? '' : '\n';
    let space = newline ? raw : raw.slice(0, -1);
    const appended: string[] = [];
    let print = !this.quiet;
    for (const command of this.commands) {
      if (!this.selects(command, space, last)) continue;
      switch (command.name) {
        case 's': {
          const replaced = substitute(space, command.regex ?? this.lastRegex, command);
          if (command.regex) this.lastRegex = command.regex;
          if (replaced !== undefined) {
            space = replaced;
            if (command.print) this.out(`${space}\n`);
          }
          break;
        }
        case 'y':
          space = [...space].map((c) => command.map?.get(c) ?? c).join('');
          break;
        case 'p':
          this.out(`${space}\n`);
          break;
        case '=':
          this.out(`${this.lineNumber}\n`);
          break;
        case 'i':
          this.out(`${command.text}\n`);
          break;
        case 'a':
          appended.push(`${command.text}\n`);
          break;
        case 'c':
          // A range is changed as a whole: the text comes once, at its end.
          if (!command.address2 || !this.rangeEnd.has(command)) this.out(`${command.text}\n`);
          print = false;
          break;
        case 'd':
          print = false;
          break;
        case 'q':
          this.quit = command.exitCode ?? 0;
          break;
      }
      if (command.name === 'd' || command.name === 'c' || command.name === 'q') break;
    }
    if (print) this.out(`${space}${newline}`);
    for (const text of appended) this.out(text);
  }

  /** selects: the command's address (or range) matches this line, negated by `!`. */
  private selects(command: Command, space: string, last: boolean): boolean {
    const { address1, address2 } = command;
    let hit: boolean;
    if (!address1) hit = true;
    else if (!address2) hit = this.matches(address1, space, last);
    else if (this.rangeEnd.has(command)) {
      // A range ends at a line number reached or passed, or at the next line matching its end.
      const end = this.rangeEnd.get(command);
      const ends = end !== undefined ? this.lineNumber >= end : this.matches(address2, space, last);
      if (ends) this.rangeEnd.delete(command);
      hit = true;
    } else if (this.matches(address1, space, last)) {
      const end = address2.kind === 'line' ? address2.line : address2.kind === 'more' ? this.lineNumber + address2.count : undefined;
      if (end === undefined || end > this.lineNumber) this.rangeEnd.set(command, end);
      hit = true;
    } else hit = false;
    return hit !== command.negate;
  }

  private matches(address: Address, space: string, last: boolean): boolean {
    if (address.kind === 'line') return this.lineNumber === address.line;
    if (address.kind === 'step') return address.step <= 0 ? this.lineNumber === address.first : this.lineNumber >= address.first && (this.lineNumber - address.first) % address.step === 0;
    if (address.kind === 'last') return last;
    if (address.kind === 'more') return false;
    const regex = address.regex ?? this.lastRegex;
    if (address.regex) this.lastRegex = address.regex;
    return regex ? regex.test(space) : false;
  }
}

/** substitute applies an s command; undefined when nothing was replaced. */
function substitute(space: string, regex: RegExp | undefined, command: Command): string | undefined {
  if (!regex) return undefined;
  const global = new RegExp(regex.source, `g${regex.flags.replace('g', '')}`);
  let count = 0;
  let replaced = false;
  const result = space.replace(global, (match: string, ...rest: unknown[]) => {
    count++;
    const wanted = command.occurrence ?? 1;
    if (count < wanted || (!command.global && count > wanted)) return match;
    replaced = true;
    const groups = rest.slice(0, -2) as Array<string | undefined>;
    return expandReplacement(command.replacement ?? '', match, groups);
  });
  return replaced ? result : undefined;
}

/** expandReplacement: `&` is the match, `\1`…`\9` its groups, `\n` a newline, `\&` a literal &. */
function expandReplacement(replacement: string, match: string, groups: Array<string | undefined>): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '&') out += match;
    else if (c === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i];
      if (/[1-9]/.test(next)) out += groups[Number(next) - 1] ?? '';
      else out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else out += c;
  }
  return out;
}

function parseOptions(args: string[]): Options | string {
  const options: Options = { quiet: false, extended: false, inPlace: undefined, scripts: [], files: [] };
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-n' || arg === '--quiet' || arg === '--silent') options.quiet = true;
    else if (arg === '-E' || arg === '-r' || arg === '--regexp-extended') options.extended = true;
    else if (arg === '-e' || arg === '--expression') {
      if (args[i + 1] === undefined) return `sed: option requires an argument -- 'e'\n${USAGE}`;
      options.scripts.push(args[++i]);
    } else if (arg.startsWith('--expression=')) options.scripts.push(arg.slice('--expression='.length));
    else if (arg.startsWith('-i') || arg.startsWith('--in-place')) options.inPlace = arg.startsWith('-i') ? arg.slice(2) : arg.slice('--in-place='.length);
    else if (/^-[nErs]+$/.test(arg)) {
      // Clustered flags: -ne, -nE; a trailing e takes the next word as a script.
      if (arg.includes('n')) options.quiet = true;
      if (/[Er]/.test(arg)) options.extended = true;
    } else if (/^-[nErs]*e$/.test(arg)) {
      if (arg.includes('n')) options.quiet = true;
      if (/[Er]/.test(arg)) options.extended = true;
      options.scripts.push(args[++i] ?? '');
    } else if (arg.startsWith('-') && arg !== '-') return `sed: invalid option -- '${arg.slice(1, 2) === '-' ? arg : arg[1]}'\n${USAGE}`;
    else operands.push(arg);
  }
  if (options.scripts.length === 0) {
    const script = operands.shift();
    if (script === undefined) return USAGE;
    options.scripts.push(script);
  }
  options.files = operands;
  return options;
}
