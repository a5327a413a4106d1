import { describe, expect, it } from 'vitest';
import { parseSystemdTime, parseTimespan } from './parseTime';

const NOW = Date.UTC(2026, 10, 24, 6, 40, 43);

// systemd.time(7): the forms `journalctl --since/--until` accepts.
describe('parseSystemdTime', () => {
  it.each([
    ['now', NOW],
    ['today', Date.UTC(2026, 10, 24)],
    ['yesterday', Date.UTC(2026, 10, 23)],
    ['10 minutes ago', NOW - 600_000],
    ['10min ago', NOW - 600_000],
    ['1 hour ago', NOW - 3_600_000],
    ['-1h 30min', NOW - 5_400_000],
    ['+5s', NOW + 5_000],
    ['2026-11-24 06:30:00', Date.UTC(2026, 10, 24, 6, 30)],
    ['2026-11-24 06:30', Date.UTC(2026, 10, 24, 6, 30)],
    ['2026-11-23', Date.UTC(2026, 10, 23)],
    ['06:00', Date.UTC(2026, 10, 24, 6)],
  ])('%s', (text, wall) => {
    expect(parseSystemdTime(text, NOW)).toBe(wall);
  });

  it('rejects what systemd cannot parse', () => {
    expect(parseSystemdTime('10 fortnights ago', NOW)).toBeUndefined();
    expect(parseSystemdTime('soon', NOW)).toBeUndefined();
    expect(parseTimespan('5 parsecs')).toBeUndefined();
    expect(parseTimespan('90')).toBe(90_000);
  });
});
