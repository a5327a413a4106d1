// awk, the part one-liners use on kubectl output: rules `pattern { action }` with BEGIN/END,
// patterns /regex/, !/regex/ and comparisons (NR>1, $3=="Running", $1 ~ /web/), actions print
// and printf over fields ($1, $NF, $(NF-1)), NR, NF, strings and numbers, joined by juxtaposition.
// Debian's awk is mawk, so errors read as mawk's.
import { lineFilter, withOperands, type Utility } from './filter';

type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'field'; index: Expr }
  | { t: 'var'; name: string }
  | { t: 'regex'; re: RegExp }
  | { t: 'not'; e: Expr }
  | { t: 'bin'; op: string; l: Expr; r: Expr }
  | { t: 'concat'; parts: Expr[] };

type Statement = { kind: 'print'; args: Expr[] } | { kind: 'printf'; args: Expr[] };
interface Rule {
  pattern: Expr | 'BEGIN' | 'END' | undefined;
  action: Statement[] | undefined;
}

class AwkSyntaxError extends Error {}

export const awk: Utility = (args, io) => {
  let separator: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-F') separator = args[++i];
    else if (args[i].startsWith('-F')) separator = args[i].slice(2);
    else rest.push(args[i]);
  }
  const [source, ...files] = rest;
  if (source === undefined) return { error: 'usage: mawk [-F value] [-v var=value] [--] \'program text\' [file ...]\n', status: 2 };
  let rules: Rule[];
  try {
    rules = new AwkParser(source).program();
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    return { error: `awk: line 1: syntax error at or near ${e.message}\n`, status: 2 };
  }
  const split = separator === undefined || separator === ' ' ? (line: string) => line.trim().split(/[ \t]+/).filter(Boolean) : (line: string) => line.split(separator === '\\t' ? '\t' : separator!);
  const state = { nr: 0, fields: [] as string[], line: '' };
  const run = (phase: 'BEGIN' | 'END' | 'line') => {
    for (const rule of rules) {
      if (phase !== 'line' ? rule.pattern !== phase : rule.pattern === 'BEGIN' || rule.pattern === 'END') continue;
      if (phase === 'line' && rule.pattern !== undefined && !truthy(evaluate(rule.pattern as Expr, state))) continue;
      for (const statement of rule.action ?? [{ kind: 'print', args: [] }]) {
        const values = statement.args.map((a) => evaluate(a, state));
        if (statement.kind === 'print') io.out(`${(values.length === 0 ? [state.line] : values.map(toText)).join(' ')}\n`);
        else io.out(printf(toText(values[0] ?? ''), values.slice(1)));
      }
    }
  };
  run('BEGIN');
  const core = lineFilter(
    (line) => {
      state.nr++;
      state.line = line;
      state.fields = split(line);
      run('line');
    },
    () => {
      run('END');
      return 0;
    },
  );
  return withOperands('awk', files, io, core, 2);
};

type Value = string | number;

