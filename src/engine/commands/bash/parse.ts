// parse turns a terminal line into a Script (syntax.ts), following bash's token rules: blanks
// separate words; '…' is literal; "…" keeps $ expansions and lets a backslash escape $ ` " \ and
// newline; an unquoted backslash escapes the next character; `#` at the start of a word begins a
// comment; | || && ; & and newline are operators; [n]> [n]>> < 2>&1 &> are redirections, and
// <<WORD / <<-WORD here-documents take the lines after the command up to WORD as stdin.
// Errors read as bash's (`syntax error near unexpected token `|'`).
import { wordText, type AndOr, type Command, type CompoundCommand, type Pipeline, type Redirect, type Script, type SimpleCommand, type Word, type WordPart } from './syntax';

export class SyntaxError extends Error {}

type Token = (
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string }
  | { type: 'redirect'; fd: 0 | 1 | 2 | -1; op: '>' | '>>' | '<' | '>&' }
  | { type: 'heredoc'; heredoc: HereDoc }
  | { type: 'eof' }
) & { start?: number; end?: number };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** HereDoc is a `<<` waiting for its body, which starts on the line after the command. */
interface HereDoc {
  delimiter: string;
  /** quoted: the delimiter had quotes, so the body is literal (no $ expansion). */
  quoted: boolean;
  stripTabs: boolean;
  body: Word;
}


/** parseScript parses one line (or several, newline-separated) of bash. */
export function parseScript(source: string): Script {
  const lexer = new Lexer(source);
  const script = new Parser(lexer.tokens(), source).script();
  if (lexer.warnings.length > 0) script.warnings = lexer.warnings;
  return script;
}

class Lexer {
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
      const heredoc: HereDoc = { delimiter: word.map((p) => (p.kind === 'text' ? p.text : p.kind === 'param' ? `$${p.name}` : `$(${p.source})`)).join(''), quoted: word.some((p) => p.quoted), stripTabs, body: [] };
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

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  script(): Script {
    const out = this.list([]);
    if (this.peek().type !== 'eof') throw this.unexpected();
    return out;
  }

  /** list parses and-or chains until the end or, at a command's start, one of the `until` reserved words. */
  private list(until: readonly string[]): Script {
    const out: Script = [];
    for (;;) {
      while (this.isOp(';') || this.isOp('\n')) this.i++;
      if (this.peek().type === 'eof' || until.some((w) => this.isReserved(w))) return out;
      const chain = this.andOr();
      if (this.isOp('&')) {
        this.i++;
        chain.background = true;
      } else if (this.isOp(';') || this.isOp('\n')) this.i++;
      else if (this.peek().type !== 'eof' && !until.some((w) => this.isReserved(w))) throw this.unexpected();
      out.push(chain);
    }
  }

  /** isReserved: the next token is the unquoted word `word` (a reserved word where a command starts). */
  private isReserved(word: string): boolean {
    const token = this.peek();
    return token.type === 'word' && wordText(token.word) === word && token.word.every((p) => !p.quoted);
  }

  /** expectReserved consumes `word` or fails as bash does on what came instead. */
  private expectReserved(word: string): void {
    if (this.peek().type === 'eof') throw new SyntaxError('syntax error: unexpected end of file');
    if (!this.isReserved(word)) throw this.unexpected();
    this.i++;
  }

