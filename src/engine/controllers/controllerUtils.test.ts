import { describe, expect, it } from 'vitest';
import { controllerRefsEqual, labelsEqual } from './controllerUtils';

const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1', controller: true, blockOwnerDeletion: true };

describe('controller handler comparisons (reflect.DeepEqual)', () => {
  it('labelsEqual ignores key order and treats absent as empty', () => {
    expect(labelsEqual({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(labelsEqual(undefined, {})).toBe(true);
    expect(labelsEqual({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(labelsEqual({ a: '1', b: '2' }, { a: '1' })).toBe(false);
    expect(labelsEqual({ a: '1' }, { a: '2' })).toBe(false);
  });

  it('controllerRefsEqual compares every field; two absent refs are equal', () => {
    expect(controllerRefsEqual(ref, { ...ref })).toBe(true);
    expect(controllerRefsEqual(undefined, undefined)).toBe(true);
    expect(controllerRefsEqual(ref, undefined)).toBe(false);
    expect(controllerRefsEqual(ref, { ...ref, uid: 'u2' })).toBe(false);
    expect(controllerRefsEqual(ref, { ...ref, blockOwnerDeletion: false })).toBe(false);
  });
});
