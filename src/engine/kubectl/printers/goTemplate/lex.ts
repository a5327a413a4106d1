// Mirrors Go's text/template/parse/lex.go (Go 1.23, the toolchain kubectl v1.32 is built with):
// a state machine that hands the parser one item at a time, with `{{- ` / ` -}}` trimming,
// `{{/* */}}` comments, and the first lexical error as an 'error' item (then EOF forever).
import { goQuote } from '../../../go/strconv';
import { EOF, RIGHT, countNewlines, hasRightTrimMarker, isSpace, utf8Length } from './lexChars';
import { KEYWORD_TYPES, lexInsideAction, lexText } from './lexStates';

export type ItemType =
  | 'error' | 'eof' | 'text' | 'space' | 'leftDelim' | 'rightDelim' | 'leftParen' | 'rightParen'
  | 'bool' | 'char' | 'charConstant' | 'complex' | 'assign' | 'declare' | 'field' | 'identifier'
  | 'number' | 'pipe' | 'rawString' | 'string' | 'variable'
  // keywords (item.String() prints them as <word>)
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

/** Item is one token: its kind, offset into the template (UTF-16 index), text and 1-based line. */
export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** itemString is Go's item.String(), used in "unexpected X in Y" errors. */
export function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.val}>`;
  // %.10q: at most 10 runes, quoted, when the text is over 10 bytes.
  if (utf8Length(item.val) > 10) return `${goQuote([...item.val].slice(0, 10).join(''))}...`;
  return goQuote(item.val);
}

export type StateFn = ((l: Lexer) => StateFn) | null;

/** Lexer holds the scanning state; nextItem runs state functions until one emits an item. */
export class Lexer {
  pos = 0;
  start = 0;
  line = 1;
  startLine = 1;
  parenDepth = 0;
  insideAction = false;
  private atEOF = false;
  private item: Item = { type: 'eof', pos: 0, val: 'EOF', line: 1 };

  constructor(public input: string) {}

  nextItem(): Item {
    this.item = { type: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 0x0a) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const low = this.input.charCodeAt(this.pos - 1);
      const pair = low >= 0xdc00 && low <= 0xdfff && this.pos > 1 && (this.input.charCodeAt(this.pos - 2) & 0xfc00) === 0xd800;
      this.pos -= pair ? 2 : 1;
      if (low === 0x0a) this.line--;
    }
    this.atEOF = false;
  }

  thisItem(type: ItemType): Item {
    const item = { type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  emit(type: ItemType): StateFn {
    return this.emitItem(this.thisItem(type));
  }

  emitItem(item: Item): StateFn {
    this.item = item;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  /** errorf emits an error item and empties the input so that EOF follows. */
  errorf(message: string): StateFn {
    this.item = { type: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  /** atRightDelim reports `}}`, or ` -}}` (trimSpace). */
  atRightDelim(): { delim: boolean; trimSpace: boolean } {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT, 2)) return { delim: true, trimSpace: true };
    return { delim: rest.startsWith(RIGHT), trimSpace: false };
  }

  /** atTerminator: what may follow a word (space, `.,|:()`, EOF or the right delimiter). */
  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r) || r === EOF || '.,|:()'.includes(String.fromCodePoint(r))) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }
}