  /** compound parses for/while/until/if, then any redirects after its end word. */
  private compound(): CompoundCommand {
    const keyword = wordText((this.tokens[this.i++] as { word: Word }).word);
    let command: CompoundCommand;
    if (keyword === 'for') {
      const name = this.peek();
      const text = name.type === 'word' ? wordText(name.word) : undefined;
      if (!text || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) throw new SyntaxError(`\`${text ?? ''}': not a valid identifier`);
      this.i++;
      const words: Word[] = [];
      this.skipNewlines();
      if (this.isReserved('in')) {
        this.i++;
        for (let token = this.peek(); token.type === 'word'; token = this.peek()) {
          words.push(token.word);
          this.i++;
        }
      }
      if (this.isOp(';') || this.isOp('\n')) this.i++;
      this.skipNewlines();
      this.expectReserved('do');
      const body = this.list(['done']);
      this.expectReserved('done');
      command = { kind: 'for', name: text, words, body, redirects: [] };
    } else if (keyword === 'while' || keyword === 'until') {
      const condition = this.list(['do']);
      this.expectReserved('do');
      const body = this.list(['done']);
      this.expectReserved('done');
      command = { kind: keyword, condition, body, redirects: [] };
    } else {
      const clauses: Array<{ condition: Script; body: Script }> = [];
      let elseBody: Script | undefined;
      for (;;) {
        const condition = this.list(['then']);
        this.expectReserved('then');
        clauses.push({ condition, body: this.list(['elif', 'else', 'fi']) });
        if (this.isReserved('elif')) {
          this.i++;
          continue;
        }
        if (this.isReserved('else')) {
          this.i++;
          elseBody = this.list(['fi']);
        }
        this.expectReserved('fi');
        break;
      }
      command = { kind: 'if', clauses, elseBody, redirects: [] };
    }
    for (let token = this.peek(); token.type === 'redirect'; token = this.peek()) {
      this.i++;
      const target = this.peek();
      if (target.type !== 'word') throw this.unexpected();
      this.i++;
      command.redirects.push({ fd: token.fd === -1 ? 1 : token.fd, op: token.op, target: target.word });
      if (token.fd === -1) command.redirects.push({ fd: 2, op: '>&', target: [{ kind: 'text', text: '1', quoted: false }] });
    }
    return command;
  }

  private andOr(): AndOr {
    const start = this.peek().start ?? 0;
    const chain: AndOr = { first: this.pipeline(), rest: [], background: false, source: '' };
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.tokens[this.i++] as { op: '&&' | '||' }).op;
      this.skipNewlines();
      chain.rest.push({ op, pipeline: this.pipeline() });
    }
    chain.source = this.source.slice(start, this.tokens[this.i - 1].end);
    return chain;
  }

  private pipeline(): Pipeline {
    let negated = false;
    const timed = this.isReserved('time');
    if (timed) this.i++;
    const first = this.peek();
    if (first.type === 'word' && first.word.length === 1 && first.word[0].kind === 'text' && !first.word[0].quoted && first.word[0].text === '!') {
      negated = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands, ...(timed ? { timed } : {}) };
  }

  private command(): Command {
    return ['for', 'while', 'until', 'if'].some((w) => this.isReserved(w)) ? this.compound() : this.simple();
  }

  private simple(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.peek();
      if (token.type === 'word') {
        this.i++;
        const assignment = command.words.length === 0 ? splitAssignment(token.word) : undefined;
        if (assignment) command.assignments.push(assignment);
        else command.words.push(token.word);
      } else if (token.type === 'heredoc') {
        this.i++;
        // The body is read when the lexer reaches the end of the line: look it up lazily.
        const doc = token.heredoc;
        command.redirects.push({ fd: 0, op: '<<', target: doc.body, heredoc: () => doc.body });
      } else if (token.type === 'redirect') {
        this.i++;
        const target = this.peek();
        if (target.type !== 'word') throw this.unexpected();
        this.i++;
        const redirect: Redirect = { fd: token.fd === -1 ? 1 : token.fd, op: token.op, target: target.word };
        command.redirects.push(redirect);
        // &>FILE is >FILE 2>&1.
        if (token.fd === -1) command.redirects.push({ fd: 2, op: '>&', target: [{ kind: 'text', text: '1', quoted: false }] });
      } else break;
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) throw this.unexpected();
    return command;
  }

  /** skipNewlines: a line may continue after && || and |. */
  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private isOp(op: string): boolean {
    const token = this.tokens[this.i];
    return token.type === 'op' && token.op === op;
  }

  private unexpected(): SyntaxError {
    const token = this.peek();
    const text = token.type === 'eof' ? 'newline' : token.type === 'op' ? (token.op === '\n' ? 'newline' : token.op) : token.type === 'redirect' ? '>' : token.type === 'heredoc' ? '<<' : 'word';
    return new SyntaxError(`syntax error near unexpected token \`${text}'`);
  }
}

/** splitAssignment reads NAME=value when NAME is unquoted literal text. */
function splitAssignment(word: Word): { name: string; value: Word } | undefined {
  const head = word[0];
  if (head?.kind !== 'text' || head.quoted) return undefined;
  const m = ASSIGNMENT.exec(head.text);
  if (!m) return undefined;
  const value: Word = [{ kind: 'text', text: head.text.slice(m[0].length), quoted: false }, ...word.slice(1)];
  return { name: m[1], value: value.filter((p) => p.kind !== 'text' || p.text !== '' || p.quoted) };
}
