// A scheduler-only load run: N nodes as Node objects (no kubelets), P pods created directly, run
// until every pod is bound. Used by throughput.test.ts (full size with K8SIM_BENCH=1).
import { clusterSpec } from '../../clusterSpec';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import { SharedInformerFactory } from '../../client/cache/informerFactory';
import { spawn, wait } from '../../sim/task';
import { schedulerFactory } from '../scheduler';

export interface ThroughputResult {
  nodes: number;
  pods: number;
  bound: number;
  /** simMs: sim time from the first pod created to the last pod bound. */
  simMs: number;
  podsPerSimSecond: number;
  wallMs: number;
  wallMsScheduling: number;
}

/** runThroughput creates the nodes and pods through the apiserver and measures scheduling; `now` is the caller's wall clock. */
export function runThroughput(nodeCount: number, podCount: number, now: () => number): ThroughputResult {
  const wallStart = now();
  const spec = clusterSpec({ seed: 11, nodes: [], etcdMembers: 1 });
  const cluster = Cluster.boot(spec, [schedulerFactory]);
  const admin = cluster.admin();
  const watcher = new SharedInformerFactory(cluster.sim, admin, 'bench');
  const pods = watcher.forResource<Pod>('pods');
  let bound = 0;
  let lastBindMs = 0;
  pods.addEventHandler({ update: (o, n) => { if (!o.spec?.nodeName && n.spec?.nodeName) { bound++; lastBindMs = cluster.sim.nowMs; } } });
  watcher.start();
  const created = spawn((function* () {
    yield* wait(admin.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } }));
    for (let i = 0; i < nodeCount; i++) yield* wait(admin.create('nodes', node(`node-${i + 1}`)));
  })());
  cluster.sim.runWhile(() => !created.isSettled, 600_000);
  cluster.runUntil(cluster.sim.nowMs + 2_000);
  const startMs = cluster.sim.nowMs;
  const wallScheduling = now();
  for (let i = 0; i < podCount; i++) admin.create('pods', pod(`web-${i}`));
  cluster.sim.runWhile(() => bound < podCount, startMs + 3_600_000);
  const simMs = lastBindMs - startMs;
  return { nodes: nodeCount, pods: podCount, bound, simMs, podsPerSimSecond: Math.round((bound * 1000) / Math.max(1, simMs)), wallMs: now() - wallStart, wallMsScheduling: now() - wallScheduling };
}

function node(name: string): Node {
  const resources = { cpu: '32', memory: '128Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: {},
    status: { capacity: resources, allocatable: resources, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
  };
}

function pod(name: string): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: {
      schedulerName: 'default-scheduler',
      containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst',
    },
  };
}
