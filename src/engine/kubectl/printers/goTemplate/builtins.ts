// The predefined functions of Go's text/template (funcs.go builtins): index, slice, len, not,
// print/printf/println, html/js/urlquery and the comparisons. and, or and call need the
// executor (they evaluate lazily or see the callee's name), so they are declared here and run there.
import { eq, ge, gt, le, lt, ne } from './compare';
import { htmlEscape, jsEscape, urlQueryEscape } from './escape';
import { FuncError, type GoFunc } from './funcTypes';
import { sprint, sprintln } from './print';
import { sprintf } from './sprintf';
import { bool, fromJson, int, isTrue, lengthOf, str, typeName, unbox, type Value } from './value';

/** indexArg reads an integer index (Go's indexArg); `limit` is the length. */
function indexArg(index: Value, limit: number): number {
  let x: bigint;
  if (index.kind === 'invalid') throw new FuncError('cannot index slice/array with nil');
  if (index.kind !== 'nil' && !index.boxed && (index.kind === 'int' || index.kind === 'int64' || index.kind === 'uint8')) x = index.v;
  else throw new FuncError(`cannot index slice/array with type ${index.kind === 'nil' || index.boxed ? 'interface {}' : typeName(index)}`);
  if (x < 0n || x > BigInt(limit)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** index x 1 "a" is x[1]["a"]: slices and strings by integer, maps by string key. */
function index(args: Value[]): Value {
  let item = unbox(args[0]);
  if (item.kind === 'invalid') throw new FuncError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const idx = unbox(raw);
    if (item.kind === 'nil') throw new FuncError('index of nil pointer');
    item = unbox(item);
    if (item.kind === 'slice' || item.kind === 'string') {
      const n = lengthOf(item)!;
      const x = indexArg(idx, n);
      // Go checks x > len, then reflect panics on x == len.
      if (x === n) throw new FuncError(`reflect: ${item.kind} index out of range`);
      item = item.kind === 'slice' ? fromJson(item.v[x], true) : int(utf8(item.v)[x], 'uint8');
    } else if (item.kind === 'map') {
      if (idx.kind === 'invalid') throw new FuncError('value is nil; should be of type string');
      if (idx.kind !== 'string') throw new FuncError(`value has type ${typeName(idx)}; should be string`);
      item = Object.prototype.hasOwnProperty.call(item.v, idx.v) ? fromJson(item.v[idx.v], true) : { kind: 'nil', boxed: true };
    } else throw new FuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

/** slice x 1 2 is x[1:2] (x[1:2:3] for slices); strings slice by byte. */
function slice(args: Value[]): Value {
  const item = unbox(args[0]);
  const indexes = args.slice(1);
  if (item.kind === 'invalid') throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  if (item.kind === 'string' && indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
  if (item.kind !== 'string' && item.kind !== 'slice') throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const n = lengthOf(item)!;
  const idx = [0, n, n];
  indexes.forEach((i, k) => (idx[k] = indexArg(i, n)));
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (item.kind === 'slice') return { kind: 'slice', v: item.v.slice(idx[0], idx[1]), boxed: false };
  return str(new TextDecoder().decode(utf8(item.v).slice(idx[0], idx[1])));
}

function len(args: Value[]): Value {
  const item = args[0];
  if (item.kind === 'nil') throw new FuncError('len of nil pointer');
  // A missing operand reaches len as the zero reflect.Value; asking its type panics.
  if (item.kind === 'invalid') throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  const n = lengthOf(unbox(item));
  if (n === undefined) throw new FuncError(`len of type ${typeName(item)}`);
  return int(n);
}

/** evalArgs: the escapers take one string as is, anything else through fmt.Sprint. */
function evalArgs(args: Value[]): string {
  const only = args.length === 1 ? unbox(args[0]) : undefined;
  return only?.kind === 'string' ? only.v : sprint(args);
}

const fn = (params: GoFunc['params'], variadic: boolean, call: GoFunc['call']): GoFunc => ({ params, variadic, call });

/** BUILTINS by name; `and`, `or` and `call` are placeholders the executor special-cases. */
export const BUILTINS: ReadonlyMap<string, GoFunc> = new Map([
  ['and', fn(['value', 'value'], true, (a) => a[a.length - 1])],
  ['or', fn(['value', 'value'], true, (a) => a[a.length - 1])],
  ['call', fn(['value', 'value'], true, () => str(''))],
  ['not', fn(['value'], false, (a) => bool(!isTrue(a[0])))],
  ['len', fn(['value'], false, len)],
  ['index', fn(['value', 'value'], true, index)],
  ['slice', fn(['value', 'value'], true, slice)],
  ['print', fn(['any'], true, (a) => str(sprint(a)))],
  ['println', fn(['any'], true, (a) => str(sprintln(a)))],
  ['printf', fn(['string', 'any'], true, (a) => str(sprintf((a[0] as { v: string }).v, a.slice(1))))],
  ['html', fn(['any'], true, (a) => str(htmlEscape(evalArgs(a))))],
  ['js', fn(['any'], true, (a) => str(jsEscape(evalArgs(a))))],
  ['urlquery', fn(['any'], true, (a) => str(urlQueryEscape(evalArgs(a))))],
  ['eq', fn(['value', 'value'], true, eq)],
  ['ne', fn(['value', 'value'], false, ne)],
  ['lt', fn(['value', 'value'], false, lt)],
  ['le', fn(['value', 'value'], false, le)],
  ['gt', fn(['value', 'value'], false, gt)],
  ['ge', fn(['value', 'value'], false, ge)],
]);
