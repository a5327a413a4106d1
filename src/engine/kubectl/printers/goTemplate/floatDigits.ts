// strconv.FormatFloat for the 'e', 'f' and 'g' formats (go/src/strconv/ftoa.go). Shortest
// digits come from JS (both pick the shortest string that reads back as the same float64);
// fixed precision rounds the exact decimal expansion half to even, as Go's decimal type does.

/** Digits is a decimal: 0.d1d2d3… × 10^dp, no trailing zeros ("" for zero). */
interface Digits {
  d: string;
  dp: number;
}

function shortestDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [mantissa, exp] = v.toExponential().split('e');
  return { d: mantissa.replace('.', ''), dp: Number(exp) + 1 };
}

/** floatBits splits a finite float64 into mant × 2^(exp-52), with the implicit bit set. */
function floatBits(v: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0 ? { mant: fraction, exp: -1022 } : { mant: fraction | (1n << 52n), exp: biased - 1023 };
}

/** exactDigits is the full decimal expansion of a float64 (every double has a finite one). */
function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const { mant, exp: e } = floatBits(v);
  const exp = e - 52;
  // v = mant × 2^exp; for exp < 0, mant × 5^-exp has the digits and -exp decimal places.
  const digits = exp >= 0 ? (mant << BigInt(exp)).toString() : (mant * 5n ** BigInt(-exp)).toString();
  const dp = exp >= 0 ? digits.length : digits.length + exp;
  return { d: digits.replace(/0+$/, ''), dp };
}

/** round keeps nd digits, rounding half to even on exact ties (Go's decimal.Round). */
function round(a: Digits, nd: number): Digits {
  if (nd < 0 || nd >= a.d.length) return a;
  const tie = a.d[nd] === '5' && nd + 1 === a.d.length;
  const up = tie ? nd > 0 && Number(a.d[nd - 1]) % 2 === 1 : a.d[nd] >= '5';
  if (!up) return { d: a.d.slice(0, nd).replace(/0+$/, ''), dp: a.dp };
  for (let i = nd - 1; i >= 0; i--) {
    if (a.d[i] < '9') return { d: a.d.slice(0, i) + String(Number(a.d[i]) + 1), dp: a.dp };
  }
  return { d: '1', dp: a.dp + 1 };
}

function fmtE(d: Digits, prec: number, e: string): string {
  let out = d.d.length > 0 ? d.d[0] : '0';
  if (prec > 0) out += `.${d.d.slice(1, prec + 1).padEnd(prec, '0')}`;
  const exp = d.d.length === 0 ? 0 : d.dp - 1;
  return `${out}${e}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function fmtF(d: Digits, prec: number): string {
  let out = d.dp > 0 ? d.d.slice(0, d.dp).padEnd(d.dp, '0') : '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      frac += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
    out += `.${frac}`;
  }
  return out;
}

/** fmtB is %b: decimal mantissa, then p and the binary exponent ("7881299347898368p-51"). */
function fmtB(v: number): string {
  const { mant, exp } = floatBits(Math.abs(v));
  const e = exp - 52;
  return `${v < 0 ? '-' : ''}${mant}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

/** fmtX is %x / %X: -0x1.yyyp±dd, hexadecimal digits rounded to prec (-1: all needed). */
function fmtX(v: number, prec: number, upper: boolean): string {
  let { mant, exp } = floatBits(Math.abs(v));
  if (mant === 0n) exp = 0;
  const top = 1n << 60n;
  mant <<= 8n; // leading bit from 1<<52 to 1<<60
  while (mant !== 0n && (mant & top) === 0n) [mant, exp] = [mant << 1n, exp - 1];
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (top - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) [mant, exp] = [mant >> 1n, exp + 1];
  }
  let out = `${v < 0 || Object.is(v, -0) ? '-' : ''}0x${(mant >> 60n) & 1n}`;
  let frac = mant & (top - 1n);
  const digits: string[] = [];
  for (let i = 0; prec < 0 ? frac !== 0n : i < prec; i++) {
    frac <<= 4n;
    digits.push(((frac >> 60n) & 15n).toString(16));
    frac &= top - 1n;
  }
  if (digits.length > 0) out += `.${digits.join('')}`;
  out += `p${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return upper ? out.toUpperCase() : out;
}

/**
 * formatFloat is strconv.FormatFloat(v, fmt, prec, 64) for fmt in b e E f F g G x X; prec -1 means
 * the shortest representation. Worked example: 1234.5 with 'g' and prec 3 rounds to digits
 * "123" (dp 4); the exponent 3 is not below the precision 3, so it prints as "1.23e+03".
 */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (fmt === 'b') return fmtB(v);
  if (fmt === 'x' || fmt === 'X') return fmtX(v, prec, fmt === 'X');
  const neg = v < 0 || Object.is(v, -0);
  const shortest = prec < 0;
  const lower = fmt.toLowerCase();
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(Math.abs(v));
    prec = lower === 'e' ? Math.max(digs.d.length - 1, 0) : lower === 'f' ? Math.max(digs.d.length - digs.dp, 0) : digs.d.length;
  } else {
    const exact = exactDigits(Math.abs(v));
    if (lower === 'g' && prec === 0) prec = 1;
    digs = round(exact, lower === 'e' ? prec + 1 : lower === 'f' ? exact.dp + prec : prec);
  }
  const sign = neg ? '-' : '';
  const e = fmt === 'E' || fmt === 'G' ? 'E' : 'e';
  if (lower === 'e') return sign + fmtE(digs, prec, e);
  if (lower === 'f') return sign + fmtF(digs, prec);
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) return sign + fmtE(digs, Math.min(prec, digs.d.length) - 1, e);
  return sign + fmtF(digs, Math.max((prec > digs.dp ? digs.d.length : prec) - digs.dp, 0));
}
