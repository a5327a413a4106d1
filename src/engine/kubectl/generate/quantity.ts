// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go
// (ParseQuantity, parseQuantityString, CanonicalizeBytes) and suffix.go. kubectl parses
// `--hard`, `--limits`, `--requests` into resource.Quantity and the JSON it prints is the
// canonical form (`1.5` → `1500m`, `1024Mi` → `1Gi`), except that a Quantity remembers the
// text it was parsed from when that text is already in a canonical-looking shape.

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([k, v]) => [v, k]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([k, v]) => [v, k]));
const INT64_MAX = 2n ** 63n - 1n;

interface QuantityParts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString mirrors the Go scanner: sign, digits, optional fraction, suffix. */
function parseQuantityString(str: string): QuantityParts | undefined {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos = 1;
  }
  while (str[pos] === '0') pos++;
  const numStart = pos;
  while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const denomStart = ++pos;
    while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && str[pos] >= '0' && str[pos] <= '9') pos++;
  if (pos < str.length) return undefined;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: Format } | undefined {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** keepsOriginalText mirrors ParseQuantity's int64 fast path that caches `s: str`. */
function keepsOriginalText(p: QuantityParts, exponent: number, format: Format): boolean {
  const shifted = p.num + p.denom;
  if (format === 'BinarySI') {
    if (exponent < 0 || p.denom.length > 0) return false;
    const precision = 15 - p.num.length - Math.trunc((exponent * 3) / 10) - 1;
    if (precision < 0) return false;
    const value = BigInt(shifted);
    return value * (1n << BigInt(exponent)) <= INT64_MAX && exponent % 10 === 0 && (value & 7n) !== 0n;
  }
  const scale = exponent - p.denom.length;
  if (18 - shifted.length < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** Quantity is a parsed value: sign * mantissa * 10^exp10, plus how Go would print it. */
export interface Quantity {
  text: string;
}

function stripTens(m: bigint, e: number): [bigint, number] {
  while (m !== 0n && m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  return [m, e];
}

/** canonicalize mirrors CanonicalizeBytes for a value mantissa*10^exp10 (mantissa ≥ 0). */
function canonicalize(negative: boolean, mantissa: bigint, exp10: number, format: Format): string {
  if (mantissa === 0n) return '0';
  const sign = negative ? '-' : '';
  let [m, e] = stripTens(mantissa, exp10);
  if (format === 'BinarySI') {
    const isInteger = e >= 0;
    const value = isInteger ? m * 10n ** BigInt(e) : 0n;
    if (isInteger && value >= 1024n) {
      let k = 0;
      let v = value;
      while (v % 1024n === 0n) {
        v /= 1024n;
        k++;
      }
      return `${sign}${v}${BIN_BY_EXP.get(k * 10) ?? ''}`;
    }
    format = 'DecimalSI';
  }
  while (((e % 3) + 3) % 3 !== 0) {
    m *= 10n;
    e--;
  }
  if (format === 'DecimalExponent') return `${sign}${m}${e === 0 ? '' : `e${e}`}`;
  return `${sign}${m}${DEC_BY_EXP.get(e) ?? ''}`;
}

/**
 * parseQuantity mirrors resource.ParseQuantity + Quantity.String: the text kubectl prints for a
 * quantity, or the Go error message.
 * @example parseQuantity('1.5') → { text: '1500m' }; parseQuantity('2x') → Error(ERR_SUFFIX)
 */
export function parseQuantity(str: string): Quantity | Error {
  if (str.length === 0) return new Error(ERR_FORMAT_WRONG);
  if (str === '0') return { text: '0' };
  const parts = parseQuantityString(str);
  if (!parts) return new Error(ERR_FORMAT_WRONG);
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return new Error(ERR_SUFFIX);
  if (keepsOriginalText(parts, suffix.exponent, suffix.format)) return { text: str };
  let mantissa = BigInt(parts.num + parts.denom);
  let exp10 = -parts.denom.length;
  if (suffix.base === 10) exp10 += suffix.exponent;
  else mantissa *= 1n << BigInt(suffix.exponent);
  if (exp10 < -9) {
    const div = 10n ** BigInt(-9 - exp10);
    mantissa = (mantissa + div - 1n) / div; // inf.RoundUp: away from zero
    exp10 = -9;
  }
  let format = suffix.format;
  // A binary quantity below one is printed in decimal (ParseQuantity switches the format).
  if (format === 'BinarySI' && exp10 < 0 && mantissa < 10n ** BigInt(-exp10)) format = 'DecimalSI';
  return { text: canonicalize(!parts.positive, mantissa, exp10, format) };
}

/** canonicalQuantity re-prints a quantity string the way decoding + encoding it in Go does. */
export function canonicalQuantity(str: string): string {
  const q = parseQuantity(str);
  return q instanceof Error ? str : q.text;
}
