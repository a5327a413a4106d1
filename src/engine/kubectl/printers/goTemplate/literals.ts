// Go literal syntax as text/template's parser reads it through strconv: Unquote for "…" and `…`
// strings, UnquoteChar for 'x' runes, ParseInt/ParseUint/ParseFloat (base 0) for numbers.
// Failures are strconv.ErrSyntax ("invalid syntax") or undefined, as the callers need.

import { underscoreOK } from '../../args/goStrconv';

export const ERR_SYNTAX = 'invalid syntax';

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/**
 * unquoteChar reads one (possibly escaped) character at s[i] of a literal quoted with `quote`;
 * `bytes` is a raw byte (\x, octal) rather than a code point.
 */
export function unquoteChar(s: string, i: number, quote: string): { value: number; bytes: boolean; next: number } {
  const c = s.codePointAt(i);
  if (c === undefined) throw new SyntaxError(ERR_SYNTAX);
  const ch = String.fromCodePoint(c);
  if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxError(ERR_SYNTAX);
  if (ch !== '\\') return { value: c, bytes: false, next: i + ch.length };
  const e = s[i + 1];
  if (e === undefined) throw new SyntaxError(ERR_SYNTAX);
  if (e in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[e], bytes: false, next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxError(ERR_SYNTAX);
    return { value: e.charCodeAt(0), bytes: false, next: i + 2 };
  }
  const hexDigits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexDigits > 0) {
    const digits = s.slice(i + 2, i + 2 + hexDigits);
    if (!new RegExp(`^[0-9a-fA-F]{${hexDigits}}$`).test(digits)) throw new SyntaxError(ERR_SYNTAX);
    const value = parseInt(digits, 16);
    if (e !== 'x' && (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))) throw new SyntaxError(ERR_SYNTAX);
    return { value, bytes: e === 'x', next: i + 2 + hexDigits };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) throw new SyntaxError(ERR_SYNTAX);
    return { value: parseInt(digits, 8), bytes: true, next: i + 4 };
  }
  throw new SyntaxError(ERR_SYNTAX);
}

/** unquote is strconv.Unquote for the lexer's "…" and `…` items (raw strings drop \r). */
export function unquote(quoted: string): string {
  if (quoted.startsWith('`')) return quoted.slice(1, -1).replace(/\r/g, '');
  const body = quoted.slice(1, -1);
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const { value, bytes: raw, next } = unquoteChar(body, i, '"');
    if (raw) bytes.push(value);
    else bytes.push(...encoder.encode(String.fromCodePoint(value)));
    i = next;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** parseUint is strconv.ParseUint(text, 0, 64): prefixes 0x 0o 0b and legacy 0-octal, no sign. */
export function parseUint(text: string): bigint | undefined {
  let s = text;
  let base = 10;
  if (/^0[xX]/.test(s)) [base, s] = [16, s.slice(2)];
  else if (/^0[bB]/.test(s)) [base, s] = [2, s.slice(2)];
  else if (/^0[oO]/.test(s)) [base, s] = [8, s.slice(2)];
  else if (/^0./.test(s)) [base, s] = [8, s.slice(1)];
  if (s.includes('_') && !underscoreOK(text)) return undefined;
  s = s.replace(/_/g, '');
  const digits = '0123456789abcdef'.slice(0, base);
  if (s === '' || [...s.toLowerCase()].some((c) => !digits.includes(c))) return undefined;
  let value = 0n;
  for (const c of s.toLowerCase()) value = value * BigInt(base) + BigInt(digits.indexOf(c));
  return value < 1n << 64n ? value : undefined;
}

/** parseInt64 is strconv.ParseInt(text, 0, 64). */
export function parseInt64(text: string): bigint | undefined {
  const negative = text.startsWith('-');
  const magnitude = parseUint(text.replace(/^[+-]/, ''));
  if (magnitude === undefined) return undefined;
  const value = negative ? -magnitude : magnitude;
  return value >= -(1n << 63n) && value < 1n << 63n ? value : undefined;
}

/** parseFloat64 is strconv.ParseFloat(text, 64) for decimal and hexadecimal (p-exponent) forms. */
export function parseFloat64(text: string): number | undefined {
  if (text.includes('_') && !underscoreOK(text)) return undefined;
  const s = text.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  if (!hex || hex[2] + hex[3] === '') return undefined;
  const mantissa = parseInt(hex[2] + hex[3] || '0', 16) / 16 ** hex[3].length;
  return (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** Number(hex[4]);
}
