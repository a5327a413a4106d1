// Issue #3 acceptance 4 (node failure), end to end on the default components: stop a node's
// kubelet with `sim node stop`, see it go NotReady after the 50 s grace period (node_facts.json),
// its pods evicted after the 300 s default tolerations, and replacements scheduled elsewhere.
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import nodeFacts from '../controllers/nodelifecycle/testdata/node_facts.json';
import type { Stored } from '../api/object';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { get, list } from '../controllerManager/testing';
import { parseDurationMs } from '../sim/duration';
import { fromRFC3339 } from '../sim/time';
import { runCommands } from './runCommands';

const facts = nodeFacts.facts;
const GRACE_MS = parseDurationMs(facts['kube-controller-manager_nodeLifecycle']['node-monitor-grace-period'].value)!;
const MONITOR_PERIOD_MS = parseDurationMs(facts['kube-controller-manager_nodeLifecycle']['node-monitor-period'].value)!;
const LEASE_RENEW_MS = 10_000;
const TOLERATION_MS = 300_000;

function boot(): Cluster {
  return Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(3), etcdMembers: 1 }), DEFAULT_COMPONENTS);
}

function readyCondition(cluster: Cluster, name: string) {
  return get<Node>(cluster, 'nodes', name, undefined)!.status!.conditions!.find((c) => c.type === 'Ready')!;
}

/** runUntilNotReady advances 1 s at a time until the node's Ready condition leaves True. */
function runUntilNotReady(cluster: Cluster, name: string, limitMs: number): number {
  const startMs = cluster.sim.nowMs;
  while (readyCondition(cluster, name).status === 'True' && cluster.sim.nowMs - startMs < limitMs) cluster.runUntil(cluster.sim.nowMs + 1000);
  return cluster.sim.nowMs;
}

function podsOn(cluster: Cluster, node: string): Stored<Pod>[] {
  return list<Pod>(cluster, 'pods').filter((p) => p.spec?.nodeName === node);
}

function events(cluster: Cluster, namespace = 'default'): Array<{ reason: string; message: string; source: string; kind: string }> {
  return list<Event>(cluster, 'events', namespace).map((e) => ({ reason: e.reason ?? '', message: e.message ?? '', source: e.source?.component ?? '', kind: e.involvedObject.kind ?? '' }));
}

/** setUp: 6 nginx pods behind a Service on 3 nodes, then node-2's kubelet is stopped. Returns the stop time. */
function setUp(cluster: Cluster): { stoppedMs: number; victims: string[] } {
  const [created, exposed] = runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27 --replicas=6', 'kubectl expose deployment web --port=80']);
  expect(created.exit).toBe(0);
  expect(exposed.exit).toBe(0);
  cluster.runUntil(cluster.sim.nowMs + 30_000);
  const victims = podsOn(cluster, 'node-2').map((p) => p.metadata.name);
  expect(victims.length).toBeGreaterThan(0);
  const [stopped] = runCommands(cluster, ['sim node stop node-2']);
  expect(stopped.stdout).toBe('node/node-2 kubelet stopped\n');
  return { stoppedMs: cluster.sim.nowMs, victims };
}

