import { describe, expect, it } from 'vitest';
import { decisionText } from './decisionText';

describe('decisionText', () => {
  const base = { t: 0, replicaSet: 'web-7b69c7fb6b', maxSurge: 3, maxUnavailable: 2 };
  it('words scale-ups with the surge room and scale-downs with the unavailability room', () => {
    expect(decisionText({ ...base, kind: 'scaleUp', from: 0, to: 3, room: 3 }, 'en')).toBe('Scaled up web-7b69c7fb6b from 0 to 3 (maxSurge 3 → may create 3 more)');
    expect(decisionText({ ...base, kind: 'scaleDown', from: 10, to: 8, room: 2 }, 'en')).toBe('Scaled down web-7b69c7fb6b from 10 to 8 (maxUnavailable 2 → 2 available may go)');
    expect(decisionText({ ...base, kind: 'scaleUp', from: 0, to: 3, room: 3 }, 'zh-CN')).toBe('扩容 web-7b69c7fb6b：0 → 3（maxSurge 3 → 还可多建 3 个）');
  });
});
