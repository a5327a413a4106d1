import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneUnfrozen, copyWith, deepClone, deepFreeze, deepFreezeShared, shareUnchanged } from './object';

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

  it('deepFreezeShared keeps every value, frozen, with empty objects and arrays shared', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const kept = deepFreezeShared(deepClone(value));
        expect(kept).toEqual(value);
        const frozenAll = (v: unknown): boolean => v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(frozenAll));
        expect(frozenAll(kept)).toBe(true);
      }),
    );
    const a = deepFreezeShared({ spec: { securityContext: {}, volumes: [] }, status: { lastState: {}, conditions: [] } });
    expect(a.spec.securityContext).toBe(a.status.lastState);
    expect(a.spec.volumes).toBe(a.status.conditions);
    // A "__proto__" key stays an own field; an object already frozen is kept as it is.
    const hostile = JSON.parse('{"__proto__": {}, "data": {"k": "v"}}') as Record<string, unknown>;
    const kept = deepFreezeShared(hostile);
    expect(Object.keys(kept)).toEqual(['__proto__', 'data']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    const frozen = Object.freeze({});
    expect(deepFreezeShared({ x: frozen }).x).toBe(frozen);
  });

  it('cloneUnfrozen copies like deepClone but keeps frozen subtrees themselves', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const frozen = deepFreeze(deepClone({ inner: a }));
        const value = { open: deepClone(b), frozen };
        const copy = cloneUnfrozen(value);
        expect(copy).toEqual(deepClone(value));
        expect(copy).not.toBe(value);
        expect(copy.frozen).toBe(frozen);
        if (b !== null && typeof b === 'object') expect(copy.open).not.toBe(value.open);
      }),
    );
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
