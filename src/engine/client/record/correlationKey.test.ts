import { describe, expect, it } from 'vitest';
import { correlationKey } from './correlationKey';

describe('correlationKey', () => {
  it('is a safe integer that depends on every part and on where parts split', () => {
    const key = correlationKey('Pod', 'default', 'web-1', 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine');
    expect(Number.isSafeInteger(key)).toBe(true);
    expect(correlationKey('Pod', 'default', 'web-1', 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine')).toBe(key);
    expect(correlationKey('Pod', 'default', 'web-2', 'Normal', 'Pulled', 'Container image "nginx:1.27" already present on machine')).not.toBe(key);
    expect(correlationKey('ab', 'c')).not.toBe(correlationKey('a', 'bc'));
  });

  it('gives 200,000 distinct event keys of one shape 200,000 distinct numbers', () => {
    const keys = new Set<number>();
    for (let i = 0; i < 200_000; i++) keys.add(correlationKey('Pod', 'default', `bench-5659c9d976-${i.toString(36)}`, `uid-${i}`, 'Normal', 'Started', 'Started container pause'));
    expect(keys.size).toBe(200_000);
  });
});
