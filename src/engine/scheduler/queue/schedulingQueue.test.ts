import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../client/client';
import { Simulator } from '../../sim/simulator';
import { spawn, wait } from '../../sim/task';
import { Framework } from '../framework/runtime';
import { defaultProfile } from '../plugins/registry';
import { makePod } from '../testing/wrappers';
import { podBackoffDurationMs } from './backoff';
import { SchedulingQueue, type QueuedPodInfo } from './schedulingQueue';

function setup() {
  const sim = new Simulator(1);
  const framework = new Framework(defaultProfile({ client: {} as ApiClient, numNodes: () => 0 }));
  return { sim, queue: new SchedulingQueue(sim, framework, 'kube-scheduler') };
}

function popNow(queue: SchedulingQueue): QueuedPodInfo {
  const future = queue.pop();
  if (!future.isSettled) throw new Error('activeQ empty');
  return future.value!;
}

describe('scheduling queue (backend/queue/scheduling_queue.go)', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s, then 10 s (podInitialBackoffSeconds 1, podMaxBackoffSeconds 10)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((attempts) => podBackoffDurationMs(attempts))).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it('pops higher priority first, then FIFO', () => {
    const { sim, queue } = setup();
    queue.add(makePod('low-1', [{}]));
    sim.runUntil(5);
    queue.add(makePod('high', [{}], { priority: 1000 }));
    queue.add(makePod('low-2', [{}]));
    expect([popNow(queue), popNow(queue), popNow(queue)].map((q) => q.podInfo.pod.metadata.name)).toEqual(['high', 'low-1', 'low-2']);
  });

  it('parks a rejected pod until an event its plugin registered for, then backs it off', () => {
    const { sim, queue } = setup();
    queue.add(makePod('web', [{ cpuMilli: 9000 }]));
    const queued = popNow(queue);
    queued.unschedulablePlugins = new Set(['NodeResourcesFit']);
    queue.addUnschedulableIfNotPresent(queued, queue.schedulingCycle);
    expect(queue.where('default/web')).toBe('unschedulablePods');
    queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'UpdateNodeLabel', label: 'NodeLabelChange' });
    expect(queue.where('default/web')).toBe('unschedulablePods');
    queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'Add', label: 'NodeAdd' });
    expect(queue.where('default/web')).toBe('backoffQ');
    sim.runUntil(1000);
    expect(queue.where('default/web')).toBe('activeQ');
  });

  it('sends a pod to backoffQ when a move request arrived during its cycle', () => {
    const { queue } = setup();
    queue.add(makePod('web', [{}]));
    const queued = popNow(queue);
    const cycle = queue.schedulingCycle;
    queue.moveAllToActiveOrBackoffQueue({ resource: 'Node', action: 'Add', label: 'NodeAdd' });
    queued.unschedulablePlugins = new Set(['TaintToleration']);
    queue.addUnschedulableIfNotPresent(queued, cycle);
    expect(queue.where('default/web')).toBe('backoffQ');
  });

  it('retries pods parked longer than 5 minutes on the 30 s flush', () => {
    const { sim, queue } = setup();
    queue.add(makePod('web', [{}]));
    const queued = popNow(queue);
    queued.unschedulablePlugins = new Set(['NodeAffinity']);
    queue.addUnschedulableIfNotPresent(queued, queue.schedulingCycle);
    sim.runUntil(300_000);
    expect(queue.where('default/web')).toBe('unschedulablePods');
    sim.runUntil(330_000);
    expect(queue.where('default/web')).toBe('activeQ');
  });

  it('wakes a waiting pop when a pod arrives', () => {
    const { sim, queue } = setup();
    const got: string[] = [];
    spawn((function* () {
      const queued = yield* wait(queue.pop());
      got.push(`${queued?.podInfo.pod.metadata.name}@${sim.nowMs}`);
    })());
    sim.after(7, () => queue.add(makePod('late', [{}])));
    sim.runUntil(100);
    expect(got).toEqual(['late@7']);
  });
});
