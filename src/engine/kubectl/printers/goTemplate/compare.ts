// The comparison builtins of Go's text/template/funcs.go: eq ne lt le gt ge. Only basic kinds
// compare (bool, int, uint, float, string), and only within a kind (signed and unsigned integers
// mix): an int64 from the object against a 3.0 literal is "incompatible types for comparison".
import { goStringLess } from '../../generate/goMarshal';
import { formatValue } from './print';
import { bool, staticType, typeName, unbox, type Value } from './value';
import { FuncError } from './funcTypes';

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'invalid';

const ERR_BAD_TYPE = 'invalid type for comparison';
const ERR_BAD_COMPARISON = 'incompatible types for comparison';
const ERR_NO_COMPARISON = 'missing argument for comparison';

function basicKind(v: Value): BasicKind {
  switch (v.kind) {
    case 'bool': return 'bool';
    case 'int': case 'int64': return 'int';
    case 'uint8': return 'uint';
    case 'float64': return 'float';
    case 'string': return 'string';
    default: return 'invalid';
  }
}

/** scalar is the comparable payload of a basic value. */
function scalar(v: Value): bigint | number | string | boolean {
  return v.kind === 'invalid' || v.kind === 'nil' || v.kind === 'map' || v.kind === 'slice' ? 0 : v.v;
}

/** equalOther handles eq for values of no basic kind: nils, maps, slices. */
function equalOther(a: Value, b: Value): boolean {
  const aNil = a.kind === 'invalid';
  const bNil = b.kind === 'invalid';
  if (!aNil && !bNil && a.kind !== b.kind) {
    throw new FuncError(`non-comparable types ${formatValue(a, 's')}: ${staticType(a)}, ${staticType(b)}: ${formatValue(b)}`);
  }
  if (aNil || bNil) return aNil === bNil;
  throw new FuncError(`non-comparable type ${formatValue(b, 's')}: ${typeName(b)}`);
}

/** eq reports whether the first argument equals any of the others. */
export function eq(args: Value[]): Value {
  const arg1 = unbox(args[0]);
  if (args.length < 2) throw new FuncError(ERR_NO_COMPARISON);
  const k1 = basicKind(arg1);
  for (const raw of args.slice(1)) {
    const arg = unbox(raw);
    const k2 = basicKind(arg);
    let truth: boolean;
    if (k1 !== k2) {
      if ((k1 === 'int' || k1 === 'uint') && (k2 === 'int' || k2 === 'uint')) truth = scalar(arg1) === scalar(arg);
      else if (arg1.kind !== 'invalid' && arg.kind !== 'invalid') throw new FuncError(ERR_BAD_COMPARISON);
      else truth = false;
    } else if (k1 === 'invalid') truth = equalOther(arg1, arg);
    else truth = scalar(arg1) === scalar(arg);
    if (truth) return bool(true);
  }
  return bool(false);
}

export function ne(args: Value[]): Value {
  return bool(!(eq(args) as { v: boolean }).v);
}

/** less is lt: basic kinds only, bools excluded. */
function less(a0: Value, b0: Value): boolean {
  const [a, b] = [unbox(a0), unbox(b0)];
  const [k1, k2] = [basicKind(a), basicKind(b)];
  if (k1 === 'invalid' || k2 === 'invalid') throw new FuncError(ERR_BAD_TYPE);
  if (k1 !== k2 && !((k1 === 'int' || k1 === 'uint') && (k2 === 'int' || k2 === 'uint'))) throw new FuncError(ERR_BAD_COMPARISON);
  if (k1 === 'bool') throw new FuncError(ERR_BAD_TYPE);
  if (a.kind === 'string' && b.kind === 'string') return goStringLess(a.v, b.v) < 0;
  return scalar(a) < scalar(b);
}

export function lt(args: Value[]): Value {
  return bool(less(args[0], args[1]));
}

export function le(args: Value[]): Value {
  return bool(less(args[0], args[1]) || (eq(args) as { v: boolean }).v);
}

export function gt(args: Value[]): Value {
  return bool(!(le(args) as { v: boolean }).v);
}

export function ge(args: Value[]): Value {
  return bool(!less(args[0], args[1]));
}
