// The lexer half of parse.ts: bash's token rules turn a line into words (with their quoting and
// expansions), operators, redirections and here-documents.
import type { Word, WordPart } from './syntax';

export class SyntaxError extends Error {}

export type Token = (
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string }
  | { type: 'redirect'; fd: 0 | 1 | 2 | -1; op: '>' | '>>' | '<' | '>&' }
  | { type: 'heredoc'; heredoc: HereDoc }
  | { type: 'eof' }
) & { start?: number; end?: number };

/** HereDoc is a `<<` waiting for its body, which starts on the line after the command. */
interface HereDoc {
  delimiter: string;
  /** quoted: the delimiter had quotes, so the body is literal (no $ expansion). */
  quoted: boolean;
  stripTabs: boolean;
  body: Word;
}

export class Lexer {
  private i = 0;
  private tokenStart = 0;
  private readonly pendingHereDocs: HereDoc[] = [];
  /** warnings: what bash says without failing (an unterminated here-document). */
  readonly warnings: string[] = [];
  constructor(private readonly s: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const token = this.next();
      token.start = this.tokenStart;
      token.end = this.i;
      out.push(token);
      if (token.type === 'eof') return out;
    }
  }

  private next(): Token {
    const s = this.s;
    while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t' || (s[this.i] === '\\' && s[this.i + 1] === '\n'))) this.i += s[this.i] === '\\' ? 2 : 1;
    this.tokenStart = this.i;
    if (this.i >= s.length) {
      this.readHereDocs();
      return { type: 'eof' };
    }
    const c = s[this.i];
    if (c === '#') {
      while (this.i < s.length && s[this.i] !== '\n') this.i++;
      return this.next();
    }
    if (c === '\n') {
      this.i++;
      this.readHereDocs();
      return { type: 'op', op: '\n' };
    }
    if (s.startsWith('<<', this.i) && s[this.i + 2] !== '<') {
      this.i += 2;
      const stripTabs = s[this.i] === '-';
      if (stripTabs) this.i++;
      while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
      const word = this.word();
      if (word.length === 0) throw new SyntaxError(`syntax error near unexpected token \`${s[this.i] === undefined ? 'newline' : s[this.i]}'`);
      const heredoc: HereDoc = { delimiter: word.map((p) => (p.kind === 'text' ? p.text : p.kind === 'param' ? `$${p.name}` : p.kind === 'arith' ? `$((${p.expr}))` : `$(${p.source})`)).join(''), quoted: word.some((p) => p.quoted), stripTabs, body: [] };
      this.pendingHereDocs.push(heredoc);
      return { type: 'heredoc', heredoc };
    }
    const two = s.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||' || two === ';;') {
      this.i += 2;
      return { type: 'op', op: two };
    }
    if (two === '&>') {
      this.i += 2;
      if (s[this.i] === '>') this.i++;
      return { type: 'redirect', fd: -1, op: '>' };
    }
    if (c === '|' || c === '&' || c === ';' || c === '(' || c === ')') {
      this.i++;
      return { type: 'op', op: c };
    }
    const redirect = /^([012]?)(>>|>&|>|<)/.exec(s.slice(this.i, this.i + 4));
    if (redirect) {
      this.i += redirect[0].length;
      const op = redirect[2] as '>' | '>>' | '<' | '>&';
      const fd = (redirect[1] === '' ? (op === '<' ? 0 : 1) : Number(redirect[1])) as 0 | 1 | 2;
      return { type: 'redirect', fd, op };
    }
    return { type: 'word', word: this.word() };
  }

  /**
   * readHereDocs reads the bodies of the here-documents opened on the line just ended: lines up
   * to the delimiter (tabs stripped for <<-), expanded like "…" unless the delimiter was quoted.
   */
  private readHereDocs(): void {
    for (const doc of this.pendingHereDocs.splice(0)) {
      const lines: string[] = [];
      let closed = false;
      while (this.i < this.s.length) {
        const end = this.s.indexOf('\n', this.i);
        const raw = this.s.slice(this.i, end < 0 ? this.s.length : end);
        this.i = end < 0 ? this.s.length : end + 1;
        const line = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (line === doc.delimiter) {
          closed = true;
          break;
        }
        lines.push(line);
      }
      if (!closed) this.warnings.push(`warning: here-document at line 1 delimited by end-of-file (wanted \`${doc.delimiter}')`);
      const text = lines.map((l) => `${l}\n`).join('');
      doc.body = doc.quoted ? [{ kind: 'text', text, quoted: true }] : new Lexer(text).hereDocBody();
    }
  }

  /** hereDocBody reads an unquoted here-document: $ expansions and \$ \` \\ escapes, nothing else special. */
  hereDocBody(): Word {
    const parts: WordPart[] = [];
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && '$`\\\n'.includes(this.s[this.i + 1] ?? '')) {
        if (this.s[this.i + 1] !== '\n') appendText(parts, this.s[this.i + 1], true);
        this.i += 2;
      } else if (c === '$' || c === '`') this.expandAt(parts, true);
      else {
        appendText(parts, c, true);
        this.i++;
      }
    }
    return parts.length > 0 ? parts : [{ kind: 'text', text: '', quoted: true }];
  }

  /** word reads one word up to an unquoted blank or operator character. */
  private word(): Word {
    const s = this.s;
    const parts: WordPart[] = [];
    const text = (t: string, quoted: boolean) => appendText(parts, t, quoted);
    while (this.i < s.length) {
      const c = s[this.i];
      if (' \t\n|&;()<>'.includes(c)) break;
      if (c === '\\') {
        if (this.i + 1 >= s.length) throw new SyntaxError('unexpected EOF after `\\\'');
        if (s[this.i + 1] !== '\n') text(s[this.i + 1], true);
        this.i += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new SyntaxError("unexpected EOF while looking for matching `''");
        text(s.slice(this.i + 1, end), true);
        // '' is an empty quoted word: keep a part so the word survives expansion.
        if (end === this.i + 1) parts.push({ kind: 'text', text: '', quoted: true });
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        const before = parts.length;
        this.doubleQuoted(parts);
        if (parts.length === before) parts.push({ kind: 'text', text: '', quoted: true });
      } else if (c === '$' || c === '`') this.expandAt(parts, false);
      else {
        text(c, false);
        this.i++;
      }
    }
    return parts;
  }

  /** doubleQuoted reads "…" after its opening quote. */
  private doubleQuoted(parts: WordPart[]): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
        if (s[this.i + 1] !== '\n') appendText(parts, s[this.i + 1], true);
        this.i += 2;
      } else if (c === '$' || c === '`') this.expandAt(parts, true);
      else {
        appendText(parts, c, true);
        this.i++;
      }
    }
    throw new SyntaxError('unexpected EOF while looking for matching `"\'');
  }

  /** expandAt reads the expansion at a `$` or backquote into the word; a lone `$` stays literal. */
  private expandAt(parts: WordPart[], quoted: boolean): void {
    const part = this.expansion(quoted);
    if (part) parts.push(part);
    else appendText(parts, '$', quoted);
  }

  /** expansion reads $NAME, ${NAME}, ${NAME:-word}, $?, $(…) or `…` at a `$` or backquote; undefined for a lone `$`. */
  private expansion(quoted: boolean): WordPart | undefined {
    const s = this.s;
    if (s[this.i] === '`') {
      const end = s.indexOf('`', this.i + 1);
      if (end < 0) throw new SyntaxError('unexpected EOF while looking for matching ``\'');
      const source = s.slice(this.i + 1, end);
      this.i = end + 1;
      return { kind: 'command', source, quoted };
    }
    const rest = s.slice(this.i + 1);
    if (rest.startsWith('((')) {
      // $(( … )): the outer parentheses close together; otherwise it is a command substitution of a subshell.
      const end = matchingParen(s, this.i + 2);
      const inner = s.slice(this.i + 2, end);
      if (inner.startsWith('(') && inner.endsWith(')')) {
        this.i = end + 1;
        return { kind: 'arith', expr: inner.slice(1, -1), quoted };
      }
    }
    if (rest.startsWith('(')) {
      const end = matchingParen(s, this.i + 2);
      const source = s.slice(this.i + 2, end);
      this.i = end + 1;
      return { kind: 'command', source, quoted };
    }
    if (rest.startsWith('{')) {
      const close = s.indexOf('}', this.i + 2);
      if (close < 0) throw new SyntaxError('unexpected EOF while looking for matching `}\'');
      const body = s.slice(this.i + 2, close);
      this.i = close + 1;
      const length = /^#([A-Za-z_][A-Za-z0-9_]*)$/.exec(body);
      if (length) return { kind: 'param', name: length[1], quoted, op: { kind: 'length' } };
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])(?:(:-|:=|:\+|##|#|%%|%|\/\/|\/|-|=|\+)(.*))?$/s.exec(body);
      if (!m) throw new SyntaxError(`\${${body}}: bad substitution`);
      const [, name, op, rest] = m;
      if (op === undefined) return { kind: 'param', name, quoted };
      if (op === ':-') return { kind: 'param', name, quoted, fallback: new Lexer(rest).word() };
      if (op === '/' || op === '//') {
        // The pattern ends at the first unescaped slash (`${F//\//:}` replaces slashes).
        const slash = rest.search(/(?<!\\)\//);
        const pattern = slash < 0 ? rest : rest.slice(0, slash);
        const replacement = slash < 0 ? '' : rest.slice(slash + 1);
        return { kind: 'param', name, quoted, op: { kind: op, word: new Lexer(pattern).word(), replacement: new Lexer(replacement).word() } };
      }
      return { kind: 'param', name, quoted, op: { kind: op as '-', word: new Lexer(rest).word() } };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])/.exec(rest);
    if (!m) {
      this.i++;
      return undefined;
    }
    this.i += 1 + m[1].length;
    return { kind: 'param', name: m[1], quoted };
  }
}

/** appendText adds literal text to a word, joining the last part when it has the same quoting. */
function appendText(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text' && last.quoted === quoted) last.text += text;
  else parts.push({ kind: 'text', text, quoted });
}

/** matchingParen finds the `)` closing a `$(` whose body starts at `start`, skipping quotes and nested parens. */
function matchingParen(s: string, start: number): number {
  let depth = 1;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      i = s.indexOf("'", i + 1);
      if (i < 0) break;
    } else if (c === '"') {
      for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new SyntaxError("unexpected EOF while looking for matching `)'");
}
