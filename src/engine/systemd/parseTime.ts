// systemd's parse_timestamp subset that `journalctl --since/--until` takes (systemd.time(7)):
// "now", "today", "yesterday", "tomorrow", "YYYY-MM-DD [HH:MM[:SS]]", "HH:MM[:SS]" (today),
// "-10min" / "+1h", and "10 minutes ago". The machines run in UTC.

const UNIT_MS: Record<string, number> = {
  us: 0.001, usec: 0.001, ms: 1, msec: 1,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  M: 2_629_800_000, month: 2_629_800_000, months: 2_629_800_000,
  y: 31_557_600_000, year: 31_557_600_000, years: 31_557_600_000,
};

/** parseTimespan: `10min`, `1h 30min`, `10 minutes`, a bare number being seconds. */
export function parseTimespan(text: string): number | undefined {
  const parts = text.trim().match(/\d+(\.\d+)?\s*[a-zA-Z]*/g);
  if (!parts || parts.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return undefined;
  let total = 0;
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(part.trim());
    if (!m) return undefined;
    const unit = m[2] === '' ? 's' : m[2];
    const ms = UNIT_MS[unit] ?? UNIT_MS[unit.toLowerCase()];
    if (ms === undefined) return undefined;
    total += Number(m[1]) * ms;
  }
  return total;
}

/** parseSystemdTime returns the wall-clock ms `text` names, relative to `nowWallMs`, or undefined. */
export function parseSystemdTime(text: string, nowWallMs: number): number | undefined {
  const t = text.trim();
  const day = Math.floor(nowWallMs / 86_400_000) * 86_400_000;
  if (t === 'now') return nowWallMs;
  if (t === 'today') return day;
  if (t === 'yesterday') return day - 86_400_000;
  if (t === 'tomorrow') return day + 86_400_000;
  const ago = /^(.+?)\s+ago$/.exec(t);
  if (ago) {
    const span = parseTimespan(ago[1]);
    return span === undefined ? undefined : nowWallMs - span;
  }
  if (t.startsWith('-') || t.startsWith('+')) {
    const span = parseTimespan(t.slice(1));
    return span === undefined ? undefined : nowWallMs + (t[0] === '-' ? -span : span);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (date) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = date;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  const clock = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) return day + (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000;
  return undefined;
}
