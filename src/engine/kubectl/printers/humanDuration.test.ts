// Cases transcribed from kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go
// (v0.32.0: TestHumanDuration, TestHumanDurationBoundaries, TestShortHumanDurationBoundaries).
// Go's `-2*time.Second + 1` (one nanosecond) becomes -1999 ms here: sim time is in ms.
import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './humanDuration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  const cases: Array<[number, string]> = [
    [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'], [367 * D, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
    // TestHumanDurationBoundaries
    [-2 * S, '<invalid>'], [-2 * S + 1, '0s'], [0, '0s'], [S - 1, '0s'], [2 * M - 1, '119s'], [2 * M, '2m'],
    [2 * M + S, '2m1s'], [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1, '179m'],
    [3 * H, '3h'], [3 * H + M, '3h1m'], [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'],
    [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'], [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'],
    [2 * Y - 1, '729d'], [2 * Y, '2y'], [2 * Y + 23 * H, '2y'], [2 * Y + 23 * H + 59 * M, '2y'], [2 * Y + D - 1, '2y'],
    [2 * Y + D, '2y1d'], [3 * Y, '3y'], [4 * Y, '4y'], [5 * Y, '5y'], [6 * Y, '6y'], [7 * Y, '7y'], [8 * Y - 1, '7y364d'],
    [8 * Y, '8y'], [8 * Y + 364 * D, '8y'], [9 * Y, '9y'],
  ];
  it.each(cases)('%i ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want));
  it('prints the brief examples', () => {
    expect([45 * S, 5 * M + 30 * S, 3 * H, 2 * D + 5 * H].map(humanDuration)).toEqual(['45s', '5m30s', '3h', '2d5h']);
  });
});

describe('shortHumanDuration', () => {
  const cases: Array<[number, string]> = [
    [-2 * S, '<invalid>'], [-2 * S + 1, '0s'], [0, '0s'], [S - 1, '0s'], [S, '1s'], [2 * S - 1, '1s'], [M - 1, '59s'],
    [M, '1m'], [2 * M - 1, '1m'], [H - 1, '59m'], [H, '1h'], [2 * H - 1, '1h'], [D - 1, '23h'], [D, '1d'],
    [2 * D - 1, '1d'], [Y - 1, '364d'], [Y, '1y'], [2 * Y - 1, '1y'], [2 * Y, '2y'],
  ];
  it.each(cases)('%i ms -> %s', (ms, want) => expect(shortHumanDuration(ms)).toBe(want));
});

describe('translateTimestampSince', () => {
  it('is <unknown> for a missing timestamp and ages otherwise', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince('2025-01-01T00:00:00Z', 90 * S)).toBe('90s');
  });
});
