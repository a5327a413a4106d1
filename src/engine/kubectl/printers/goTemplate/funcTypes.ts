// How a template function is declared to the executor: Go's reflect signature reduced to what
// the builtins and kubectl's extra functions use.
import type { Value } from './value';

/**
 * ParamType: 'value' is a reflect.Value parameter (gets the operand as-is, even a missing one),
 * 'any' an interface{} (a missing operand arrives as nil), 'string' a string (others fail).
 */
export type ParamType = 'value' | 'any' | 'string';

export interface GoFunc {
  params: ParamType[];
  /** variadic: the last parameter takes any number of operands (`...`). */
  variadic: boolean;
  /** call runs the function; a Go error result (or a recovered panic) is a thrown FuncError. */
  call(args: Value[]): Value;
}

export type FuncMap = ReadonlyMap<string, GoFunc>;

/** FuncError is a function's error result; the executor reports "error calling NAME: …". */
export class FuncError extends Error {}
