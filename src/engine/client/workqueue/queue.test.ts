import { describe, expect, it } from 'vitest';
import { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { RateLimitingQueue } from './queue';
import { ItemExponentialFailureRateLimiter } from './rateLimiter';

// Behaviours from client-go util/workqueue queue_test.go and default_rate_limiters_test.go.
describe('RateLimitingQueue', () => {
  it('dedupes a key that is already queued', () => {
    const queue = new RateLimitingQueue(new Simulator(1), 'q', 'test');
    queue.add('a');
    queue.add('a');
    queue.add('b');
    expect(queue.length).toBe(2);
  });

  it('holds a key re-added while processing until Done', () => {
    const queue = new RateLimitingQueue(new Simulator(1), 'q', 'test');
    queue.add('a');
    const key = queue.get().value!;
    queue.add('a');
    expect(queue.length).toBe(0);
    queue.done(key);
    expect(queue.length).toBe(1);
  });

  it('wakes a waiting worker and delays AddAfter on the sim clock', () => {
    const sim = new Simulator(1);
    const queue = new RateLimitingQueue(sim, 'q', 'test');
    const got: Array<[string, number]> = [];
    function* worker(): Task<void> {
      for (;;) {
        const key = yield* wait(queue.get());
        if (!key) return;
        got.push([key, sim.nowMs]);
        queue.done(key);
      }
    }
    spawn(worker());
    queue.addAfter('later', 250);
    sim.after(10, () => queue.add('now'));
    sim.runUntil(1000);
    expect(got).toEqual([['now', 10], ['later', 250]]);
  });

  it('backs off exponentially per item: 5ms, 10ms, 20ms ... capped', () => {
    const limiter = new ItemExponentialFailureRateLimiter(5, 1000_000);
    expect([1, 2, 3, 4].map(() => limiter.whenMs('x'))).toEqual([5, 10, 20, 40]);
    limiter.forget('x');
    expect(limiter.whenMs('x')).toBe(5);
    const capped = new ItemExponentialFailureRateLimiter(5, 1000_000);
    for (let i = 0; i < 40; i++) capped.whenMs('y');
    expect(capped.whenMs('y')).toBe(1000_000);
  });
});
