import { describe, expect, it } from 'vitest';
import { Future } from './future';
import { Simulator } from './simulator';
import { spawn, wait, type Task } from './task';

describe('spawn/wait on the sim clock', () => {
  it('resumes a task when its futures settle, at sim time, in order', () => {
    const sim = new Simulator(1);
    const log: string[] = [];
    function* worker(name: string, delayMs: number): Task<number> {
      log.push(`${name} start ${sim.nowMs}`);
      yield* wait(sim.sleep(delayMs));
      log.push(`${name} woke ${sim.nowMs}`);
      return sim.nowMs;
    }
    const a = spawn(worker('a', 30));
    const b = spawn(worker('b', 10));
    sim.runUntil(100);
    expect(log).toEqual(['a start 0', 'b start 0', 'b woke 10', 'a woke 30']);
    expect([a.value, b.value]).toEqual([30, 10]);
  });

  it('consumes already-settled futures without waiting for the queue', () => {
    function* chain(): Task<number> {
      let total = 0;
      for (let i = 0; i < 100_000; i++) total += yield* wait(Future.resolved(1));
      return total;
    }
    expect(spawn(chain()).value).toBe(100_000);
  });

  it('keeps the first resolution of a future', () => {
    const future = new Future<string>();
    future.resolve('first');
    future.resolve('second');
    expect(future.value).toBe('first');
  });
});
