// piDigits prints π the way Perl's `print bpi(n)` does: n significant digits, so `3.` and n-1
// decimals, rounded in the last place. Used by the perl image for the Job tutorial's output.

/**
 * piDigits returns π to `digits` significant digits with Machin's formula in BigInt fixed point.
 *
 * @example
 * piDigits(10); // '3.141592654'
 */
export function piDigits(digits: number): string {
  const guard = 10n;
  const scale = 10n ** (BigInt(digits) + guard);
  const arctanInverse = (x: bigint): bigint => {
    // arctan(1/x) = Σ (-1)^k / ((2k+1) x^(2k+1))
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInverse(5n) - arctanInverse(239n));
  // Round to digits-1 decimals: drop the guard digits (one at a time to round once).
  const divisor = 10n ** (guard + 1n);
  const rounded = (pi / (divisor / 10n) + 5n) / 10n;
  const text = rounded.toString();
  return `${text[0]}.${text.slice(1)}`;
}
