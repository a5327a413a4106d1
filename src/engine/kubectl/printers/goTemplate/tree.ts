// The parser's state, after Go's text/template/parse Tree: a three-item look-ahead buffer over the
// lexer, the variables in scope, and errors worded "template: NAME:LINE: message".
import { goQuote } from '../../../go/strconv';
import { itemString, type Item, type Lexer } from './lex';
import type { ListNode } from './nodes';

/** GoTemplateParseError carries Go's parse error text (kubectl prefixes "error parsing template"). */
export class GoTemplateParseError extends Error {}

export interface ParseShared {
  lex: Lexer;
  /** funcs: names the template may call (builtins plus the caller's); others fail to parse. */
  funcs: ReadonlySet<string>;
  /** trees: the top-level template and every {{define}}/{{block}}, by name. */
  trees: Map<string, Tree>;
  parseName: string;
}

export class Tree {
  root: ListNode = { type: 'list', pos: 0, nodes: [] };
  /** vars: variables in scope; `$` is always there. Control structures pop theirs at {{end}}. */
  vars: string[] = ['$'];
  rangeDepth = 0;
  /** actionLine: line of the `{{` being parsed, for "unclosed action started at …". */
  actionLine = 0;
  private token: Item[] = [];
  private peekCount = 0;

  constructor(public name: string, public shared: ParseShared) {}

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.shared.lex.nextItem();
    return this.token[this.peekCount];
  }

  backup(): void {
    this.peekCount++;
  }

  /** backup2 pushes back `t1` and the current token. */
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  /** backup3 pushes back `t2`, `t1` and the current token (in that reading order). */
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.shared.lex.nextItem();
    return this.token[0];
  }

  nextNonSpace(): Item {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }

  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(message: string): never {
    throw new GoTemplateParseError(`template: ${this.shared.parseName}:${this.token[0]?.line ?? 1}: ${message}`);
  }

  expect(expected: Item['type'], context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) this.unexpected(token, context);
    return token;
  }

  /** unexpected reports a token; a lexer error is reported as itself. */
  unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.shared.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  /** useVar checks that a `$name` is in scope. */
  hasVar(name: string): boolean {
    return this.vars.includes(name);
  }

  popVars(n: number): void {
    this.vars.length = n;
  }

  /** add registers this tree; an empty earlier one may be replaced, a full one may not. */
  add(): void {
    const existing = this.shared.trees.get(this.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.shared.trees.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }
}

/** isEmptyTree: only spaces, comments and empty lists (Go's parse.IsEmptyTree). */
function isEmptyTree(list: ListNode): boolean {
  return list.nodes.every((n) => (n.type === 'text' ? n.text.trim() === '' : n.type === 'comment' || (n.type === 'list' && isEmptyTree(n))));
}
