// The two functions kubectl adds to its go-template printer (k8s.io/cli-runtime/pkg/printers/
// template.go in v1.32): exists and base64decode. (Sprig's functions came later, in v1.33.)
import { FuncError, type GoFunc } from './funcTypes';
import { bool, fromJson, lengthOf, str, unbox, type Value } from './value';

/**
 * exists reports whether `index item i…` would find something non-nil: out-of-range indexes,
 * missing keys, wrong index types and nulls all make it false.
 */
function exists(args: Value[]): Value {
  let v = unbox(args[0]);
  for (const raw of args.slice(1)) {
    const idx = unbox(raw);
    if (v.kind === 'nil') return bool(false);
    v = unbox(v);
    if (v.kind === 'slice' || v.kind === 'string') {
      if (idx.kind !== 'int' && idx.kind !== 'int64' && idx.kind !== 'uint8') return bool(false);
      if (idx.v < 0n || idx.v >= BigInt(lengthOf(v)!)) return bool(false);
      v = v.kind === 'slice' ? fromJson(v.v[Number(idx.v)], true) : { kind: 'uint8', v: 0n, boxed: false };
    } else if (v.kind === 'map') {
      const key = idx.kind === 'invalid' ? '' : idx.kind === 'string' ? idx.v : undefined;
      if (key === undefined) return bool(false);
      v = Object.prototype.hasOwnProperty.call(v.v, key) ? fromJson(v.v[key], true) : { kind: 'nil', boxed: true };
    } else return bool(false);
  }
  return bool(v.kind !== 'nil');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * decodeStdBase64 is base64.StdEncoding.DecodeString: padding required, \r and \n skipped, and
 * errors name the offending input byte ("illegal base64 data at input byte 4").
 */
export function decodeStdBase64(text: string): Uint8Array | string {
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  const corrupt = (at: number) => `illegal base64 data at input byte ${at}`;
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let padded = false;
    while (quantum.length < 4) {
      if (si === src.length) {
        if (quantum.length === 0) return new Uint8Array(out);
        return corrupt(si - quantum.length);
      }
      const c = src[si++];
      if (c === 0x0a || c === 0x0d) continue;
      const d = BASE64.indexOf(String.fromCharCode(c));
      if (d >= 0) {
        quantum.push(d);
        continue;
      }
      if (c !== 0x3d || quantum.length < 2) return corrupt(si - 1);
      if (quantum.length === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < src.length) return corrupt(si);
      padded = true;
      break;
    }
    const n = quantum.length;
    const bits = quantum.reduce((acc, d) => (acc << 6) | d, 0) << (6 * (4 - n));
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, n - 1));
    if (padded) break;
  }
  return new Uint8Array(out);
}

function base64decode(args: Value[]): Value {
  const decoded = decodeStdBase64((args[0] as { v: string }).v);
  if (typeof decoded === 'string') throw new FuncError(`base64 decode failed: ${decoded}`);
  return str(new TextDecoder().decode(decoded));
}

/** KUBECTL_FUNCS: what NewGoTemplatePrinter adds to the builtins. */
export const KUBECTL_FUNCS: ReadonlyMap<string, GoFunc> = new Map([
  ['exists', { params: ['any', 'any'], variadic: true, call: exists }],
  ['base64decode', { params: ['string'], variadic: false, call: base64decode }],
]);
