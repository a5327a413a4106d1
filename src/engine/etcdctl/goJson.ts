// Mirrors Go encoding/json as etcdctl 3.4 uses it (json.Marshal, built with Go 1.19): struct
// fields in declaration order, `omitempty` zero values left out, []byte as standard base64,
// uint64 as exact decimal and HTML characters escaped in strings.
import type { Bytes, Uint64Hex } from './types';

const HEX = '0123456789abcdef';
const textEncoder = new TextEncoder();

/** jsonString quotes text as Go's json.Marshal does, escaping <, >, &, U+2028 and U+2029. */
export function jsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[code >> 4]}${HEX[code & 15]}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** toBytes returns the UTF-8 bytes of a string key or value, or the bytes themselves. */
export function toBytes(data: Bytes): Uint8Array {
  return typeof data === 'string' ? textEncoder.encode(data) : data;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64Std encodes bytes with the standard alphabet and padding, as Go does for []byte. */
export function base64Std(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += BASE64[(triple >> 18) & 63] + BASE64[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[triple & 63] : '=';
  }
  return out;
}

/** uint64Decimal turns a hex id into the exact decimal Go prints for a uint64 (`bf90…` → `1380…`). */
export function uint64Decimal(hex: Uint64Hex): string {
  return BigInt(`0x${hex || '0'}`).toString(10);
}

/** isZeroId reports whether a hex id is zero (absent ids are zero too). */
export function isZeroId(hex: Uint64Hex | undefined): boolean {
  return hex === undefined || /^0*$/.test(hex);
}

/** JsonField is one struct field: its JSON name and encoded value, or undefined to omit it. */
export type JsonField = [name: string, encoded: string | undefined];

/** jsonObject joins fields in order, leaving out undefined ones (Go's omitempty). */
export function jsonObject(fields: JsonField[]): string {
  const parts = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${jsonString(k)}:${v}`);
  return `{${parts.join(',')}}`;
}

/** omitZero encodes a number unless it is 0, as `omitempty` does. */
export function omitZero(value: number | undefined): string | undefined {
  return value === undefined || value === 0 ? undefined : String(value);
}

/** omitZeroId encodes a uint64 id as decimal unless it is 0. */
export function omitZeroId(hex: Uint64Hex | undefined): string | undefined {
  return isZeroId(hex) ? undefined : uint64Decimal(hex ?? '0');
}

/** omitEmptyString encodes a string unless it is empty. */
export function omitEmptyString(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : jsonString(text);
}

/** omitFalse encodes `true`, leaving false out. */
export function omitFalse(flag: boolean | undefined): string | undefined {
  return flag ? 'true' : undefined;
}

/** omitEmptyBytes encodes bytes as base64 unless there are none. */
export function omitEmptyBytes(data: Bytes | undefined): string | undefined {
  if (data === undefined) return undefined;
  const bytes = toBytes(data);
  return bytes.length === 0 ? undefined : jsonString(base64Std(bytes));
}

/** omitEmptyStrings encodes a string list unless it is empty. */
export function omitEmptyStrings(list: string[] | undefined): string | undefined {
  return list === undefined || list.length === 0 ? undefined : `[${list.map(jsonString).join(',')}]`;
}
