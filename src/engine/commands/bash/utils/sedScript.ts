// Parsing a sed script into commands: addresses, then one command letter with its arguments.
// Errors carry the character position and GNU sed's wording (`unterminated `s' command`).
import { breToJs, ereToJs } from './regex';

/** Address: a line, `first~step` (GNU), the last line, a regex; `+N` only ends a range (GNU: N more lines). */
export type Address = { kind: 'line'; line: number } | { kind: 'step'; first: number; step: number } | { kind: 'last' } | { kind: 'regex'; regex: RegExp | undefined } | { kind: 'more'; count: number };

export interface Command {
  address1?: Address;
  address2?: Address;
  negate: boolean;
  name: 's' | 'y' | 'p' | 'd' | 'q' | '=' | 'a' | 'i' | 'c';
  /** s: the pattern (undefined: the last one used), the replacement and flags. */
  regex?: RegExp;
  replacement?: string;
  global?: boolean;
  print?: boolean;
  occurrence?: number;
  /** y: the character map. */
  map?: Map<string, string>;
  /** a, i, c: the text. */
  text?: string;
  /** q: the exit status. */
  exitCode?: number;
}

export class SedError extends Error {
  constructor(message: string, readonly char: number) {
    super(message);
  }
}

export function parseScript(script: string, extended: boolean): Command[] {
  return new ScriptParser(script, extended).parse();
}

class ScriptParser {
  private i = 0;

  constructor(private readonly s: string, private readonly extended: boolean) {}

  parse(): Command[] {
    const commands: Command[] = [];
    for (;;) {
      this.skip(/[\s;]/);
      if (this.i >= this.s.length) return commands;
      commands.push(this.command());
    }
  }

  private command(): Command {
    const address1 = this.address();
    let address2: Address | undefined;
    if (address1 && this.s[this.i] === ',') {
      this.i++;
      address2 = this.address(true);
      if (!address2) throw new SedError('unexpected `,\'', this.i);
    }
    this.skip(/[ \t]/);
    let negate = false;
    while (this.s[this.i] === '!') {
      negate = true;
      this.i++;
      this.skip(/[ \t]/);
    }
    const letter = this.s[this.i++];
    if (letter === undefined) throw new SedError('missing command', this.i);
    const base = { ...(address1 ? { address1 } : {}), ...(address2 ? { address2 } : {}), negate };
    switch (letter) {
      case 's':
        return { ...base, name: 's', ...this.substitution() };
      case 'y':
        return { ...base, name: 'y', map: this.transliteration() };
      case 'p':
      case 'd':
      case '=':
        this.end();
        return { ...base, name: letter };
      case 'q': {
        this.skip(/[ \t]/);
        const digits = this.digits();
        this.end();
        return { ...base, name: 'q', exitCode: digits ? Number(digits) : 0 };
      }
      case 'a':
      case 'i':
      case 'c':
        return { ...base, name: letter, text: this.text() };
      default:
        throw new SedError(`unknown command: \`${letter}'`, this.i);
    }
  }

  private address(second = false): Address | undefined {
    const c = this.s[this.i];
    if (c === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (second && c === '+') {
      this.i++;
      return { kind: 'more', count: Number(this.digits() ?? '0') };
    }
    const digits = this.digits();
    if (digits) {
      if (this.s[this.i] === '~') {
        this.i++;
        return { kind: 'step', first: Number(digits), step: Number(this.digits() ?? '0') };
      }
      if (Number(digits) === 0) throw new SedError('invalid usage of line address 0', this.i);
      return { kind: 'line', line: Number(digits) };
    }
    if (c === '/' || c === '\\') {
      const delimiter = c === '\\' ? this.s[++this.i] : '/';
      this.i++;
      const pattern = this.until(delimiter, 'unterminated address regex');
      const flags = this.s[this.i] === 'I' ? (this.i++, 'i') : '';
      return { kind: 'regex', regex: pattern === '' ? undefined : this.compile(pattern, flags) };
    }
    return undefined;
  }

  private substitution(): Pick<Command, 'regex' | 'replacement' | 'global' | 'print' | 'occurrence'> {
    const delimiter = this.s[this.i++];
    if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') throw new SedError("unterminated `s' command", this.i);
    const pattern = this.until(delimiter, "unterminated `s' command");
    const replacement = this.until(delimiter, "unterminated `s' command", true);
    let global = false;
    let print = false;
    let occurrence: number | undefined;
    let flags = '';
    for (;;) {
      const f = this.s[this.i];
      if (f === 'g') global = true;
      else if (f === 'p') print = true;
      else if (f === 'i' || f === 'I') flags = 'i';
      else if (f !== undefined && /\d/.test(f)) {
        const digits = /^\d+/.exec(this.s.slice(this.i))![0];
        occurrence = Number(digits);
        this.i += digits.length - 1;
      } else break;
      this.i++;
    }
    const c = this.s[this.i];
    if (c !== undefined && !/[\s;}]/.test(c)) throw new SedError("unknown option to `s'", this.i + 1);
    this.end();
    return { ...(pattern === '' ? {} : { regex: this.compile(pattern, flags) }), replacement, global, print, ...(occurrence ? { occurrence } : {}) };
  }

  private transliteration(): Map<string, string> {
    const delimiter = this.s[this.i++];
    const source = this.until(delimiter, "unterminated `y' command");
    const target = this.until(delimiter, "unterminated `y' command");
    if ([...source].length !== [...target].length) throw new SedError("strings for `y' command are different lengths", this.i);
    this.end();
    const to = [...target];
    return new Map([...source].map((c, k) => [c, to[k]]));
  }

  /** text reads a/i/c's text: GNU's one-line form `a text`, or `a\` and the next line. */
  private text(): string {
    if (this.s[this.i] === '\\') {
      this.i++;
      if (this.s[this.i] === '\n') this.i++;
    } else this.skip(/[ \t]/);
    const nl = this.s.indexOf('\n', this.i);
    const text = this.s.slice(this.i, nl < 0 ? this.s.length : nl);
    this.i = nl < 0 ? this.s.length : nl;
    return text.replace(/\\(.)/g, '$1');
  }

  /** until reads to an unescaped delimiter; `\delimiter` stands for the delimiter itself. */
  private until(delimiter: string, error: string, keepEscapes = false): string {
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === delimiter) return out;
      if (c === '\\' && this.i < this.s.length) {
        const next = this.s[this.i++];
        out += next === delimiter && (!keepEscapes || delimiter !== '&') ? next : `\\${next}`;
      } else if (c === '\n' && !keepEscapes) throw new SedError(error, this.i);
      else out += c;
    }
    throw new SedError(error, this.i);
  }

  /** end: after a command only spaces, `;`, a newline or the end may follow. */
  private end(): void {
    this.skip(/[ \t]/);
    const c = this.s[this.i];
    if (c !== undefined && c !== ';' && c !== '\n' && c !== '}') throw new SedError('extra characters after command', this.i + 1);
  }

  private digits(): string | undefined {
    const digits = /^\d+/.exec(this.s.slice(this.i))?.[0];
    this.i += digits?.length ?? 0;
    return digits;
  }

  private skip(chars: RegExp): void {
    while (this.i < this.s.length && chars.test(this.s[this.i])) this.i++;
  }

  private compile(pattern: string, flags: string): RegExp {
    try {
      return new RegExp(this.extended ? ereToJs(pattern) : breToJs(pattern), flags);
    } catch {
      throw new SedError('Unmatched ( or \\(', this.i);
    }
  }
}
