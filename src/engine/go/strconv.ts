// Go's strconv quoting (go/src/strconv/quote.go): the `%q` verb and every message that quotes
// a value with it.

/** isGoPrint is strconv.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isGoPrint(ch: string): boolean {
  return ch === ' ' || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
}

const NAMED_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** escapeRune writes one rune as strconv does inside a literal quoted with `quote`. */
function escapeRune(ch: string, quote: string, asciiOnly: boolean): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (asciiOnly ? cp < 0x80 && isGoPrint(ch) : isGoPrint(ch)) return ch;
  if (NAMED_ESCAPES[ch]) return NAMED_ESCAPES[ch];
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  // A lone UTF-16 surrogate is what an invalid UTF-8 sequence becomes here; Go writes U+FFFD.
  if (cp >= 0xd800 && cp <= 0xdfff) return asciiOnly ? '\\ufffd' : '\ufffd';
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/**
 * goQuote is Go's strconv.Quote (the `%q` verb): `"name"` with backslash escapes for quotes,
 * backslashes, control characters and non-printable runes.
 * @example goQuote('a"b\n') === '"a\\"b\\n"'
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) out += escapeRune(ch, '"', false);
  return `${out}"`;
}

/** goQuoteToASCII is strconv.QuoteToASCII (`%+q`): also escapes every non-ASCII rune. */
export function goQuoteToASCII(text: string): string {
  let out = '"';
  for (const ch of text) out += escapeRune(ch, '"', true);
  return `${out}"`;
}

/** goQuoteRune is strconv.QuoteRune (`%q` of an integer): `'A'`, `'\x01'`, `'\''`. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return `'${escapeRune(String.fromCodePoint(valid ? cp : 0xfffd), "'", asciiOnly)}'`;
}

/**
 * formatFloatG is Go's strconv.FormatFloat(v, 'g', -1, 64), as Prometheus' text exposition format
 * writes every value: the shortest digits, with an exponent when it is below -4 or from 6 up
 * (`2.147483648e+09`, `1.691346e+06`).
 */
export function formatFloatG(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return '0';
  const [mantissa, e] = value.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(value);
}
