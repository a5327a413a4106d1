// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (v1.32):
// parsing `500m`, `1.5Gi`, `1e3`, exact comparison, RoundUp to milli (SetDefaults_ResourceList)
// and the canonical String() the apiserver stores and prints (`0.5` → `500m`, `1024Mi` → `1Gi`).

/** QuantityFormat is resource.Format: which suffix family String() uses. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is an exact value num × 10^-scale (scale ≥ 0) plus the format the user wrote. */
export interface Quantity {
  num: bigint;
  scale: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** parseQuantity returns undefined for text resource.ParseQuantity rejects. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = QUANTITY_RE.exec(text.trim() === text ? text : '');
  if (!m) return undefined;
  const negative = m[1] === '-';
  const [intPart, fracPart = ''] = m[2].split('.');
  let num = BigInt(`${intPart || '0'}${fracPart}` || '0');
  let scale = fracPart.length;
  const suffix = m[3] ?? '';
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    num *= 2n ** BigInt(BINARY_SUFFIX[suffix]);
  } else {
    const exp = suffix.startsWith('e') || suffix.startsWith('E') ? Number(suffix.slice(1)) : DECIMAL_SUFFIX[suffix];
    if (suffix.startsWith('e') || suffix.startsWith('E')) format = 'DecimalExponent';
    if (exp >= 0) num *= pow10(exp);
    else scale -= exp;
  }
  return normalize({ num: negative ? -num : num, scale, format });
}

function normalize(q: Quantity): Quantity {
  let { num, scale } = q;
  while (scale > 0 && num % 10n === 0n) {
    num /= 10n;
    scale -= 1;
  }
  return { num, scale, format: q.format };
}

/** compareQuantity is Quantity.Cmp: -1, 0 or 1. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.num * pow10(scale - a.scale);
  const y = b.num * pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** milliValue is Quantity.MilliValue, rounded up (away from zero) as upstream does. */
export function milliValue(q: Quantity): bigint {
  return roundUp(q, 3).num * pow10(3 - roundUp(q, 3).scale);
}

/** roundUp keeps at most `digits` decimals (3 = milli), rounding away from zero (Quantity.RoundUp). */
export function roundUp(q: Quantity, digits: number): Quantity {
  if (q.scale <= digits) return q;
  const div = pow10(q.scale - digits);
  let num = q.num / div;
  if (q.num % div !== 0n) num += q.num > 0n ? 1n : -1n;
  return normalize({ num, scale: digits, format: q.format });
}

/** isInteger tells whether the value has no fractional part. */
function isInteger(q: Quantity): boolean {
  return q.scale === 0;
}

/**
 * formatQuantity is Quantity.String(): the canonical form stored by the apiserver.
 *
 * @example
 * formatQuantity(parseQuantity('0.5')!)    // '500m'
 * formatQuantity(parseQuantity('1024Mi')!) // '1Gi'
 * formatQuantity(parseQuantity('1536Mi')!) // '1536Mi'
 */
export function formatQuantity(q: Quantity): string {
  if (q.num === 0n) return '0';
  if (q.format === 'BinarySI' && isInteger(q)) {
    const abs = q.num < 0n ? -q.num : q.num;
    if (abs >= 1024n) return formatBinary(q.num);
  }
  return formatDecimal(q, q.format === 'DecimalExponent');
}

function formatBinary(value: bigint): string {
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let n = value;
  let i = 0;
  while (i < suffixes.length - 1 && n % 1024n === 0n && n !== 0n) {
    n /= 1024n;
    i += 1;
  }
  return `${n}${suffixes[i]}`;
}

function formatDecimal(q: Quantity, exponentForm: boolean): string {
  // value = num × 10^exp with exp = -scale; move trailing zeros of num into exp, then round exp
  // down to a multiple of 3 so the mantissa stays an integer (nano is the smallest unit).
  let num = q.num;
  let exp = -q.scale;
  while (num % 10n === 0n) {
    num /= 10n;
    exp += 1;
  }
  if (exp < -9) {
    const rounded = roundUp(q, 9);
    num = rounded.num;
    exp = -rounded.scale;
  }
  const exp3 = Math.floor(exp / 3) * 3;
  num *= pow10(exp - exp3);
  if (exponentForm) return exp3 === 0 ? `${num}` : `${num}e${exp3}`;
  const suffix = Object.keys(DECIMAL_SUFFIX).find((s) => DECIMAL_SUFFIX[s] === Math.min(exp3, 18)) ?? '';
  const extra = exp3 > 18 ? pow10(exp3 - 18) : 1n;
  return `${num * extra}${suffix}`;
}

/** canonicalQuantity parses, rounds up to milli as SetDefaults_ResourceList does, and prints. */
export function canonicalQuantity(text: string | number): string | undefined {
  const q = parseQuantity(String(text));
  return q ? formatQuantity(roundUp(q, 3)) : undefined;
}
