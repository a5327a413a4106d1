import { describe, expect, it } from 'vitest';
import { date, strftime } from './date';

const NOW = Date.UTC(2026, 0, 5, 7, 3, 9, 250);

// GNU coreutils date(1) in the C.UTF-8 locale and UTC.
describe('date', () => {
  it('prints the default format with a space-padded day', () => {
    expect(date([], NOW)).toEqual({ stdout: 'Mon Jan  5 07:03:09 UTC 2026\n', exit: 0 });
  });

  it.each([
    ['+%Y%m%d', '20260105'],
    ['+%F %T', '2026-01-05 07:03:09'],
    ['+%s', String(Math.floor(NOW / 1000))],
    ['+%j %a %A %b %B %e %y %Z %z %%', '005 Mon Monday Jan January  5 26 UTC +0000 %'],
    ['+%H:%M:%S.%N', '07:03:09.250000000'],
  ])('formats %s', (format, text) => {
    expect(date([format], NOW).stdout).toBe(`${text}\n`);
  });

  it('reads -d dates and the ISO and RFC 5322 shortcuts', () => {
    expect(date(['-d', '@0', '+%F'], NOW).stdout).toBe('1970-01-01\n');
    expect(date(['-d', 'yesterday', '+%F'], NOW).stdout).toBe('2026-01-04\n');
    expect(date(['-I'], NOW).stdout).toBe('2026-01-05\n');
    expect(date(['-R'], NOW).stdout).toBe('Mon, 05 Jan 2026 07:03:09 +0000\n');
    expect(strftime('%D %R %p %I', NOW)).toBe('01/05/26 07:03 AM 07');
  });

  it('rejects bad options and dates as coreutils does', () => {
    expect(date(['-x'], NOW)).toEqual({ stderr: "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", exit: 1 });
    expect(date(['-d', 'someday'], NOW)).toEqual({ stderr: 'date: invalid date ‘someday’\n', exit: 1 });
  });
});
