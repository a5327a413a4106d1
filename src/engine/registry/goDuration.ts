// Mirrors Go src/time/time.go (Duration.String) and src/time/format.go (ParseDuration).
// Kubelet events and etcdctl print durations with Go's `%v`, so the simulator must print
// them the same way: `512ms`, `1.234s`, `1m2.5s`, `3.347633ms`.

const NS_PER_US = 1_000;
const NS_PER_MS = 1_000_000;
const NS_PER_S = 1_000_000_000;

/**
 * formatGoDurationNs prints a duration in nanoseconds as Go's time.Duration.String does.
 * Inputs are rounded to whole nanoseconds.
 *
 * @example
 * formatGoDurationNs(5_210_000_000); // '5.21s'
 * formatGoDurationNs(3_347_633);     // '3.347633ms'
 * formatGoDurationNs(62_500_000_000); // '1m2.5s'
 */
export function formatGoDurationNs(durationNs: number): string {
  const ns = Math.round(durationNs);
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  const abs = Math.abs(ns);
  if (abs < NS_PER_S) {
    // Sub-second values use the largest unit that keeps an integer part: ns, µs or ms.
    if (abs < NS_PER_US) return `${sign}${abs}ns`;
    if (abs < NS_PER_MS) return `${sign}${withFraction(abs, NS_PER_US)}µs`;
    return `${sign}${withFraction(abs, NS_PER_MS)}ms`;
  }
  const totalSeconds = Math.floor(abs / NS_PER_S);
  const fractionNs = abs - totalSeconds * NS_PER_S;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  let out = sign;
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  return `${out}${seconds}${fractionDigits(fractionNs, NS_PER_S)}s`;
}

/**
 * formatGoDurationMs prints whole milliseconds the Go way. Kubelet truncates image pull
 * durations to milliseconds before printing them (`time.Duration.Truncate(time.Millisecond)`),
 * so pull events only ever need this.
 *
 * @example
 * formatGoDurationMs(5210); // '5.21s'
 * formatGoDurationMs(512);  // '512ms'
 */
export function formatGoDurationMs(durationMs: number): string {
  return formatGoDurationNs(Math.trunc(durationMs) * NS_PER_MS);
}

/** withFraction prints `value / unit` with Go's trimmed decimal fraction (`1.5`, `2`, `3.347633`). */
function withFraction(value: number, unit: number): string {
  const whole = Math.floor(value / unit);
  return `${whole}${fractionDigits(value - whole * unit, unit)}`;
}

/** fractionDigits prints `remainder / unit` as `.ddd` without trailing zeros, or '' when zero. */
function fractionDigits(remainder: number, unit: number): string {
  if (remainder === 0) return '';
  const width = String(unit).length - 1;
  return `.${String(remainder).padStart(width, '0').replace(/0+$/, '')}`;
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: NS_PER_US,
  'µs': NS_PER_US, // U+00B5 micro sign
  'μs': NS_PER_US, // U+03BC Greek mu
  ms: NS_PER_MS,
  s: NS_PER_S,
  m: 60 * NS_PER_S,
  h: 3600 * NS_PER_S,
};

/** GoDurationParse is either nanoseconds or the error text Go's time.ParseDuration returns. */
export type GoDurationParse = { ok: true; ns: number } | { ok: false; error: string };

/**
 * parseGoDuration parses `1s`, `1m30s`, `-1.5h`, `300ms`, `0` as Go's time.ParseDuration does,
 * with its error texts (Go ≥ 1.15 quotes the input: `time: invalid duration "abc"`).
 */
export function parseGoDuration(text: string): GoDurationParse {
  const quoted = JSON.stringify(text);
  const invalid: GoDurationParse = { ok: false, error: `time: invalid duration ${quoted}` };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ns: 0 };
  if (rest === '') return invalid;
  let totalNs = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = number?.[1] ?? '';
    const frac = number?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return invalid;
    rest = rest.slice(number?.[0].length ?? 0);
    const unitMatch = /^[^.\d]+/.exec(rest);
    if (!unitMatch) return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const unit = unitMatch[0];
    const unitNs = UNIT_NS[unit];
    if (unitNs === undefined) {
      return { ok: false, error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    }
    rest = rest.slice(unit.length);
    totalNs += Number(whole || '0') * unitNs + Number(`0.${frac ?? ''}`) * unitNs;
  }
  return { ok: true, ns: sign * Math.round(totalNs) };
}
