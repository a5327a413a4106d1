import { describe, expect, it } from 'vitest';
import { milliValue, parseQuantity, value } from './quantity';

// Cases from apimachinery pkg/api/resource quantity_test.go (TestQuantityParse, MilliValue).
describe('quantity', () => {
  it.each([
    ['100m', 100],
    ['1', 1000],
    ['0.5', 500],
    ['2.5', 2500],
    ['1e3', 1_000_000],
    ['1n', 1],
  ])('milliValue(%s) = %d', (text, milli) => expect(milliValue(text)).toBe(milli));

  it.each([
    ['128Mi', 134_217_728],
    ['1Gi', 1_073_741_824],
    ['1G', 1_000_000_000],
    ['8Gi', 8_589_934_592],
    ['1.5Ki', 1536],
  ])('value(%s) = %d', (text, bytes) => expect(value(text)).toBe(bytes));

  it('rejects malformed quantities', () => {
    expect(parseQuantity('12x')).toBeNaN();
    expect(parseQuantity('Mi')).toBeNaN();
  });
});
