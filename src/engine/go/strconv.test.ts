import { describe, expect, it } from 'vitest';
import { formatFloatG } from './strconv';

describe("formatFloatG (strconv.FormatFloat(v, 'g', -1, 64))", () => {
  it('writes the values etcd 3.4.23 wrote on its /metrics page (testdata/metrics_3.4.txt)', () => {
    expect(formatFloatG(2 * 1024 ** 3)).toBe('2.147483648e+09');
    expect(formatFloatG(0.003214194)).toBe('0.003214194');
    expect(formatFloatG(20480)).toBe('20480');
    expect(formatFloatG(8.192)).toBe('8.192');
  });

  it('switches to an exponent below 1e-4 and from 1e6 (the shortest form decides at precision 6)', () => {
    expect(formatFloatG(999_999)).toBe('999999');
    expect(formatFloatG(1_000_000)).toBe('1e+06');
    expect(formatFloatG(1_691_346)).toBe('1.691346e+06');
    expect(formatFloatG(0.0001)).toBe('0.0001');
    expect(formatFloatG(0.00004)).toBe('4e-05');
    expect(formatFloatG(0)).toBe('0');
    expect(formatFloatG(Infinity)).toBe('+Inf');
  });
});
