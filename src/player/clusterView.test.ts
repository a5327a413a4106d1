import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { EngineHost } from './engineHost';
import { AGGREGATE_ABOVE_NODES, podToneOf } from './clusterView';
import { defaultSession } from './session';

const pod = (status: Pod['status'], deleting = false): Pod => ({ metadata: { name: 'p', ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) }, status });

describe('podToneOf', () => {
  it('classifies pods the way the chips colour them, without printing them', () => {
    expect(podToneOf(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('running');
    expect(podToneOf(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }))).toBe('progress');
    expect(podToneOf(pod({ phase: 'Pending' }))).toBe('progress');
    expect(podToneOf(pod({ phase: 'Pending', containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] }))).toBe('failing');
    expect(podToneOf(pod({ phase: 'Running', containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }))).toBe('failing');
    expect(podToneOf(pod({ phase: 'Succeeded' }))).toBe('done');
    expect(podToneOf(pod({ phase: 'Running' }, true))).toBe('terminating');
  });
});

describe('clusterView of a large cluster', () => {
  it('aggregates: counts per node instead of chips, snapshots every 10 s', () => {
    const session = defaultSession();
    const created = EngineHost.create({ ...session, spec: { ...session.spec, cluster: { nodes: AGGREGATE_ABOVE_NODES + 10, etcd: { members: 1 } } } });
    if (!created.ok) throw new Error(created.error);
    const host = created.host;
    host.submit('kubectl create deployment web --image=registry.k8s.io/pause:3.10 --replicas=120');
    host.advanceTo(60_000);
    const view = host.liveView();
    expect(view.aggregated).toBe(true);
    expect(view.nodes.every((n) => n.pods.length === 0)).toBe(true);
    expect(view.nodes.reduce((sum, n) => sum + n.counts.running, 0)).toBe(120);
    const times = host.snapshots.map((s) => s.t);
    expect(times.slice(1).every((t) => t % 10_000 === 0)).toBe(true);
  });
});

describe('clusterView of a node whose runtime is stopped', () => {
  it('says containerd is down while the machine and kubelet still run', () => {
    const created = EngineHost.create(defaultSession());
    if (!created.ok) throw new Error(created.error);
    const host = created.host;
    host.submit('ssh node-1 systemctl stop containerd');
    host.advanceTo(5_000);
    const node1 = host.liveView().nodes.find((n) => n.name === 'node-1')!;
    expect(node1).toMatchObject({ running: true, runtimeRunning: false });
    expect(host.liveView().nodes.find((n) => n.name === 'node-2')?.runtimeRunning).toBe(true);
  });
});

describe('clusterView of a node under memory pressure', () => {
  it('lists the pressure conditions the kubelet reports (the node card badge)', () => {
    const session = defaultSession();
    const created = EngineHost.create({ ...session, spec: { ...session.spec, cluster: { nodes: 1, etcd: { members: 1 } } } });
    if (!created.ok) throw new Error(created.error);
    const host = created.host;
    expect(host.liveView().nodes[0].pressure).toEqual([]);
    host.submit('kubectl create deployment hog --image=nginx:1.27');
    host.advanceTo(20_000);
    host.submit('sim load deployment/hog --memory=7600Mi');
    host.advanceTo(50_000);
    expect(host.liveView().nodes[0].pressure).toEqual(['MemoryPressure']);
  });
});

describe('clusterView of etcd members on a slow disk', () => {
  it('carries the fdatasync time of the members sim etcd disk slowed, and nothing for the others', () => {
    const created = EngineHost.create(defaultSession());
    if (!created.ok) throw new Error(created.error);
    const host = created.host;
    host.submit('sim etcd disk etcd-2 800ms');
    host.advanceTo(2_000);
    const etcd = host.liveView().etcd;
    expect(etcd.find((m) => m.name === 'etcd-2')?.fsyncMs).toBe(800);
    expect(etcd.filter((m) => m.name !== 'etcd-2').every((m) => !('fsyncMs' in m))).toBe(true);
  });
});

describe("clusterView of the apiserver's slow requests", () => {
  it('carries the slowest request over 500 ms in the last 10 s, and none on a healthy cluster or once it is past', () => {
    const created = EngineHost.create(defaultSession());
    if (!created.ok) throw new Error(created.error);
    const host = created.host;
    host.advanceTo(5_000);
    expect('slowRequestMs' in host.liveView()).toBe(false);
    host.submit('sim etcd disk all 800ms');
    host.advanceTo(6_000);
    host.submit('kubectl create configmap slow --from-literal=a=b');
    host.advanceTo(12_000);
    // Two 800 ms fsyncs at least; the cluster's own writes queue behind each other too.
    expect(host.liveView().slowRequestMs).toBeGreaterThanOrEqual(1_600);
    host.submit('sim etcd disk all normal');
    host.advanceTo(40_000);
    expect('slowRequestMs' in host.liveView()).toBe(false);
  });
});
