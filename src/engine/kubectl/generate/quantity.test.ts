// Expected texts are what kubectl v1.32.4 printed for
// `kubectl create quota q --hard=r0=<value>,... --dry-run=client -o json` (spec.hard).
import { describe, expect, it } from 'vitest';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, parseQuantity } from './quantity';

const KUBECTL_PRINTED: [string, string][] = [
  ['1.5', '1500m'], ['1500m', '1500m'], ['1000m', '1'], ['1000', '1k'], ['1500', '1500'], ['100m', '100m'],
  ['0.5', '500m'], ['+5', '+5'], ['5.', '5.'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1536Ki', '1536Ki'],
  ['100Mi', '100Mi'], ['8Mi', '8Mi'], ['0.5Ki', '512'], ['1e3', '1e3'], ['12e3', '12e3'], ['1.5e3', '1500'],
  ['0.1n', '1n'], ['1E6', '1E6'], ['2k', '2k'], ['007', '007'], ['1.0', '1'], ['10Gi', '10Gi'], ['0', '0'],
  ['0Ki', '0'], ['1.5Gi', '1536Mi'], ['1024', '1024'], ['2048Ki', '2Mi'], ['1k', '1k'], ['1000k', '1M'],
  ['1M', '1M'], ['1234567', '1234567'],
];

describe('parseQuantity', () => {
  it.each(KUBECTL_PRINTED)('%s prints as %s', (input, printed) => {
    const q = parseQuantity(input);
    expect(q instanceof Error ? q.message : q.text).toBe(printed);
  });

  it('returns the Go error texts', () => {
    expect((parseQuantity('1x') as Error).message).toBe(ERR_FORMAT_WRONG);
    expect((parseQuantity('') as Error).message).toBe(ERR_FORMAT_WRONG);
    expect((parseQuantity('1mi') as Error).message).toBe(ERR_SUFFIX);
  });
});
