// parse turns a terminal line into a Script (syntax.ts), following bash's token rules: blanks
// separate words; '…' is literal; "…" keeps $ expansions and lets a backslash escape $ ` " \ and
// newline; an unquoted backslash escapes the next character; `#` at the start of a word begins a
// comment; | || && ; & and newline are operators; [n]> [n]>> < 2>&1 &> are redirections, and
// <<WORD / <<-WORD here-documents take the lines after the command up to WORD as stdin.
// Errors read as bash's (`syntax error near unexpected token `|'`).
import { wordText, type AndOr, type Command, type CompoundCommand, type Pipeline, type Redirect, type Script, type SimpleCommand, type Word } from './syntax';
import { Lexer, SyntaxError, type Token } from './lexer';

export { SyntaxError } from './lexer';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** parseScript parses one line (or several, newline-separated) of bash. */
export function parseScript(source: string): Script {
  const lexer = new Lexer(source);
  const script = new Parser(lexer.tokens(), source).script();
  if (lexer.warnings.length > 0) script.warnings = lexer.warnings;
  return script;
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
