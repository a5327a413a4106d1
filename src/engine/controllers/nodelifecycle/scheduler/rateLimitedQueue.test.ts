import { describe, expect, it } from 'vitest';
import nodeFacts from '../testdata/node_facts.json';
import { NODE_EVICTION_PERIOD_MS, RateLimitedTimedQueue, TokenBucket } from './rateLimitedQueue';

const rate = nodeFacts.facts['kube-controller-manager_nodeLifecycle']['node-eviction-rate'].value;

/** drain runs the tainting pass every 100 ms for `untilMs` and returns when each node was processed. */
function drain(queue: RateLimitedTimedQueue, untilMs: number): Array<[string, number]> {
  const processed: Array<[string, number]> = [];
  for (let t = 0; t <= untilMs; t += NODE_EVICTION_PERIOD_MS) {
    queue.try(t, (v) => {
      processed.push([v.value, t]);
      return [true, 0];
    });
  }
  return processed;
}

describe('RateLimitedTimedQueue with the node-eviction-rate token bucket (burst 1)', () => {
  it('taints one node at once, then one every 1/rate seconds', () => {
    const queue = new RateLimitedTimedQueue(new TokenBucket(rate, 1));
    for (const name of ['node-a', 'node-b', 'node-c']) expect(queue.add(name, name, 0)).toBe(true);
    expect(drain(queue, 30_000)).toEqual([['node-a', 0], ['node-b', 1000 / rate], ['node-c', 2000 / rate]]);
  });

  it('adds a node once until it is removed (one taint per outage)', () => {
    const queue = new RateLimitedTimedQueue(new TokenBucket(rate, 1));
    expect(queue.add('node-a', 'u', 0)).toBe(true);
    drain(queue, 0);
    expect(queue.add('node-a', 'u', 100)).toBe(false);
    expect(queue.remove('node-a')).toBe(true);
    expect(queue.add('node-a', 'u', 200)).toBe(true);
  });

  it('stops tainting with a zero rate (full disruption of every zone)', () => {
    const queue = new RateLimitedTimedQueue(new TokenBucket(rate, 1));
    queue.swapLimiter(0, 0);
    queue.add('node-a', 'u', 0);
    expect(drain(queue, 60_000)).toEqual([]);
  });
});
