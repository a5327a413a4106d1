// Character classes and delimiter helpers of Go's text/template/parse/lex.go.

export const EOF = -1;
export const LEFT = '{{';
export const RIGHT = '}}';

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

export function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
}

/** hasLeftTrimMarker: `{{- ` — a minus right after the delimiter, then a space. */
export function hasLeftTrimMarker(s: string): boolean {
  return s.length >= 2 && s[0] === '-' && isSpace(s.charCodeAt(1));
}

/** hasRightTrimMarker: ` -}}` — a space, then a minus right before the delimiter. */
export function hasRightTrimMarker(s: string): boolean {
  return s.length >= 2 && isSpace(s.charCodeAt(0)) && s[1] === '-';
}

export function rightTrimLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, '').length;
}

export function leftTrimLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, '').length;
}

/** formatRune is Go's %#U: `U+007D '}'` (the quoted rune only when printable). */
export function formatRune(r: number): string {
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  const ch = String.fromCodePoint(r);
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${hex} '${ch}'` : hex;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}
