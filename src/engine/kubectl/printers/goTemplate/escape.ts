// The escaping builtins of Go's text/template (funcs.go): html, js and urlquery.
import { isGoPrint } from '../../../go/strconv';

const HTML: Record<string, string> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD' };

/** htmlEscape is template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => HTML[c]);
}

const JS: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };

/** jsEscape is template.JSEscapeString: quotes, HTML-sensitive and non-printable runes escaped. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (JS[ch]) out += JS[ch];
    else if (cp < 0x20 || (cp >= 0x80 && !isGoPrint(ch))) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** urlQueryEscape is url.QueryEscape: unreserved bytes kept, space as +, the rest %XX. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
