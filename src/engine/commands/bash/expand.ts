// Word expansion as bash does it for the forms tutorials use: braces (brace.ts), parameters ($NAME, ${NAME},
// ${NAME:-word}, $?) and command substitution ($(…), `…`), whose trailing newlines are removed;
// then field splitting of the unquoted results on blanks and newlines, then pathname expansion
// of fields with an unquoted `*`, `?` or `[…]` (glob.ts).
import type { Task } from '../../sim/task';
import { ArithError, evaluateArith } from './arith';
import { braceExpand } from './brace';
import { hasPattern, patternRegex, type GlobField } from './glob';
import type { ParamOp, Word } from './syntax';

export interface ExpandContext {
  param(name: string): string | undefined;
  /** substitute runs a command line and returns its stdout (stderr goes to the terminal). */
  substitute(source: string): Task<string>;
  /** glob expands a pattern field to the matching paths (undefined: no match, keep the field). */
  glob?(field: GlobField): string[] | undefined;
  /** assign sets a shell variable (${NAME:=word}). */
  assign?(name: string, value: string): void;
}

const IFS = /[ \t\n]+/;

/** expandWords expands each word into zero or more fields. */
export function* expandWords(words: readonly Word[], ctx: ExpandContext): Task<string[]> {
  const fields: string[] = [];
  // Brace expansion comes first and makes words of its own (`{1..3}` → 1 2 3).
  for (const word of words) for (const braced of braceExpand(word)) fields.push(...(yield* expandWord(braced, ctx)));
  return fields;
}

/** expandWord: a word with only unquoted empty expansions vanishes; "" stays an empty field. */
export function* expandWord(word: Word, ctx: ExpandContext): Task<string[]> {
  const fields: GlobField[] = [];
  let current: GlobField = { chars: [], active: [] };
  // started: the current field has content or a quoted part (so it exists even if empty).
  let started = false;
  const add = (text: string, active: boolean) => {
    for (const c of text) {
      current.chars.push(c);
      current.active.push(active);
    }
  };
  for (const part of word) {
    const value = part.kind === 'text' ? part.text : yield* partValue(part, ctx);
    if (part.quoted || part.kind === 'text') {
      add(value, !part.quoted);
      started ||= part.quoted || value !== '';
      continue;
    }
    const pieces = value.split(IFS);
    // A leading blank ends the field before it; a trailing blank ends the last piece.
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (started) fields.push(current);
        current = { chars: [], active: [] };
        started = false;
      }
      add(piece, true);
      started ||= piece !== '';
    });
  }
  if (started) fields.push(current);
  return fields.flatMap((field) => (ctx.glob && hasPattern(field) ? ctx.glob(field) : undefined) ?? [field.chars.join('')]);
}

/** expandString expands a word to one string without splitting (assignment values, redirect targets). */
export function* expandString(word: Word, ctx: ExpandContext): Task<string> {
  let out = '';
  for (const part of word) out += part.kind === 'text' ? part.text : yield* partValue(part, ctx);
  return out;
}

/** partValue is an expansion's value: a parameter, a command's output without trailing newlines, or arithmetic. */
function* partValue(part: Exclude<Word[number], { kind: 'text' }>, ctx: ExpandContext): Task<string> {
  if (part.kind === 'param') return yield* param(part.name, part.fallback, ctx, part.op);
  if (part.kind === 'command') return (yield* ctx.substitute(part.source)).replace(/\n+$/, '');
  // Parameters inside are expanded first, then the expression is evaluated.
  const expr = part.expr.replace(/\$\{?([A-Za-z_]\w*|[?#$0-9])\}?/g, (_, name: string) => ctx.param(name) ?? '');
  try {
    return String(evaluateArith(expr, (name) => ctx.param(name)));
  } catch (error) {
    if (error instanceof ArithError) throw new ExpansionError(`bash: ${error.message}`);
    throw error;
  }
}

/** ExpansionError ends the command with bash's message (a bad arithmetic expression). */
export class ExpansionError extends Error {}

function* param(name: string, fallback: Word | undefined, ctx: ExpandContext, op?: ParamOp): Task<string> {
  const value = ctx.param(name);
  if ((value === undefined || value === '') && fallback) return yield* expandString(fallback, ctx);
  if (!op) return value ?? '';
  const text = value ?? '';
  switch (op.kind) {
    case 'length':
      return String([...text].length);
    case '-':
      return value === undefined ? yield* expandString(op.word, ctx) : text;
    case ':=':
    case '=': {
      if (value !== undefined && (op.kind === '=' || value !== '')) return text;
      const assigned = yield* expandString(op.word, ctx);
      ctx.assign?.(name, assigned);
      return assigned;
    }
    case ':+':
      return text !== '' ? yield* expandString(op.word, ctx) : '';
    case '+':
      return value !== undefined ? yield* expandString(op.word, ctx) : '';
    case '#':
    case '##':
    case '%':
    case '%%':
      return strip(text, patternRegex(yield* expandString(op.word, ctx)), op.kind);
    case '/':
    case '//':
      return replace(text, patternRegex(yield* expandString(op.word, ctx)), yield* expandString(op.replacement, ctx), op.kind === '//');
  }
}

/** strip removes the shortest (# %) or longest (## %%) prefix (#) or suffix (%) the pattern matches. */
function strip(text: string, pattern: RegExp, kind: '#' | '##' | '%' | '%%'): string {
  const lengths = [...Array(text.length + 1).keys()];
  if (kind === '##' || kind === '%%') lengths.reverse();
  for (const n of lengths) {
    if (kind.startsWith('#') && pattern.test(text.slice(0, n))) return text.slice(n);
    if (kind.startsWith('%') && pattern.test(text.slice(text.length - n))) return text.slice(0, text.length - n);
  }
  return text;
}

/** replace swaps the longest match at the first (or every) position where the pattern matches. */
function replace(text: string, pattern: RegExp, replacement: string, all: boolean): string {
  let out = '';
  let i = 0;
  let replaced = false;
  while (i < text.length) {
    let matched = 0;
    if (!replaced || all) for (let n = text.length - i; n > 0; n--) if (pattern.test(text.slice(i, i + n))) {
      matched = n;
      break;
    }
    if (matched > 0) {
      out += replacement;
      i += matched;
      replaced = true;
    } else out += text[i++];
  }
  return out;
}
