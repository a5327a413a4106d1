// The state functions of Go's text/template/parse/lex.go (Go 1.23): each scans one kind of
// token and returns the next state, or null once it has emitted an item.
import { goQuote } from '../../../go/strconv';
import type { ItemType, Lexer, StateFn } from './lex';
import {
  EOF, LEFT, RIGHT, countNewlines, formatRune, hasLeftTrimMarker, hasRightTrimMarker, isAlphaNumeric, isSpace, leftTrimLength, rightTrimLength,
} from './lexChars';

export const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot', block: 'block', break: 'break', continue: 'continue', define: 'define', else: 'else',
  end: 'end', if: 'if', nil: 'nil', range: 'range', template: 'template', with: 'with',
};
export const KEYWORD_TYPES = new Set<ItemType>(Object.values(KEYWORDS));

export function lexText(l: Lexer): StateFn {
  const x = l.input.indexOf(LEFT, l.pos);
  if (x < 0) {
    l.pos = l.input.length;
    if (l.pos > l.start) {
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      return l.emit('text');
    }
    return l.emit('eof');
  }
  if (x > l.pos) {
    l.pos = x;
    const trimLength = hasLeftTrimMarker(l.input.slice(x + LEFT.length)) ? rightTrimLength(l.input.slice(l.start, l.pos)) : 0;
    l.pos -= trimLength;
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    const item = l.thisItem('text');
    l.pos += trimLength;
    l.ignore();
    if (item.val.length > 0) return l.emitItem(item);
  } else l.pos = x;
  return lexLeftDelim;
}

function lexLeftDelim(l: Lexer): StateFn {
  l.pos += LEFT.length;
  const afterMarker = hasLeftTrimMarker(l.input.slice(l.pos)) ? 2 : 0;
  if (l.input.startsWith('/*', l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const item = l.thisItem('leftDelim');
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(item);
}

/** lexComment skips `/* ... *\/`, which must sit right against both delimiters. */
function lexComment(l: Lexer): StateFn {
  l.pos += 2;
  const x = l.input.indexOf('*/', l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + 2;
  const { delim, trimSpace } = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  if (trimSpace) l.pos += 2;
  l.pos += RIGHT.length;
  if (trimSpace) l.pos += leftTrimLength(l.input.slice(l.pos));
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const { trimSpace } = l.atRightDelim();
  if (trimSpace) {
    l.pos += 2;
    l.ignore();
  }
  l.pos += RIGHT.length;
  const item = l.thisItem('rightDelim');
  if (trimSpace) {
    l.pos += leftTrimLength(l.input.slice(l.pos));
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(item);
}

export function lexInsideAction(l: Lexer): StateFn {
  if (l.atRightDelim().delim) return l.parenDepth === 0 ? lexRightDelim : l.errorf('unclosed left paren');
  const r = l.next();
  const ch = r === EOF ? '' : String.fromCodePoint(r);
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup(); // the space may start ` -}}`
    return lexSpace;
  }
  switch (ch) {
    case '=': return l.emit('assign');
    case ':': return l.next() === 0x3d ? l.emit('declare') : l.errorf('expected :=');
    case '|': return l.emit('pipe');
    case '"': return lexQuote;
    case '`': return lexRawQuote;
    case '$': return lexVariable;
    case "'": return lexChar;
    case '(':
      l.parenDepth++;
      return l.emit('leftParen');
    case ')':
      l.parenDepth--;
      return l.parenDepth < 0 ? l.errorf('unexpected right paren') : l.emit('rightParen');
  }
  if (ch === '.' && l.pos < l.input.length) {
    const after = l.input.charCodeAt(l.pos);
    if (after < 0x30 || after > 0x39) return lexField;
  }
  if (ch === '.' || ch === '+' || ch === '-' || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r < 0x7f && r > 0x20) return l.emit('char');
  return l.errorf(`unrecognized character in action: ${formatRune(r)}`);
}

/** lexSpace emits a run of spaces, stopping before a ` -}}` so the delimiter sees its marker. */
function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  const rest = l.input.slice(l.pos - 1);
  if (hasRightTrimMarker(rest) && rest.startsWith(RIGHT, 2)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit('space');
}

function lexIdentifier(l: Lexer): StateFn {
  let r = l.next();
  while (isAlphaNumeric(r)) r = l.next();
  l.backup();
  const word = l.input.slice(l.start, l.pos);
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  if (KEYWORDS[word] && word !== '.') return l.emit(KEYWORDS[word]);
  if (word[0] === '.') return l.emit('field');
  if (word === 'true' || word === 'false') return l.emit('bool');
  return l.emit('identifier');
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'field');
}

function lexVariable(l: Lexer): StateFn {
  return lexFieldOrVariable(l, 'variable');
}

/** lexFieldOrVariable scans `.name` / `$name`; a bare `.` is the dot, a bare `$` the root variable. */
function lexFieldOrVariable(l: Lexer, type: 'field' | 'variable'): StateFn {
  if (l.atTerminator()) return l.emit(type === 'variable' ? 'variable' : 'dot');
  let r = l.next();
  while (isAlphaNumeric(r)) r = l.next();
  l.backup();
  if (!l.atTerminator()) return l.errorf(`bad character ${formatRune(r)}`);
  return l.emit(type);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated character constant');
    if (r === 0x27) return l.emit('charConstant');
  }
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return l.errorf('unterminated quoted string');
    if (r === 0x22) return l.emit('string');
  }
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) return l.emit('rawString');
  }
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // complex: 1+2i, no spaces, must end in i
    if (!scanNumber(l) || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${goQuote(l.input.slice(l.start, l.pos))}`);
    return l.emit('complex');
  }
  return l.emit('number');
}

/** scanNumber accepts Go's literal shapes: sign, 0x/0o/0b prefixes, `_`, fraction, exponent, `i`. */
function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
