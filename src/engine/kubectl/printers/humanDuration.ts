// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go (v1.32):
// HumanDuration (AGE, LAST SEEN, RESTARTS "(Xs ago)", describe Age) and ShortHumanDuration.
import { fromRFC3339 } from '../../sim/time';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** truncSeconds mirrors Go's int(d.Seconds()): toward zero, so -1.5s is -1. */
function truncSeconds(durationMs: number): number {
  return Math.trunc(durationMs / SECOND_MS);
}

/**
 * humanDuration prints a duration with ~2-3 significant figures, the way kubectl prints ages.
 * Negative durations up to -1s print `0s` (clock skew tolerance); below that `<invalid>`.
 * @example humanDuration(330_000) // '5m30s'; humanDuration(3 * 3600_000) // '3h'
 */
export function humanDuration(durationMs: number): string {
  const seconds = truncSeconds(durationMs);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(durationMs / MINUTE_MS);
  if (minutes < 10) {
    const s = Math.trunc(durationMs / SECOND_MS) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(durationMs / HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * shortHumanDuration prints one unit only (`45s`, `5m`, `3h`, `2d`, `1y`); kubectl uses it for
 * `kubectl events`-style and some legacy columns.
 */
export function shortHumanDuration(durationMs: number): string {
  const seconds = truncSeconds(durationMs);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(durationMs / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(durationMs / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(durationMs / HOUR_MS / 24 / 365)}y`;
}

/**
 * translateTimestampSince is printers.go's helper: `<unknown>` for a missing (zero) timestamp,
 * else humanDuration(now - t). `nowMs` is sim time; `timestamp` is RFC 3339 as objects carry it.
 */
export function translateTimestampSince(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const atMs = fromRFC3339(timestamp);
  if (Number.isNaN(atMs) || isZeroTime(timestamp)) return '<unknown>';
  return humanDuration(nowMs - atMs);
}

/** translateTimestampUntil is the future-facing twin (CronJob next schedule, cert expiry). */
export function translateTimestampUntil(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const atMs = fromRFC3339(timestamp);
  if (Number.isNaN(atMs) || isZeroTime(timestamp)) return '<unknown>';
  return humanDuration(atMs - nowMs);
}

/** isZeroTime reports Go's zero time (0001-01-01T00:00:00Z), which metav1.Time.IsZero treats as unset. */
function isZeroTime(timestamp: string): boolean {
  return timestamp.startsWith('0001-01-01T00:00:00');
}
