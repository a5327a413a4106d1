import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './object';
import { SharedValues } from './sharedValues';

/** offer shares a value bottom-up, as deepFreezeShared does: children first, then the value. */
function offer<T>(table: SharedValues, value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = offer(table, record[key]);
  return table.share(Object.freeze(record) as object) as T;
}

/** small: no object or array in `v` has more than 8 fields (bigger ones are never shared). */
function small(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  const values = Object.values(v);
  return values.length <= 8 && values.every(small);
}

describe('SharedValues', () => {
  it('hands back one instance for equal values and keeps different ones apart', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const table = new SharedValues(1000);
        const first = offer(table, structuredClone(a));
        const again = offer(table, structuredClone(a));
        const other = offer(table, structuredClone(b));
        expect(again).toEqual(a);
        expect(other).toEqual(b);
        if (a !== null && typeof a === 'object' && small(a)) expect(again).toBe(first);
        // Equal only when the JSON is: key order and types count ("1" is not 1).
        if (other === first) expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
    );
  });

  it('shares parts that pods repeat: labels, conditions, nested container states', () => {
    const table = new SharedValues(1000);
    const condition = () => ({ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:20Z' });
    expect(offer(table, condition())).toBe(offer(table, condition()));
    expect(offer(table, { ...condition(), status: 'False' })).not.toBe(offer(table, condition()));
    const waiting = () => ({ waiting: { reason: 'ContainerCreating' } });
    expect(offer(table, waiting())).toBe(offer(table, waiting()));
    expect(offer(table, [condition(), condition()])).toBe(offer(table, [condition(), condition()]));
    // Texts cannot imitate the key's structure.
    expect(offer(table, { a: 's1:b' })).not.toBe(offer(table, { a: 's', b: '' }));
    expect(offer(table, ['ab', 'c'])).not.toBe(offer(table, ['a', 'bc']));
  });

  it('does not share big values (a spec, a status) or values holding an object it does not know, and forgets everything when full', () => {
    const wide = () => Object.freeze(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, i])));
    const t = new SharedValues(10);
    expect(t.share(wide())).not.toBe(t.share(wide()));
    expect(t.size).toBe(0);
    const table = new SharedValues(2);
    const foreign = deepFreeze({ x: 1 });
    const holder = () => Object.freeze({ inner: foreign });
    expect(table.share(holder())).not.toBe(table.share(holder()));
    const a = offer(table, { k: 'a' });
    offer(table, { k: 'b' });
    expect(table.size).toBe(2);
    offer(table, { k: 'c' }); // full: starts over
    expect(table.size).toBe(1);
    expect(offer(table, { k: 'a' })).not.toBe(a);
  });
});
