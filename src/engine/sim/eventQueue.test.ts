import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

describe('EventQueue', () => {
  it('pops by (time, insertion order) for any schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue();
        times.forEach((t, i) => queue.push(t, () => i));
        const popped: Array<[number, number]> = [];
        for (let e = queue.pop(); e; e = queue.pop()) popped.push([e.timeMs, e.seq]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(popped).toEqual(expected);
      }),
    );
  });
});
