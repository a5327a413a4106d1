// A small cluster harness for kubelet and scheduler tests: boots the control plane with the
// scheduler and one kubelet per node, creates the default ServiceAccount (no controller manager
// yet) and reads pods and events back through the apiserver.
import { clusterSpec } from '../../clusterSpec';
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { Cluster, type ComponentFactory } from '../../cluster';
import type { NodeSpec } from '../../clusterSpec';
import { schedulerFactory } from '../../scheduler/scheduler';
import { spawn, wait, type Task } from '../../sim/task';
import { kubeletFactory } from '../kubeletFactory';

export function node(name: string, cpu = '4', memory = '8Gi', extra: Partial<NodeSpec> = {}): NodeSpec {
  return { name, cpu, memory, pods: '110', labels: {}, taints: [], ...extra };
}

/** creationOrder: per cluster, the order in which event objects were first seen on a watch. */
const creationOrder = new WeakMap<Cluster, Map<string, number>>();

/** bootCluster starts a cluster at t = 0 with the ServiceAccount pods need. */
export function bootCluster(nodes: NodeSpec[], factories: ComponentFactory[] = [schedulerFactory, kubeletFactory], seed = 7): Cluster {
  const cluster = Cluster.boot(clusterSpec({ seed: seed, nodes: nodes, etcdMembers: 1 }), factories);
  const order = new Map<string, number>();
  creationOrder.set(cluster, order);
  cluster.admin().watch('events', {}, (events) => {
    for (const e of events) if (e.type === 'ADDED' && !order.has(e.object.metadata.name)) order.set(e.object.metadata.name, order.size);
  });
  run(cluster, (function* () {
    yield* wait(cluster.admin().create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } }));
  })());
  return cluster;
}

/** run spawns a task and runs the simulation until it finishes. */
export function run<T>(cluster: Cluster, task: Task<T>, limitMs = 600_000): T {
  const future = spawn(task);
  cluster.sim.runWhile(() => !future.isSettled, cluster.sim.nowMs + limitMs);
  return future.value;
}

/** pod builds a complete Pod (API defaults not assumed). */
export function pod(name: string, containers: Container[], extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      containers: containers.map((c) => ({ imagePullPolicy: undefined, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...c })),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      ...extra,
    },
  };
}

export function createPod(cluster: Cluster, obj: Pod): void {
  const created = run(cluster, (function* () {
    return yield* wait(cluster.admin().create<Pod>('pods', obj));
  })());
  if (!created.ok) throw new Error(created.status.message);
}

export function getPod(cluster: Cluster, name: string): Stored<Pod> | undefined {
  const got = run(cluster, (function* () {
    return yield* wait(cluster.admin().get<Pod>('pods', 'default', name));
  })());
  return got.ok ? got.object : undefined;
}

/** podEvents lists a pod's events in creation order, with their counts (repeats are aggregated into one Event). */
export function podEvents(cluster: Cluster, name: string): Array<{ type: string; reason: string; message: string; count: number }> {
  const listed = run(cluster, (function* () {
    return yield* wait(cluster.admin().list<Event>('events', 'default'));
  })());
  if (!listed.ok) return [];
  const order = creationOrder.get(cluster) ?? new Map<string, number>();
  return listed.object.items
    .filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name)
    .sort((a, b) => (order.get(a.metadata.name) ?? Infinity) - (order.get(b.metadata.name) ?? Infinity))
    .map((e) => ({ type: e.type ?? '', reason: e.reason ?? '', message: e.message ?? '', count: e.count ?? 1 }));
}

/** advance runs the simulation for `ms`. */
export function advance(cluster: Cluster, ms: number): void {
  cluster.runUntil(cluster.sim.nowMs + ms);
}
