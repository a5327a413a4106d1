import { describe, expect, it } from 'vitest';
import { formatShortTimestamp, formatTimespan, formatTimestamp, formatTimestampRelative } from './systemdTime';

// systemd src/basic/time-util.c: format_timestamp, format_timestamp_relative, format_timespan.
describe('systemd time formats', () => {
  it('prints absolute timestamps as systemctl and journalctl do', () => {
    const t = Date.UTC(2026, 10, 24, 6, 40, 43, 759);
    expect(formatTimestamp(t)).toBe('Tue 2026-11-24 06:40:43 UTC');
    expect(formatShortTimestamp(t)).toBe('Nov 24 06:40:43');
  });

  it.each([
    [450, '450ms ago'],
    [42_000, '42s ago'],
    [90_000, '1min 30s ago'],
    [5 * 60_000 + 3_000, '5min ago'],
    [2 * 3_600_000 + 7 * 60_000, '2h 7min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
    [9 * 86_400_000, '1 week 2 days ago'],
    [15 * 86_400_000, '2 weeks 1 day ago'],
  ])('relative %i ms → %s', (ms, text) => {
    expect(formatTimestampRelative(ms)).toBe(text);
  });

  it.each([
    [0, '0'],
    [120, '120ms'],
    [1_200, '1.2s'],
    [15_123, '15.123s'],
    [62_345, '1min 2.345s'],
    [60_000, '1min'],
    [9 * 60_000 + 15_123, '9min 15.123s'],
    [3_600_000 + 120_000, '1h 2min'],
  ])('timespan %i ms → %s', (ms, text) => {
    expect(formatTimespan(ms)).toBe(text);
  });
});
