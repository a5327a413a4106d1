// systemd's human time formats (src/basic/time-util.c, systemd 255 as on Ubuntu 24.04):
// format_timestamp ("Tue 2026-11-24 06:40:43 UTC"), format_timestamp_relative ("5min ago") and
// format_timespan ("9min 15.123s"), which `systemctl status` and `journalctl` print.

import { DAYS, MONTHS } from '../go/timeNames';


const SEC = 1000;
const MINUTE = 60 * SEC;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800 * SEC;
const YEAR = 31_557_600 * SEC;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** formatTimestamp: `Tue 2026-11-24 06:40:43 UTC` (the machines run in UTC). */
export function formatTimestamp(wallMs: number): string {
  const d = new Date(wallMs);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** formatShortTimestamp: journalctl's short format, `Nov 24 06:40:43`. */
export function formatShortTimestamp(wallMs: number): string {
  const d = new Date(wallMs);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * formatTimestampRelative: how long ago, in the largest units that fit, as systemd prints it
 * after "since …; ". Each band keeps at most two units.
 *
 * @example
 * formatTimestampRelative(5 * 60_000 + 3_000); // '5min ago'
 * formatTimestampRelative(90_000);             // '1min 30s ago'
 */
export function formatTimestampRelative(agoMs: number): string {
  const d = Math.max(0, agoMs);
  if (d >= YEAR) return `${count(Math.floor(d / YEAR), 'year')} ${count(Math.floor((d % YEAR) / MONTH), 'month')} ago`;
  if (d >= MONTH) return `${count(Math.floor(d / MONTH), 'month')} ${count(Math.floor((d % MONTH) / DAY), 'day')} ago`;
  if (d >= WEEK) return `${count(Math.floor(d / WEEK), 'week')} ${count(Math.floor((d % WEEK) / DAY), 'day')} ago`;
  if (d >= 2 * DAY) return `${Math.floor(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${Math.floor(d / HOUR)}h ago`;
  if (d >= HOUR) return `${Math.floor(d / HOUR)}h ${Math.floor((d % HOUR) / MINUTE)}min ago`;
  if (d >= 5 * MINUTE) return `${Math.floor(d / MINUTE)}min ago`;
  if (d >= MINUTE) return `${Math.floor(d / MINUTE)}min ${Math.floor((d % MINUTE) / SEC)}s ago`;
  if (d >= SEC) return `${Math.floor(d / SEC)}s ago`;
  return `${d}ms ago`;
}

/** count: `1 week`, `2 weeks` (systemd picks the singular for 1). */
const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

const SPAN_UNITS: Array<[string, number]> = [
  ['y', YEAR], ['month', MONTH], ['w', WEEK], ['d', DAY], ['h', HOUR], ['min', MINUTE], ['s', SEC], ['ms', 1],
];

/**
 * formatTimespan at millisecond accuracy: units largest first, and once less than a minute is
 * left with a remainder, seconds with a decimal fraction (`1min 2.345s`, `15.1s`, `120ms`).
 */
export function formatTimespan(spanMs: number): string {
  let t = Math.max(0, Math.round(spanMs));
  if (t === 0) return '0';
  const parts: string[] = [];
  for (const [suffix, unit] of SPAN_UNITS) {
    if (t === 0) break;
    if (t < unit) continue;
    const whole = Math.floor(t / unit);
    const rest = t % unit;
    if (unit === SEC && t < MINUTE && rest > 0) {
      parts.push(`${whole}.${pad(rest, 3).replace(/0+$/, '')}s`);
      t = 0;
      break;
    }
    parts.push(`${whole}${suffix}`);
    t = rest;
  }
  return parts.join(' ');
}
