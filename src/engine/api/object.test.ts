import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyWith, deepClone, deepFreeze, shareUnchanged } from './object';

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

  it('copyWith is { ...obj, ...fields }, keeping a "__proto__" key an own field', () => {
    expect(copyWith({ a: 1, b: 2, c: 3 }, { b: 5, d: 4 } as never)).toEqual({ a: 1, b: 5, c: 3, d: 4 });
    expect(Object.keys(copyWith({ a: 1, b: 2 }, { a: 0 }))).toEqual(['a', 'b']);
    const hostile = JSON.parse('{"__proto__": {"spec": "injected"}, "kind": "Pod"}') as Record<string, unknown>;
    const copy = copyWith(hostile, { kind: 'Pod2' });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { spec?: unknown }).spec).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'kind']);
    expect(copy.kind).toBe('Pod2');
  });
});
