// Mirrors kubernetes staging/src/k8s.io/cli-runtime/pkg/printers/json.go (JSONPrinter.PrintObj):
// `json.MarshalIndent(obj, "", "    ")` plus a trailing newline. Go's encoding/json escapes
// <, > and & (HTML-safe by default), U+2028/U+2029, and control characters; it keeps the key
// order it is given (struct field order for typed objects, sorted keys for maps and
// unstructured objects), so this printer keeps the object's own key order.

/** JsonValue is a decoded JSON document: what kubectl prints and what our generators build. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** JsonObject is a JSON object whose key order is meaningful (see goMarshal.ts). */
export type JsonObject = { [key: string]: JsonValue };

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** hex4 formats a UTF-16 code unit as Go's `\u00XX` escape (lower-case hex, as Go writes it). */
function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * goQuoteString quotes a string as Go's encoding/json encodeState.string does with
 * escapeHTML=true. Lone surrogates are invalid UTF-8 on the Go side and become U+FFFD.
 */
export function goQuoteString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += hex4(code);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text[i + 1];
        i++;
      } else out += '\\ufffd';
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/**
 * goFormatNumber prints a float64 as encoding/json does: shortest repr, exponent form below
 * 1e-6 or from 1e21 on, with a two-digit minimum exponent trimmed (`1e-07` → `1e-7`). JS
 * Number#toString uses the same cut-offs and digits.
 */
export function goFormatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`json: unsupported value: ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

function writeValue(value: JsonValue, indent: string, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'number') out.push(goFormatNumber(value));
  else if (typeof value === 'string') out.push(goQuoteString(value));
  else if (Array.isArray(value)) writeArray(value, indent, out);
  else writeObject(value, indent, out);
}

function writeArray(items: JsonValue[], indent: string, out: string[]): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  const inner = `${indent}    `;
  out.push('[\n');
  items.forEach((item, i) => {
    out.push(inner);
    writeValue(item, inner, out);
    out.push(i < items.length - 1 ? ',\n' : '\n');
  });
  out.push(`${indent}]`);
}

function writeObject(obj: { [key: string]: JsonValue }, indent: string, out: string[]): void {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  const inner = `${indent}    `;
  out.push('{\n');
  keys.forEach((key, i) => {
    out.push(`${inner}${goQuoteString(key)}: `);
    writeValue(obj[key], inner, out);
    out.push(i < keys.length - 1 ? ',\n' : '\n');
  });
  out.push(`${indent}}`);
}

/**
 * printJson renders an object exactly as `kubectl ... -o json` prints it.
 * @example printJson({ kind: 'Namespace' }) === '{\n    "kind": "Namespace"\n}\n'
 */
export function printJson(value: JsonValue): string {
  const out: string[] = [];
  writeValue(value, '', out);
  out.push('\n');
  return out.join('');
}

/**
 * marshalJsonCompact renders an object as Go's json.Marshal does (no spaces, HTML-escaped); the
 * last-applied-configuration annotation holds this form plus a newline.
 */
export function marshalJsonCompact(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    const out: string[] = [];
    writeValue(value, '', out);
    return out.join('');
  }
  if (Array.isArray(value)) return `[${value.map(marshalJsonCompact).join(',')}]`;
  const parts = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .map((k) => `${goQuoteString(k)}:${marshalJsonCompact(value[k])}`);
  return `{${parts.join(',')}}`;
}
