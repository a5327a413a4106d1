// The Go values a template sees. kubectl decodes the object with apimachinery's util/json into
// map[string]interface{}: integers become int64, other numbers float64, null a nil interface{}.
// Template constants are int/float64/string/bool, len gives int, indexing a string gives a byte.
// `boxed` marks a value whose static type is interface{} (a map or slice element): Go reports
// fields on it as "in type interface {}", and a pipeline unwraps it (nil → no value).
import type { JsonValue } from '../json';

export type IntKind = 'int' | 'int64' | 'uint8';
export type JsonMap = { [key: string]: JsonValue };

export type Value =
  | { kind: 'invalid' }
  | { kind: 'nil'; boxed: true }
  | { kind: 'string'; v: string; boxed: boolean }
  | { kind: 'bool'; v: boolean; boxed: boolean }
  | { kind: IntKind; v: bigint; boxed: boolean }
  | { kind: 'float64'; v: number; boxed: boolean }
  | { kind: 'map'; v: JsonMap; boxed: boolean }
  | { kind: 'slice'; v: JsonValue[]; boxed: boolean };

/** INVALID is reflect.Value{}: a missing map key; printed as "<no value>". */
export const INVALID: Value = { kind: 'invalid' };

const INT64_LIMIT = 2 ** 63;

/** fromJson wraps decoded JSON; integral numbers inside int64 range are int64, others float64. */
export function fromJson(j: JsonValue, boxed: boolean): Value {
  if (j === null) return boxed ? { kind: 'nil', boxed: true } : INVALID;
  if (typeof j === 'string') return { kind: 'string', v: j, boxed };
  if (typeof j === 'boolean') return { kind: 'bool', v: j, boxed };
  if (typeof j === 'number') {
    return Number.isInteger(j) && Math.abs(j) < INT64_LIMIT ? { kind: 'int64', v: BigInt(j), boxed } : { kind: 'float64', v: j, boxed };
  }
  if (Array.isArray(j)) return { kind: 'slice', v: j, boxed };
  return { kind: 'map', v: j, boxed };
}

export function str(v: string): Value {
  return { kind: 'string', v, boxed: false };
}

export function bool(v: boolean): Value {
  return { kind: 'bool', v, boxed: false };
}

export function int(v: number | bigint, kind: IntKind = 'int'): Value {
  return { kind, v: BigInt(v), boxed: false };
}

/** unbox is Go's indirectInterface: the value inside an interface{}, a nil one being invalid. */
export function unbox(v: Value): Value {
  if (v.kind === 'nil') return INVALID;
  return v.kind !== 'invalid' && v.boxed ? { ...v, boxed: false } : v;
}

/** typeName is the concrete Go type, as %T and error messages print it. */
export function typeName(v: Value): string {
  switch (v.kind) {
    case 'invalid': case 'nil': return 'interface {}';
    case 'map': return 'map[string]interface {}';
    case 'slice': return '[]interface {}';
    default: return v.kind;
  }
}

/** staticType is reflect.Value.Type(): interface {} for a boxed value. */
export function staticType(v: Value): string {
  return v.kind !== 'invalid' && v.boxed ? 'interface {}' : typeName(v);
}

/** isTrue is Go's template truth: non-zero numbers, non-empty strings/maps/slices, true. */
export function isTrue(value: Value): boolean {
  const v = unbox(value);
  switch (v.kind) {
    case 'invalid': case 'nil': return false;
    case 'string': return v.v.length > 0;
    case 'bool': return v.v;
    case 'float64': return v.v !== 0;
    case 'map': return Object.keys(v.v).length > 0;
    case 'slice': return v.v.length > 0;
    default: return v.v !== 0n;
  }
}

/** length is Go's len(): strings count UTF-8 bytes. */
export function lengthOf(v: Value): number | undefined {
  if (v.kind === 'string') return new TextEncoder().encode(v.v).length;
  if (v.kind === 'map') return Object.keys(v.v).length;
  if (v.kind === 'slice') return v.v.length;
  return undefined;
}
