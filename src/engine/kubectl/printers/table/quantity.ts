// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (v1.32):
// parse, add, compare and the canonical String() form kubectl prints (`100m`, `128Mi`, `1500m`,
// `8029492Ki`). Values are kept exactly as a BigInt count of nano-units (1e-9), which is the
// finest scale Quantity keeps; finer input rounds up, as ParseQuantity does.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is an exact resource amount plus the suffix family used to print it. */
export interface Quantity {
  /** amount in nano-units (value * 1e9) */
  nano: bigint;
  format: QuantityFormat;
  /** the parsed text when it was already canonical (Go caches it and prints it back verbatim) */
  cached?: string;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*|[eE][+-]?\d+)$/;

/** zeroQuantity is resource.Quantity{} (prints "0", DecimalSI once added to). */
export function zeroQuantity(): Quantity {
  return { nano: 0n, format: 'DecimalSI' };
}

/** parseQuantity accepts the serialized forms ("250m", "1Gi", "0.5", "1e3", 2); throws on junk. */
export function parseQuantity(input: string | number): Quantity {
  const text = String(input).trim();
  if (text === '0') return { nano: 0n, format: 'DecimalSI', cached: '0' };
  const match = QUANTITY_PATTERN.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`quantities must match the regular expression: ${text}`);
  const [, sign, whole, fraction = '', suffix] = match;
  const { base, exponent, format } = interpretSuffix(suffix);
  const digits = BigInt((whole || '0') + fraction);
  let nano: bigint;
  if (base === 2) {
    const scaled = digits * (1n << BigInt(exponent)) * NANO;
    nano = divideRoundUp(scaled, 10n ** BigInt(fraction.length));
  } else {
    const shift = exponent - fraction.length + 9;
    nano = shift >= 0 ? digits * 10n ** BigInt(shift) : divideRoundUp(digits, 10n ** BigInt(-shift));
  }
  if (sign === '-') nano = -nano;
  const quantity: Quantity = { nano, format };
  if (isCanonicalInput(text, whole, fraction, exponent, base)) quantity.cached = text.replace(/^\+/, '');
  return quantity;
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (/^[eE][+-]?\d+$/.test(suffix)) return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  throw new Error(`unable to parse quantity's suffix: ${suffix}`);
}

/** isCanonicalInput mirrors ParseQuantity's "reuse the string" fast path conditions. */
function isCanonicalInput(text: string, whole: string, fraction: string, exponent: number, base: number): boolean {
  if (fraction.length > 0) return false;
  if (base === 2) return exponent % 10 === 0 && (Number(BigInt(whole) & 7n) !== 0);
  return exponent % 3 === 0 && !whole.endsWith('000') && whole[0] !== '0' && !text.startsWith('+');
}

function divideRoundUp(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return q * denominator === numerator ? q : q + 1n;
}

/** addQuantity is Quantity.Add: a zero left side adopts the right side's format. */
export function addQuantity(left: Quantity, right: Quantity): Quantity {
  const format = left.nano === 0n ? right.format : left.format;
  return { nano: left.nano + right.nano, format };
}

/** compareQuantity is Quantity.Cmp: -1, 0 or 1. */
export function compareQuantity(left: Quantity, right: Quantity): number {
  return left.nano < right.nano ? -1 : left.nano > right.nano ? 1 : 0;
}

/** milliValue is Quantity.MilliValue (rounds up to whole milli-units). */
export function milliValue(quantity: Quantity): number {
  return Number(divideRoundUpSigned(quantity.nano, 1_000_000n));
}

/** quantityValue is Quantity.Value (rounds up to whole units). */
export function quantityValue(quantity: Quantity): number {
  return Number(divideRoundUpSigned(quantity.nano, NANO));
}

function divideRoundUpSigned(numerator: bigint, denominator: bigint): bigint {
  return numerator >= 0n ? divideRoundUp(numerator, denominator) : -divideRoundUp(-numerator, denominator);
}

/** formatQuantity is Quantity.String(): the cached text, else the canonical form. */
export function formatQuantity(quantity: Quantity): string {
  if (quantity.cached !== undefined) return quantity.cached;
  if (quantity.nano === 0n) return '0';
  let format = quantity.format;
  if (format === 'BinarySI') {
    const small = quantity.nano > -1024n * NANO && quantity.nano < 1024n * NANO;
    if (small || quantity.nano % NANO !== 0n) format = 'DecimalSI';
  }
  return format === 'BinarySI' ? formatBinary(quantity.nano / NANO) : formatDecimal(quantity.nano, format);
}

function formatBinary(units: bigint): string {
  let amount = units;
  let exponent = 0;
  while (exponent < 6 && amount !== 0n && amount % 1024n === 0n) {
    amount /= 1024n;
    exponent++;
  }
  return `${amount}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exponent]}`;
}

/** formatDecimal strips factors of ten, then lowers the exponent to a multiple of three. */
function formatDecimal(nano: bigint, format: QuantityFormat): string {
  let amount = nano;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const remainder = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(remainder);
  exponent -= remainder;
  const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0];
  if (format === 'DecimalExponent' || suffix === undefined) return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${suffix}`;
}
