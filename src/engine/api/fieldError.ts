// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (v1.32):
// field.Error, its types and how it renders into Status causes and messages.
import { goQuote } from '../go/strconv';

/** goQuote prints a Go %q string, as field errors quote values. */
export { goQuote };

/** FieldErrorType is field.ErrorType; the value is what Status causes carry as `reason`. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

const ERROR_TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** GoSyntax carries a value already printed with Go's %#v (maps, structs, IntOrString…). */
export interface GoSyntax {
  readonly goSyntax: string;
}

/** OMIT_VALUE is field.OmitValueType: the body shows only the type text. */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/** BadValue is what a field error may print: Go scalars, null (nil), %#v text, or nothing. */
export type BadValue = string | number | boolean | null | undefined | GoSyntax | typeof OMIT_VALUE;

/** FieldError is field.Error: a path like `spec.template.metadata.labels` and what is wrong. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue: BadValue;
  detail: string;
}

function fe(type: FieldErrorType, field: string, badValue: BadValue, detail: string): FieldError {
  return { type, field, badValue, detail };
}

/** fieldRequired is field.Required: `Required value` (+ detail). */
export const fieldRequired = (field: string, detail = ''): FieldError => fe('FieldValueRequired', field, '', detail);
/** fieldInvalid is field.Invalid: `Invalid value: <value>: <detail>`. */
export const fieldInvalid = (field: string, value: BadValue, detail: string): FieldError =>
  fe('FieldValueInvalid', field, value, detail);
/** fieldDuplicate is field.Duplicate: `Duplicate value: <value>`. */
export const fieldDuplicate = (field: string, value: BadValue): FieldError => fe('FieldValueDuplicate', field, value, '');
/** fieldNotFound is field.NotFound: `Not found: <value>`. */
export const fieldNotFound = (field: string, value: BadValue): FieldError => fe('FieldValueNotFound', field, value, '');
/** fieldForbidden is field.Forbidden: `Forbidden: <detail>`. */
export const fieldForbidden = (field: string, detail: string): FieldError => fe('FieldValueForbidden', field, '', detail);
/** fieldInternal is field.InternalError. */
export const fieldInternal = (field: string, err: string): FieldError => fe('InternalError', field, null, err);

/** fieldNotSupported is field.NotSupported: `Unsupported value: "x": supported values: "a", "b"`. */
export function fieldNotSupported(field: string, value: BadValue, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map((v) => goQuote(v)).join(', ')}` : '';
  return fe('FieldValueNotSupported', field, value, detail);
}

/** fieldTooLong is field.TooLong: `Too long: may not be more than 262144 bytes`. */
export function fieldTooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
  return fe('FieldValueTooLong', field, '<value omitted>', detail);
}

/** fieldTooMany is field.TooMany: `Too many: 21: must have at most 20 items`. */
export function fieldTooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
  return fe('FieldValueTooMany', field, actual >= 0 ? actual : OMIT_VALUE, detail);
}

function renderBadValue(value: BadValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === OMIT_VALUE) return '';
  return value.goSyntax;
}

/** errorBody is field.Error.ErrorBody: the message without the field path (the Status cause text). */
export function errorBody(err: FieldError): string {
  const text = ERROR_TYPE_TEXT[err.type];
  const bare = ['FieldValueRequired', 'FieldValueForbidden', 'FieldValueTooLong', 'InternalError'].includes(err.type);
  let s = bare || err.badValue === OMIT_VALUE ? text : `${text}: ${renderBadValue(err.badValue)}`;
  if (err.detail !== '') s += `: ${err.detail}`;
  return s;
}

/** fieldErrorString is field.Error.Error(): `metadata.name: Invalid value: "Bad_Name": …`. */
export function fieldErrorString(err: FieldError): string {
  return `${err.field}: ${errorBody(err)}`;
}

/**
 * aggregateMessage joins errors as ErrorList.ToAggregate().Error() does: duplicates dropped, one
 * message alone, several as `[a, b]`.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const seen: string[] = [];
  for (const err of errors) {
    const msg = fieldErrorString(err);
    if (!seen.includes(msg)) seen.push(msg);
  }
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`;
}

/** goSyntax wraps text that is already in Go %#v form. */
export function goSyntax(text: string): GoSyntax {
  return { goSyntax: text };
}
