import { clusterSpec } from '../clusterSpec';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { spawn, wait, type Task } from '../sim/task';
import type { TraceEvent } from '../sim/trace';
import { schedulerFactory, type Scheduler } from './scheduler';

function boot(): Cluster {
  const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: [], etcdMembers: 1 }), [schedulerFactory]);
  run(cluster, (function* () {
    yield* wait(cluster.admin().create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } }));
  })());
  return cluster;
}

function run<T>(cluster: Cluster, task: Task<T>): T {
  const future = spawn(task);
  cluster.sim.runWhile(() => !future.isSettled, cluster.sim.nowMs + 60_000);
  return future.value;
}

function nodeObj(name: string, cpu: string): Node {
  const resources = { cpu, memory: '8Gi', pods: '110' };
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {}, status: { capacity: resources, allocatable: resources } };
}

function podObj(name: string, cpu: string): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
    spec: { schedulerName: 'default-scheduler', containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }] },
  };
}

describe('kube-scheduler component', () => {
  it('binds, records Scheduled with the events.k8s.io fields, and traces the filter/score table', () => {
    const cluster = boot();
    const cycles: TraceEvent[] = [];
    cluster.sim.trace.subscribe((e) => { if (e.kind === 'scheduler.cycle') cycles.push(e); });
    run(cluster, (function* () {
      for (const [name, cpu] of [['node-1', '1'], ['node-2', '8']]) yield* wait(cluster.admin().create('nodes', nodeObj(name, cpu)));
      yield* wait(cluster.sim.sleep(10));
      yield* wait(cluster.admin().create('pods', podObj('web', '2')));
      yield* wait(cluster.sim.sleep(100));
    })());
    const [pod, events] = run(cluster, (function* () {
      return [yield* wait(cluster.admin().get<Pod>('pods', 'default', 'web')), yield* wait(cluster.admin().list<Event>('events', 'default'))] as const;
    })());
    expect(pod.ok && pod.object.spec?.nodeName).toBe('node-2');
    const scheduled = events.ok ? events.object.items.find((e) => e.reason === 'Scheduled') : undefined;
    expect(scheduled).toMatchObject({ type: 'Normal', action: 'Binding', reportingComponent: 'default-scheduler', message: 'Successfully assigned default/web to node-2' });
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ result: 'Scheduled', node: 'node-2', numAllNodes: 2, feasibleNodes: ['node-2'] });
    expect(cycles[0].filters).toEqual([{ node: 'node-1', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] }]);
  });

  it('parks an unschedulable pod and schedules it when a node that fits is added', () => {
    const cluster = boot();
    run(cluster, (function* () {
      yield* wait(cluster.admin().create('nodes', nodeObj('small', '1')));
      yield* wait(cluster.sim.sleep(10));
      yield* wait(cluster.admin().create('pods', podObj('big', '4')));
      yield* wait(cluster.sim.sleep(2_000));
    })());
    const scheduler = cluster.component<Scheduler>('kube-scheduler')!;
    expect(scheduler.queue.where('default/big')).toBe('unschedulablePods');
    run(cluster, (function* () {
      yield* wait(cluster.admin().create('nodes', nodeObj('large', '16')));
      yield* wait(cluster.sim.sleep(2_000));
    })());
    const big = run(cluster, (function* () { return yield* wait(cluster.admin().get<Pod>('pods', 'default', 'big')); })());
    expect(big.ok && big.object.spec?.nodeName).toBe('large');
    expect(scheduler.queue.lengths()).toEqual({ activeQ: 0, backoffQ: 0, unschedulablePods: 0 });
  });

  it('schedules about 200 pods per second on 1,000 nodes (modelled cycle cost)', () => {
    const cluster = boot();
    const bound: number[] = [];
    run(cluster, (function* () {
      for (let i = 0; i < 1000; i++) cluster.admin().create('nodes', nodeObj(`node-${i}`, '32'));
      yield* wait(cluster.sim.sleep(1_000));
    })());
    cluster.sim.trace.subscribe((e) => { if (e.kind === 'scheduler.cycle' && e.result === 'Scheduled') bound.push(e.t); });
    run(cluster, (function* () {
      for (let i = 0; i < 400; i++) cluster.admin().create('pods', podObj(`p-${i}`, '100m'));
      yield* wait(cluster.sim.sleep(5_000));
    })());
    expect(bound).toHaveLength(400);
    const podsPerSecond = (bound.length - 1) / ((bound.at(-1)! - bound[0]) / 1000);
    expect(podsPerSecond).toBeGreaterThan(150);
    expect(podsPerSecond).toBeLessThan(250);
  });
});
