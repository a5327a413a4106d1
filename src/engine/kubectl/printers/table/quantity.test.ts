// Cases transcribed from apimachinery pkg/api/resource/quantity_test.go (v0.32.0) TestQuantityString:
// decQuantity(v, scale, format) is v·10^scale; String() must give the canonical text, and parsing
// that text must keep it verbatim.
import { describe, expect, it } from 'vitest';
import { addQuantity, formatQuantity, milliValue, parseQuantity, quantityValue, type QuantityFormat } from './quantity';

const dec = (value: number, scale: number, format: QuantityFormat) => {
  const exponent = scale + 9;
  const nano = exponent >= 0 ? BigInt(value) * 10n ** BigInt(exponent) : BigInt(value) / 10n ** BigInt(-exponent);
  return { nano, format };
};

describe('formatQuantity (TestQuantityString)', () => {
  const G = 1024 * 1024 * 1024;
  const cases: Array<[ReturnType<typeof dec>, string]> = [
    [dec(G, 0, 'BinarySI'), '1Gi'], [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi'], [dec(6 * 1024, 0, 'BinarySI'), '6Ki'],
    [dec(1001 * G, 0, 'BinarySI'), '1001Gi'], [dec(1024 * G, 0, 'BinarySI'), '1Ti'], [dec(5, 0, 'BinarySI'), '5'], [dec(500, -3, 'BinarySI'), '500m'],
    [dec(1, 9, 'DecimalSI'), '1G'], [dec(1000, 6, 'DecimalSI'), '1G'], [dec(1000000, 3, 'DecimalSI'), '1G'], [dec(1000000000, 0, 'DecimalSI'), '1G'],
    [dec(1, -3, 'DecimalSI'), '1m'], [dec(80, -3, 'DecimalSI'), '80m'], [dec(1080, -3, 'DecimalSI'), '1080m'], [dec(108, -2, 'DecimalSI'), '1080m'],
    [dec(10800, -4, 'DecimalSI'), '1080m'], [dec(300, 6, 'DecimalSI'), '300M'], [dec(1, 12, 'DecimalSI'), '1T'], [dec(1234567, 6, 'DecimalSI'), '1234567M'],
    [dec(1234567, -3, 'BinarySI'), '1234567m'], [dec(3, 3, 'DecimalSI'), '3k'], [dec(1025, 0, 'BinarySI'), '1025'], [dec(0, 0, 'DecimalSI'), '0'],
    [dec(0, 0, 'BinarySI'), '0'], [dec(1, 9, 'DecimalExponent'), '1e9'], [dec(1, -3, 'DecimalExponent'), '1e-3'], [dec(1, -9, 'DecimalExponent'), '1e-9'],
    [dec(80, -3, 'DecimalExponent'), '80e-3'], [dec(300, 6, 'DecimalExponent'), '300e6'], [dec(1, 12, 'DecimalExponent'), '1e12'], [dec(1, 3, 'DecimalExponent'), '1e3'],
    [dec(3, 3, 'DecimalExponent'), '3e3'], [dec(0, 0, 'DecimalExponent'), '0'], [dec(1, -9, 'DecimalSI'), '1n'], [dec(80, -9, 'DecimalSI'), '80n'],
    [dec(1080, -9, 'DecimalSI'), '1080n'], [dec(1, -6, 'DecimalSI'), '1u'], [dec(80, -6, 'DecimalSI'), '80u'], [dec(1080, -6, 'DecimalSI'), '1080u'],
  ];
  it.each(cases)('%# -> %s', (quantity, expected) => {
    expect(formatQuantity(quantity)).toBe(expected);
    expect(formatQuantity(parseQuantity(expected))).toBe(expected);
  });
});

describe('parseQuantity', () => {
  it('canonicalises what the apiserver would rewrite', () => {
    expect(['1000m', '0.5', '1024Mi', '1000', '1.5Gi', '2048Ki'].map((t) => formatQuantity(parseQuantity(t)))).toEqual(['1', '500m', '1Gi', '1k', '1536Mi', '2Mi']);
  });
  it('adds in the left format and rounds Value/MilliValue up', () => {
    const sum = addQuantity(parseQuantity('128Mi'), parseQuantity('128Mi'));
    expect(formatQuantity(sum)).toBe('256Mi');
    expect(formatQuantity(addQuantity(parseQuantity('0'), parseQuantity('100m')))).toBe('100m');
    expect([milliValue(parseQuantity('1n')), quantityValue(parseQuantity('1500m'))]).toEqual([1, 2]);
  });
});
