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

  it('removes any pending events and pops the rest in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 200 }), fc.integer({ min: 0, max: 200 }), (plan, popsFirst) => {
        const queue = new EventQueue();
        const events = plan.map(([t]) => queue.push(t, () => {}));
        // Pop some first, so removals also meet events that already ran (a no-op).
        const popped = new Set<number>();
        for (let k = 0; k < Math.min(popsFirst, events.length) / 4; k++) popped.add(queue.pop()!.seq);
        plan.forEach(([, remove], i) => remove && queue.remove(events[i]));
        const rest: Array<[number, number]> = [];
        for (let e = queue.pop(); e; e = queue.pop()) rest.push([e.timeMs, e.seq]);
        const expected = plan
          .map(([t, remove], i) => [t, i, remove] as const)
          .filter(([, i, remove]) => !remove && !popped.has(i))
          .map(([t, i]) => [t, i] as [number, number])
          .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(rest).toEqual(expected);
        expect(queue.size).toBe(0);
      }),
    );
  });
});
