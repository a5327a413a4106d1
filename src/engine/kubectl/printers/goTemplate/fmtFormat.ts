// Go's fmt/format.go: one operand's text under the verb's flags, width and precision.
import { goQuote, goQuoteRune, goQuoteToASCII, isGoPrint } from '../../../go/strconv';
import { formatFloat } from './floatDigits';

/** Flags is fmt's per-verb state: `%-+# 0` flags, width and precision. */
export interface Flags {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** plusV / sharpV: %+v and %#v (the flag moves here for the v verb). */
  plusV: boolean;
  sharpV: boolean;
  wid?: number;
  prec?: number;
}

export function clearFlags(): Flags {
  return { minus: false, plus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false };
}

function runeCount(s: string): number {
  return [...s].length;
}

function padding(f: Flags, n: number): string {
  return n > 0 ? (f.zero ? '0' : ' ').repeat(n) : '';
}

/** pad applies the width: left padding (zeros with the 0 flag), or right with spaces for `-`. */
export function pad(f: Flags, s: string): string {
  if (f.wid === undefined) return s;
  const n = f.wid - runeCount(s);
  return f.minus ? s + ' '.repeat(Math.max(n, 0)) : padding(f, n) + s;
}

function truncate(f: Flags, s: string): string {
  return f.prec === undefined ? s : [...s].slice(0, f.prec).join('');
}

/** fmtS: %s and %v of a string (precision limits runes). */
export function fmtS(f: Flags, s: string): string {
  return pad(f, truncate(f, s));
}

/** fmtQ: %q of a string; `#` prefers a raw `…` string, `+` escapes non-ASCII. */
export function fmtQ(f: Flags, s: string): string {
  const t = truncate(f, s);
  if (f.sharp && !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(t)) return pad(f, `\`${t}\``);
  return pad(f, f.plus ? goQuoteToASCII(t) : goQuote(t));
}

/** fmtSx: %x / %X of a string, hex of its UTF-8 bytes (` ` separates, `#` adds 0x). */
export function fmtSx(f: Flags, s: string, upper: boolean): string {
  let bytes = [...new TextEncoder().encode(s)];
  if (f.prec !== undefined && f.prec < bytes.length) bytes = bytes.slice(0, f.prec);
  if (bytes.length === 0) return f.wid !== undefined ? padding(f, f.wid) : '';
  const prefix = f.sharp ? (upper ? '0X' : '0x') : '';
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).map((h) => (upper ? h.toUpperCase() : h));
  const body = f.space ? hex.map((h) => prefix + h).join(' ') : prefix + hex.join('');
  if (f.wid === undefined || f.wid <= body.length) return body;
  return f.minus ? body + padding(f, f.wid - body.length) : padding(f, f.wid - body.length) + body;
}

export function fmtBoolean(f: Flags, v: boolean): string {
  return pad(f, v ? 'true' : 'false');
}

const DIGITS = '0123456789abcdefx';

/** fmtInteger: sign, base prefix (#), precision as minimum digits, zero padding to the width. */
export function fmtInteger(f: Flags, value: bigint, base: number, verb: string, upper: boolean): string {
  const negative = value < 0n;
  const u = negative ? -value : value;
  let prec = 0;
  if (f.prec !== undefined) {
    prec = f.prec;
    if (prec === 0 && u === 0n) return padding({ ...f, zero: false }, f.wid ?? 0);
  } else if (f.zero && !f.minus && f.wid !== undefined) {
    prec = f.wid - (negative || f.plus || f.space ? 1 : 0);
  }
  let digits = u.toString(base).padStart(prec, '0');
  if (upper) digits = digits.toUpperCase();
  if (f.sharp) {
    if (base === 2) digits = `0b${digits}`;
    else if (base === 8 && digits[0] !== '0') digits = `0${digits}`;
    else if (base === 16) digits = `0${upper ? 'X' : DIGITS[16]}${digits}`;
  }
  if (verb === 'O') digits = `0o${digits}`;
  const sign = negative ? '-' : f.plus ? '+' : f.space ? ' ' : '';
  return pad({ ...f, zero: false }, sign + digits);
}

/** fmtC: %c, the integer as a character. */
export function fmtC(f: Flags, value: bigint): string {
  return pad(f, String.fromCodePoint(validRune(value)));
}

/** fmtQc: %q of an integer, a quoted rune literal. */
export function fmtQc(f: Flags, value: bigint): string {
  const r = validRune(value);
  if (f.sharp && isGoPrint(String.fromCodePoint(r)) && r !== 0x27) return pad(f, `'${String.fromCodePoint(r)}'`);
  return pad(f, goQuoteRune(r, f.plus));
}

/** fmtUnicode: %U → U+0041, %#U → U+0041 'A'. */
export function fmtUnicode(f: Flags, value: bigint): string {
  const hex = (value < 0n ? -value : value).toString(16).toUpperCase().padStart(Math.max(f.prec ?? 4, 4), '0');
  let out = `U+${hex}`;
  const r = Number(value);
  if (f.sharp && value >= 0n && value <= 0x10ffffn && isGoPrint(String.fromCodePoint(r))) out += ` '${String.fromCodePoint(r)}'`;
  return pad({ ...f, zero: false }, out);
}

function validRune(value: bigint): number {
  const r = Number(value);
  return value < 0n || value > 0x10ffffn || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
}

/** fmtFloat: strconv's digits, then the sign (+ or space flags) and zero padding after it. */
export function fmtFloat(f: Flags, v: number, verb: string, defaultPrec: number): string {
  let num = formatFloat(v, verb, f.prec ?? defaultPrec);
  num = num[0] === '-' || num[0] === '+' ? num : `+${num}`;
  if (f.space && num[0] === '+' && !f.plus) num = ` ${num.slice(1)}`;
  if (num[1] === 'I' || num[1] === 'N') return pad({ ...f, zero: false }, num[1] === 'N' && !f.space && !f.plus ? num.slice(1) : num);
  if (f.plus || num[0] !== '+') {
    if (f.zero && !f.minus && f.wid !== undefined && f.wid > num.length) return num[0] + '0'.repeat(f.wid - num.length) + num.slice(1);
    return pad(f, num);
  }
  return pad(f, num.slice(1));
}
