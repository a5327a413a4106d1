import { describe, expect, it } from 'vitest';
import { formatBinarySI, formatMilliCPU } from './quantity';

// apimachinery resource.Quantity canonical strings (quantity_test.go TestQuantityString).
describe('node quantities', () => {
  it('prints bytes with the largest exact binary suffix', () => {
    expect([8 * 2 ** 30, 8 * 2 ** 30 - 100 * 2 ** 20, 1500, 1024, 3 * 2 ** 40].map(formatBinarySI)).toEqual(['8Gi', '8092Mi', '1500', '1Ki', '3Ti']);
  });

  it('prints cpu as cores or millicores', () => {
    expect([4000, 3500, 100].map(formatMilliCPU)).toEqual(['4', '3500m', '100m']);
  });
});
