// Mirrors github.com/dustin/go-humanize bytes.go (bb3d318650d4, the version etcd 3.4 vendors):
// humanize.Bytes, which etcdctl uses for the DB SIZE column (`20 kB`).

const SI_SIZES = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * humanizeBytes prints a byte count in SI units with humanize.Bytes' rounding: one decimal
 * below 10 (`2.1 MB`), none from 10 up (`20 kB`), plain bytes below 10 (`9 B`).
 *
 * @example
 * humanizeBytes(20480); // '20 kB'
 */
export function humanizeBytes(sizeBytes: number): string {
  if (sizeBytes < 10) return `${sizeBytes} B`;
  const exponent = Math.floor(Math.log(sizeBytes) / Math.log(1000));
  const suffix = SI_SIZES[exponent];
  // Worked example: 20480 → 20.48 → floor(204.8 + 0.5) / 10 = 20.5 → Go's %.0f rounds the
  // tie to even → "20".
  const value = Math.floor((sizeBytes / 1000 ** exponent) * 10 + 0.5) / 10;
  return value < 10 ? `${value.toFixed(1)} ${suffix}` : `${goRoundHalfEven(value)} ${suffix}`;
}

/** goRoundHalfEven prints value with no decimals the way Go's %.0f does (ties to even). */
function goRoundHalfEven(value: number): string {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction === 0.5) return String(floor % 2 === 0 ? floor : floor + 1);
  return String(Math.round(value));
}
