// etcd pkg/wait + etcdserver ReqTimeout: waiters answered by ID, expired oldest first.
import { describe, expect, it } from 'vitest';
import { Future } from '../sim/future';
import { Simulator } from '../sim/simulator';
import type { EtcdRequest } from './apply';
import { Wait, type ProposalResult, type Waiter } from './wait';

const waiter = (id: number, startMs: number, proposed = true): Waiter => ({
  future: new Future<ProposalResult>(),
  req: { id, kind: 'clusterVersion', version: '3.4.0' } as EtcdRequest,
  startMs,
  proposed,
});

describe('Wait', () => {
  it('hands a waiter out once by ID and expires the others after the timeout, oldest first', () => {
    const sim = new Simulator(1);
    const expired: number[] = [];
    const wait = new Wait(sim, 1000, (w) => expired.push(w.req.id));
    const [a, b, c] = [waiter(1, 0), waiter(2, 0), waiter(3, 400)];
    wait.register(a);
    wait.register(b);
    sim.runUntil(400);
    wait.register(c);
    expect(wait.trigger(2)).toBe(b);
    expect(wait.trigger(2)).toBeUndefined();
    sim.runUntil(999);
    expect(expired).toEqual([]);
    sim.runUntil(1000);
    expect(expired).toEqual([1]);
    expect(wait.get(1)).toBeUndefined();
    sim.runUntil(1400);
    expect(expired).toEqual([1, 3]);
  });

  it('releases blocked waiters still registered and forgets those that expired or were cancelled', () => {
    const sim = new Simulator(1);
    const wait = new Wait(sim, 1000, () => {});
    const [early, late] = [waiter(1, 0, false), waiter(2, 500, false)];
    for (const w of [early, late]) {
      wait.register(w);
      wait.block(w);
    }
    sim.runUntil(1000);
    expect(wait.unblock()).toEqual([late]);
    expect(wait.unblock()).toEqual([]);
    wait.register(waiter(3, 1000, false));
    wait.block(wait.get(3)!);
    expect(wait.cancelAll().map((w) => w.req.id)).toEqual([2, 3]);
    expect(wait.unblock()).toEqual([]);
  });
});
