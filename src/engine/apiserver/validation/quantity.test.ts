// Cases from staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go (v1.32):
// TestQuantityString (canonical form and its alternate spellings) and TestQuantityParseEmit.
import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantity, formatQuantity, milliValue, parseQuantity } from './quantity';

const STRING_TABLE: [string, string][] = [
  ['1Gi', '1024Mi'], ['300Mi', '307200Ki'], ['6Ki', ''], ['1001Gi', '1025024Mi'], ['1Ti', '1024Gi'],
  ['5', '5000m'], ['500m', '0.5'], ['1G', '1000M'], ['1G', '0.001T'], ['1m', '1000u'], ['80m', ''],
  ['1080m', '1.08'], ['1080m', '1080000000n'], ['300M', ''], ['1T', ''], ['1234567M', ''], ['1234567m', ''],
  ['3k', ''], ['1025', ''], ['0', ''], ['1e9', '.001e12'], ['1e-3', '0.001e0'], ['1e-9', '1000e-12'],
  ['80e-3', ''], ['300e6', ''], ['1e12', ''], ['1e3', ''], ['3e3', ''], ['0', '00'], ['1n', ''], ['80n', ''],
  ['1080n', ''], ['1u', ''], ['80u', ''], ['1080u', ''],
];

describe('Quantity (TestQuantityString)', () => {
  it.each(STRING_TABLE)('%s (alternate %s)', (expected, alternate) => {
    expect(formatQuantity(parseQuantity(expected)!)).toBe(expected);
    if (alternate) expect(formatQuantity(parseQuantity(alternate)!)).toBe(expected);
    if (expected !== '0') expect(formatQuantity(parseQuantity(`-${expected}`)!)).toBe(`-${expected}`);
  });

  it.each([
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1000M', '1G'], ['.001Ki', '1024m'], ['.000001Ki', '1024u'],
  ])('TestQuantityParseEmit %s → %s', (input, out) => {
    expect(formatQuantity(parseQuantity(input)!)).toBe(out);
  });

  it('rejects what ParseQuantity rejects', () => {
    for (const bad of ['', ' 1', '1 ', 'abc', '1.2.3', '1Kib', '1e', '--1', '1mi']) expect(parseQuantity(bad)).toBeUndefined();
  });

  it('compares exactly and rounds up to milli (SetDefaults_ResourceList)', () => {
    expect(compareQuantity(parseQuantity('1')!, parseQuantity('1000m')!)).toBe(0);
    expect(compareQuantity(parseQuantity('2')!, parseQuantity('1')!)).toBe(1);
    expect(compareQuantity(parseQuantity('1Gi')!, parseQuantity('1G')!)).toBe(1);
    expect(milliValue(parseQuantity('1.5')!)).toBe(1500n);
    expect(canonicalQuantity('0.0001')).toBe('1m');
    expect(canonicalQuantity('0.5')).toBe('500m');
    expect(canonicalQuantity('1000m')).toBe('1');
    expect(canonicalQuantity(2)).toBe('2');
  });
});
