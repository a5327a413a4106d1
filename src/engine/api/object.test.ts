import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepClone, deepFreeze, shareUnchanged } from './object';

describe('object helpers', () => {
  it('shareUnchanged keeps identity of equal subtrees and the value of every field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const prev = deepFreeze(deepClone({ spec: a, status: b }));
        const next = deepClone({ spec: a, status: { changed: true } });
        const shared = shareUnchanged(next, prev);
        expect(shared).toEqual({ spec: a, status: { changed: true } });
        if (a !== null && typeof a === 'object') expect(shared.spec).toBe(prev.spec);
      }),
    );
  });

  it('returns the previous object itself when nothing changed', () => {
    const prev = deepFreeze({ metadata: { name: 'a', labels: { app: 'x' } }, spec: { replicas: 3 } });
    expect(shareUnchanged(deepClone(prev), prev)).toBe(prev);
  });

  it('deepFreeze freezes nested fields', () => {
    const obj = deepFreeze({ spec: { containers: [{ name: 'c' }] } });
    expect(Object.isFrozen(obj.spec.containers[0])).toBe(true);
  });
});
