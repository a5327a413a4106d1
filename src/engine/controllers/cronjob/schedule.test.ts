import { describe, expect, it } from 'vitest';
import { parseCron, type CronFields } from '../../apiserver/validation/cron';
import { nextActivation } from './schedule';

const fields = (spec: string) => parseCron(spec) as CronFields;
const next = (spec: string, after: string) => {
  const t = nextActivation(fields(spec), Date.parse(after));
  return t === undefined ? undefined : new Date(t).toISOString();
};

// robfig/cron v3 spec_test.go TestNext cases (standard 5-field specs, UTC).
describe('nextActivation (robfig SpecSchedule.Next)', () => {
  it.each([
    ['*/1 * * * *', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00.000Z'],
    ['*/15 * * * *', '2025-01-01T00:14:59Z', '2025-01-01T00:15:00.000Z'],
    ['0 * * * *', '2025-01-01T00:00:00Z', '2025-01-01T01:00:00.000Z'],
    ['30 9 * * 1-5', '2025-01-03T09:30:00Z', '2025-01-06T09:30:00.000Z'],
    ['0 0 1 1 *', '2025-06-01T00:00:00Z', '2026-01-01T00:00:00.000Z'],
    ['@daily', '2025-01-01T12:00:00Z', '2025-01-02T00:00:00.000Z'],
    ['@hourly', '2025-01-01T12:30:00Z', '2025-01-01T13:00:00.000Z'],
    ['0 0 29 2 *', '2025-01-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    // Both day fields restricted: either matches (the 1st, or any Monday).
    ['0 0 1 * MON', '2025-01-02T00:00:00Z', '2025-01-06T00:00:00.000Z'],
    // Day-of-week restricted, day-of-month `*`: both must match, i.e. Mondays only.
    ['0 0 * * MON', '2025-01-06T00:00:00Z', '2025-01-13T00:00:00.000Z'],
    ['0 12 */2 JAN-MAR *', '2025-03-31T13:00:00Z', '2026-01-01T12:00:00.000Z'],
  ])('%s after %s is %s', (spec, after, expected) => {
    expect(next(spec, after)).toBe(expected);
  });

  it('gives up on dates that never come, and spaces @every by its duration', () => {
    expect(next('0 0 30 2 *', '2025-01-01T00:00:00Z')).toBeUndefined();
    expect(next('@every 90s', '2025-01-01T00:00:00.500Z')).toBe('2025-01-01T00:01:30.000Z');
  });

  it('keeps robfig parse errors for validation', () => {
    expect(parseCron('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(parseCron('0 0 * *')).toBe('expected exactly 5 fields, found 4: [0 0 * *]');
    expect(parseCron('@every 5x')).toMatch(/^failed to parse duration 5x/);
  });
});