function evaluate(e: Expr, s: { nr: number; fields: string[]; line: string }): Value {
  switch (e.t) {
    case 'num':
    case 'str':
      return e.v;
    case 'field': {
      const i = Math.trunc(Number(evaluate(e.index, s)));
      return i === 0 ? s.line : (s.fields[i - 1] ?? '');
    }
    case 'var':
      return e.name === 'NR' ? s.nr : e.name === 'NF' ? s.fields.length : '';
    case 'regex':
      return e.re.test(s.line) ? 1 : 0;
    case 'not':
      return truthy(evaluate(e.e, s)) ? 0 : 1;
    case 'concat':
      return e.parts.map((p) => toText(evaluate(p, s))).join('');
    case 'bin': {
      if (e.op === '~' || e.op === '!~') {
        const re = e.r.t === 'regex' ? e.r.re : new RegExp(toText(evaluate(e.r, s)));
        return re.test(toText(evaluate(e.l, s))) === (e.op === '~') ? 1 : 0;
      }
      if (e.op === '&&') return truthy(evaluate(e.l, s)) && truthy(evaluate(e.r, s)) ? 1 : 0;
      if (e.op === '||') return truthy(evaluate(e.l, s)) || truthy(evaluate(e.r, s)) ? 1 : 0;
      const l = evaluate(e.l, s);
      const r = evaluate(e.r, s);
      if ('+-*/%'.includes(e.op)) {
        const a = Number(l) || 0;
        const b = Number(r) || 0;
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? a / b : a % b;
      }
      // Fields that look numeric compare as numbers (awk's strnum rule), others as strings.
      const numeric = looksNumeric(l) && looksNumeric(r);
      const a = numeric ? Number(l) : toText(l);
      const b = numeric ? Number(r) : toText(r);
      const c = a < b ? -1 : a > b ? 1 : 0;
      return ({ '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '==': c === 0, '!=': c !== 0 } as Record<string, boolean>)[e.op] ? 1 : 0;
    }
  }
}

const looksNumeric = (v: Value) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
const truthy = (v: Value) => (typeof v === 'number' ? v !== 0 : v !== '');
const toText = (v: Value) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);

/** printf: %s %d %i %f %x with width and `-`, plus \n \t escapes (already unescaped in strings). */
function printf(format: string, values: Value[]): string {
  let i = 0;
  return format.replace(/%(-?)(\d*)(?:\.(\d+))?([sdifx%])/g, (_m, left: string, width: string, precision: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const v = values[i++] ?? '';
    let text = conv === 's' ? toText(v) : conv === 'f' ? (Number(v) || 0).toFixed(precision ? Number(precision) : 6) : conv === 'x' ? Math.trunc(Number(v) || 0).toString(16) : String(Math.trunc(Number(v) || 0));
    if (conv === 's' && precision) text = text.slice(0, Number(precision));
    const w = Number(width || 0);
    return left ? text.padEnd(w) : text.padStart(w);
  });
}

class AwkParser {
  private i = 0;
  constructor(private readonly s: string) {}

  program(): Rule[] {
    const rules: Rule[] = [];
    for (this.blank(true); this.i < this.s.length; this.blank(true)) {
      let pattern: Rule['pattern'];
      if (this.word('BEGIN')) pattern = 'BEGIN';
      else if (this.word('END')) pattern = 'END';
      else if (this.peek() !== '{') pattern = this.expr();
      this.blank(false);
      const action = this.peek() === '{' ? this.action() : undefined;
      if (!action && (pattern === 'BEGIN' || pattern === 'END')) throw this.error();
      rules.push({ pattern, action });
      this.blank(false);
      if (this.peek() === ';' || this.peek() === '\n') this.i++;
    }
    return rules;
  }

  private action(): Statement[] {
    this.i++;
    const statements: Statement[] = [];
    for (;;) {
      this.blank(true);
      if (this.peek() === ';') {
        this.i++;
        continue;
      }
      if (this.peek() === '}') {
        this.i++;
        return statements;
      }
      const kind = this.word('printf') ? 'printf' : this.word('print') ? 'print' : undefined;
      if (!kind) throw this.error();
      const args: Expr[] = [];
      this.blank(false);
      if (this.peek() !== '}' && this.peek() !== ';' && this.peek() !== '') {
        args.push(this.expr());
        for (this.blank(false); this.peek() === ','; this.blank(false)) {
          this.i++;
          args.push(this.expr());
        }
      }
      statements.push({ kind, args });
    }
  }

  private expr(): Expr {
    return this.binary(0);
  }

  private static readonly LEVELS = [['||'], ['&&'], ['~', '!~'], ['==', '!=', '<=', '>=', '<', '>'], ['concat'], ['+', '-'], ['*', '/', '%']];

  private binary(level: number): Expr {
    const ops = AwkParser.LEVELS[level];
    if (!ops) return this.unary();
    if (ops[0] === 'concat') {
      const parts = [this.binary(level + 1)];
      for (this.blank(false); this.startsOperand(); this.blank(false)) parts.push(this.binary(level + 1));
      return parts.length === 1 ? parts[0] : { t: 'concat', parts };
    }
    let left = this.binary(level + 1);
    for (;;) {
      this.blank(false);
      const op = ops.find((o) => this.s.startsWith(o, this.i) && !(o === '<' && this.s[this.i + 1] === '=') && !(o === '>' && this.s[this.i + 1] === '='));
      if (!op) return left;
      this.i += op.length;
      left = { t: 'bin', op, l: left, r: this.binary(level + 1) };
    }
  }

  private startsOperand(): boolean {
    const c = this.peek();
    return c !== '' && /[$"(0-9A-Za-z_!]/.test(c) && !this.s.startsWith('!=', this.i) && !this.s.startsWith('!~', this.i) && !/^(in)\b/.test(this.s.slice(this.i));
  }

  private unary(): Expr {
    this.blank(false);
    const c = this.peek();
    if (c === '!') {
      this.i++;
      return { t: 'not', e: this.unary() };
    }
    if (c === '-') {
      this.i++;
      return { t: 'bin', op: '-', l: { t: 'num', v: 0 }, r: this.unary() };
    }
    if (c === '$') {
      this.i++;
      return { t: 'field', index: this.unary() };
    }
    if (c === '(') {
      this.i++;
      const inner = this.expr();
      this.blank(false);
      if (this.peek() !== ')') throw this.error();
      this.i++;
      return inner;
    }
    if (c === '"') return { t: 'str', v: this.string() };
    if (c === '/') {
      const end = this.s.indexOf('/', this.i + 1);
      if (end < 0) throw this.error();
      const re = new RegExp(this.s.slice(this.i + 1, end));
      this.i = end + 1;
      return { t: 'regex', re };
    }
    const number = /^\d+(\.\d+)?/.exec(this.s.slice(this.i));
    if (number) {
      this.i += number[0].length;
      return { t: 'num', v: Number(number[0]) };
    }
    const name = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i));
    if (name) {
      this.i += name[0].length;
      return { t: 'var', name: name[0] };
    }
    throw this.error();
  }

  private string(): string {
    let out = '';
    for (this.i++; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const n = this.s[++this.i];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      } else out += c;
    }
    throw this.error();
  }

  private word(w: string): boolean {
    if (!this.s.startsWith(w, this.i) || /\w/.test(this.s[this.i + w.length] ?? '')) return false;
    this.i += w.length;
    return true;
  }

  private blank(newlines: boolean): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t' || (newlines && this.s[this.i] === '\n'))) this.i++;
  }

  private peek(): string {
    return this.s[this.i] ?? '';
  }

  private error(): AwkSyntaxError {
    return new AwkSyntaxError(this.i >= this.s.length ? 'end of file' : this.s[this.i]);
  }
}