describe('node lifecycle: sim node stop → NotReady → taint-based eviction', () => {
  it('marks the node Unknown after the grace period, taints it and its pods NotReady, and evicts them after 300 s', () => {
    const cluster = boot();
    const { stoppedMs, victims } = setUp(cluster);

    // NotReady: the last heartbeat (Lease) was at most one renew interval before the stop; the
    // controller notices within one monitor period after grace. So 50 s ± (10 s + 5 s).
    const notReadyMs = runUntilNotReady(cluster, 'node-2', 120_000);
    expect(notReadyMs - stoppedMs).toBeGreaterThanOrEqual(GRACE_MS - LEASE_RENEW_MS);
    expect(notReadyMs - stoppedMs).toBeLessThanOrEqual(GRACE_MS + MONITOR_PERIOD_MS + 1000);
    const node = get<Node>(cluster, 'nodes', 'node-2', undefined)!;
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(node.status!.conditions!.find((c) => c.type === type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    expect(runCommands(cluster, ['kubectl get node node-2'])[0].stdout).toMatch(/^node-2\s+NotReady\s/m);

    // The NoSchedule taint comes with the status; the NoExecute one on the next pass (5 s later).
    cluster.runUntil(cluster.sim.nowMs + MONITOR_PERIOD_MS + 1000);
    const taints = get<Node>(cluster, 'nodes', 'node-2', undefined)!.spec!.taints!;
    expect(taints.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    const noExecuteMs = fromRFC3339(taints.find((t) => t.effect === 'NoExecute')!.timeAdded!);
    for (const pod of podsOn(cluster, 'node-2')) expect(pod.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('False');
    const slices = list<EndpointSlice>(cluster, 'endpointslices');
    const endpoints = slices.flatMap((s) => s.endpoints ?? []).filter((e) => e.nodeName === 'node-2');
    expect(endpoints.length).toBe(victims.length);
    for (const e of endpoints) expect(e.conditions?.ready).toBe(false);
    const nodeEvents = events(cluster).filter((e) => e.kind === 'Node' && e.reason === 'NodeNotReady');
    expect(nodeEvents).toEqual([{ reason: 'NodeNotReady', message: 'Node node-2 status is now: NodeNotReady', source: 'node-controller', kind: 'Node' }]);
    expect(events(cluster).filter((e) => e.kind === 'Pod' && e.reason === 'NodeNotReady').length).toBe(victims.length);

    // Nothing is evicted before tolerationSeconds (300 s) ...
    cluster.runUntil(noExecuteMs + TOLERATION_MS - 2000);
    for (const name of victims) expect(get<Pod>(cluster, 'pods', name)!.metadata.deletionTimestamp).toBeUndefined();
    // ... then every pod of the node is marked for deletion and replaced on the healthy nodes.
    cluster.runUntil(noExecuteMs + TOLERATION_MS + 30_000);
    for (const name of victims) {
      const pod = get<Pod>(cluster, 'pods', name)!;
      expect(pod.metadata.deletionTimestamp).toBeDefined();
      expect(pod.status!.conditions!.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    }
    const evictions = events(cluster).filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message).sort();
    expect(evictions).toEqual(victims.map((n) => `Marking for deletion Pod default/${n}`).sort());
    const running = list<Pod>(cluster, 'pods').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running');
    expect(running.length).toBe(6);
    for (const pod of running) expect(pod.spec!.nodeName).not.toBe('node-2');
    const printed = runCommands(cluster, ['kubectl get pods'])[0].stdout;
    for (const name of victims) expect(printed).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating\\s`, 'm'));
  });

  it('cancels the evictions and removes the taints when the kubelet comes back in time', () => {
    const cluster = boot();
    const { victims } = setUp(cluster);
    runUntilNotReady(cluster, 'node-2', 120_000);
    cluster.runUntil(cluster.sim.nowMs + 60_000);
    expect(runCommands(cluster, ['sim node start node-2'])[0].stdout).toBe('node/node-2 kubelet started\n');
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    expect(readyCondition(cluster, 'node-2').status).toBe('True');
    expect(get<Node>(cluster, 'nodes', 'node-2', undefined)!.spec!.taints).toBeUndefined();
    const cancelled = events(cluster).filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message).sort();
    expect(cancelled).toEqual(victims.map((n) => `Cancelling deletion of Pod default/${n}`).sort());
    cluster.runUntil(cluster.sim.nowMs + TOLERATION_MS);
    for (const name of victims) {
      const pod = get<Pod>(cluster, 'pods', name)!;
      expect(pod.metadata.deletionTimestamp).toBeUndefined();
      expect(pod.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    }
  });

  it('adds and removes the unschedulable taint with kubectl cordon/uncordon', () => {
    const cluster = boot();
    runCommands(cluster, ['kubectl cordon node-1']);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<Node>(cluster, 'nodes', 'node-1', undefined)!.spec!.taints).toMatchObject([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    runCommands(cluster, ['kubectl uncordon node-1']);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<Node>(cluster, 'nodes', 'node-1', undefined)!.spec!.taints).toBeUndefined();
  });
});
