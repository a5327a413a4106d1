// Go standard-library parsers that pflag calls when a flag value is set, with their exact
// error texts: strconv.ParseInt / ParseBool (go/src/strconv/atoi.go, atob.go),
// time.ParseDuration (go/src/time/format.go) and encoding/csv for StringSlice flags
// (go/src/encoding/csv/reader.go; pflag string_slice.go readAsCSV reads one record).

import { goQuote } from '../../go/strconv';

export { goQuote };

/** underscoreOK mirrors strconv's check that `_` only separates digits after a base prefix. */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * parseGoInt mirrors strconv.ParseInt(text, base, bitSize); base 0 accepts 0x/0o/0b/0 prefixes.
 * Returns the value or the Go error text.
 */
export function parseGoInt(text: string, base: 0 | 10, bitSize: 32 | 64): number | Error {
  const fail = (why: string) => new Error(`strconv.ParseInt: parsing ${goQuote(text)}: ${why}`);
  let s = text;
  const neg = s[0] === '-';
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '') return fail('invalid syntax');
  let radix = 10;
  if (base === 0 && s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      radix = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      radix = 8;
      s = s.slice(1);
    }
  }
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_' && base === 0) {
      underscores = true;
      continue;
    }
    const d = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : /[a-zA-Z]/.test(c) ? c.toLowerCase().charCodeAt(0) - 87 : 99;
    if (d >= radix) return fail('invalid syntax');
    n = n * BigInt(radix) + BigInt(d);
    if (n > maxVal) return fail('value out of range');
  }
  if (underscores && !underscoreOK(text)) return fail('invalid syntax');
  const cutoff = 1n << BigInt(bitSize - 1);
  if ((!neg && n >= cutoff) || (neg && n > cutoff)) return fail('value out of range');
  return Number(neg ? -n : n);
}

const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** parseGoBool mirrors strconv.ParseBool. */
export function parseGoBool(text: string): boolean | Error {
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return new Error(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

const DURATION_UNIT_NS: Record<string, number> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** parseGoDurationMs mirrors time.ParseDuration and returns milliseconds (may be fractional). */
export function parseGoDurationMs(text: string): number | Error {
  const invalid = () => new Error(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid();
  let totalNs = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    if (m[0] === '' || m[0] === '.') return invalid();
    s = s.slice(m[0].length);
    const unit = /^[^\d.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return new Error(`time: missing unit in duration ${goQuote(text)}`);
    const scale = DURATION_UNIT_NS[unit];
    if (scale === undefined) return new Error(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    s = s.slice(unit.length);
    totalNs += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * scale;
  }
  return (neg ? -totalNs : totalNs) / 1e6;
}

/**
 * readCsvRecord mirrors pflag readAsCSV: the first record of encoding/csv with ',' separators.
 * Errors use csv.ParseError's text (`parse error on line 1, column 2: bare " in non-quoted-field`).
 */
export function readCsvRecord(text: string): string[] | Error {
  if (text === '') return [];
  const line = text.split('\n')[0].replace(/\r$/, '');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] !== '"') {
      const end = line.indexOf(',', i);
      const field = end < 0 ? line.slice(i) : line.slice(i, end);
      const bare = field.indexOf('"');
      if (bare >= 0) return csvError(i + bare + 1, 'bare " in non-quoted-field');
      fields.push(field);
      if (end < 0) return fields;
      i = end + 1;
      continue;
    }
    let field = '';
    let j = i + 1;
    for (;;) {
      const q = line.indexOf('"', j);
      if (q < 0) return csvError(line.length + 1, 'extraneous or missing " in quoted-field');
      field += line.slice(j, q);
      if (line[q + 1] === '"') {
        field += '"';
        j = q + 2;
      } else if (q + 1 === line.length || line[q + 1] === ',') {
        j = q + 1;
        break;
      } else return csvError(q + 1, 'extraneous or missing " in quoted-field');
    }
    fields.push(field);
    if (j >= line.length) return fields;
    i = j + 1;
  }
}

function csvError(column: number, why: string): Error {
  return new Error(`parse error on line 1, column ${column}: ${why}`);
}
