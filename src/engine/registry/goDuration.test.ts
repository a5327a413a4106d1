import { describe, it, expect } from 'vitest';
import { formatGoDurationMs, formatGoDurationNs, parseGoDuration } from './goDuration';

const NS = 1;
const US = 1_000;
const MS = 1_000_000;
const S = 1_000_000_000;
const MIN = 60 * S;
const H = 60 * MIN;

// Go src/time/time_test.go durationTests (the ±2^63 rows exceed JS safe integers and are left out).
const goDurationTests: Array<[string, number]> = [
  ['0s', 0],
  ['1ns', 1 * NS],
  ['1.1µs', 1100 * NS],
  ['2.2ms', 2200 * US],
  ['3.3s', 3300 * MS],
  ['4m5s', 4 * MIN + 5 * S],
  ['4m5.001s', 4 * MIN + 5001 * MS],
  ['5h6m7.001s', 5 * H + 6 * MIN + 7001 * MS],
  ['8m0.000000001s', 8 * MIN + 1 * NS],
];

describe('formatGoDurationNs', () => {
  it.each(goDurationTests)('prints %s', (text, ns) => {
    expect(formatGoDurationNs(ns)).toBe(text);
    if (ns > 0) expect(formatGoDurationNs(-ns)).toBe(`-${text}`);
  });

  it('prints the took values etcdctl 3.4 printed (testdata/endpoint_health_json.txt)', () => {
    expect(formatGoDurationNs(3_347_633)).toBe('3.347633ms');
    expect(formatGoDurationNs(6_496_820)).toBe('6.49682ms');
  });
});

describe('formatGoDurationMs', () => {
  // Values seen in kubelet 1.32 "Successfully pulled image" events.
  it.each([
    [5210, '5.21s'],
    [6323, '6.323s'],
    [459, '459ms'],
    [64_136, '1m4.136s'],
    [674_474, '11m14.474s'],
    [1000, '1s'],
    [60_000, '1m0s'],
  ])('prints %i ms as %s', (ms, text) => {
    expect(formatGoDurationMs(ms)).toBe(text);
  });
});

describe('parseGoDuration', () => {
  // Go src/time/time_test.go parseDurationTests (subset) and its error texts.
  it.each([
    ['0', 0],
    ['5s', 5 * S],
    ['30s', 30 * S],
    ['1478s', 1478 * S],
    ['-5s', -5 * S],
    ['+5s', 5 * S],
    ['-0', 0],
    ['5.0s', 5 * S],
    ['5.6s', 5 * S + 600 * MS],
    ['5.s', 5 * S],
    ['.5s', 500 * MS],
    ['1.004s', 1 * S + 4 * MS],
    ['100.00100s', 100 * S + 1 * MS],
    ['10ns', 10 * NS],
    ['11us', 11 * US],
    ['12µs', 12 * US],
    ['12μs', 12 * US],
    ['13ms', 13 * MS],
    ['14s', 14 * S],
    ['15m', 15 * MIN],
    ['16h', 16 * H],
    ['3h30m', 3 * H + 30 * MIN],
    ['10.5s4m', 4 * MIN + 10 * S + 500 * MS],
    ['-2m3.4s', -(2 * MIN + 3 * S + 400 * MS)],
    ['1h2m3s4ms5us6ns', 1 * H + 2 * MIN + 3 * S + 4 * MS + 5 * US + 6 * NS],
  ])('parses %s', (text, ns) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, ns });
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['abc', 'time: invalid duration "abc"'], // etcdctl testdata/err_bad_dial_timeout.txt
    ['1x', 'time: unknown unit "x" in duration "1x"'],
  ])('rejects %j', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, error });
  });
});
