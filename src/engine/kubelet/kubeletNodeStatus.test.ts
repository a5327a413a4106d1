import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import nodeFacts from './testdata/node_facts.json';
import { fromRFC3339 } from '../sim/time';
import { wait } from '../sim/task';
import type { Cluster } from '../cluster';
import type { Kubelet } from './kubelet';
import { kubeletFactory } from './kubeletFactory';
import { schedulerFactory } from '../scheduler/scheduler';
import { advance, bootCluster, createPod, node, pod, run } from './testing/harness';

const facts = (nodeFacts as { kubelet_defaults: { nodeLeaseDurationSeconds: number } }).kubelet_defaults;

function getNode(cluster: Cluster, name: string): Node {
  const got = run(cluster, (function* () { return yield* wait(cluster.admin().get<Node>('nodes', undefined, name)); })());
  if (!got.ok) throw new Error(got.status.message);
  return got.object;
}

function getLease(cluster: Cluster, name: string): Lease {
  const got = run(cluster, (function* () { return yield* wait(cluster.admin().get<Lease>('leases', 'kube-node-lease', name)); })());
  if (!got.ok) throw new Error(got.status.message);
  return got.object;
}

describe('node registration and heartbeats', () => {
  it('registers the Node with labels, taints, capacity, allocatable, conditions, addresses and nodeInfo', () => {
    const cluster = bootCluster([node('node-1', '4', '8Gi', { labels: { disktype: 'ssd' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }), node('node-2')], [kubeletFactory]);
    const n = getNode(cluster, 'node-1');
    expect(n.metadata?.labels).toMatchObject({ 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', disktype: 'ssd' });
    expect(n.spec).toMatchObject({ podCIDR: '10.244.1.0/24', taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] });
    expect(n.status?.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(n.status?.allocatable).toMatchObject({ cpu: '4', memory: '8092Mi', pods: '110' });
    expect(n.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory: kubelet has sufficient memory available',
      'DiskPressure=False KubeletHasNoDiskPressure: kubelet has no disk pressure',
      'PIDPressure=False KubeletHasSufficientPID: kubelet has sufficient PID available',
      'Ready=True KubeletReady: kubelet is posting ready status',
    ]);
    expect(n.status?.addresses).toEqual([{ type: 'InternalIP', address: '10.0.1.1' }, { type: 'Hostname', address: 'node-1' }]);
    expect(n.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.4', containerRuntimeVersion: 'containerd://1.7.24', operatingSystem: 'linux', architecture: 'amd64' });
    expect(n.status?.nodeInfo?.machineID).toMatch(/^[0-9a-f]{32}$/);
    expect(n.status?.images?.[0].names).toContain('registry.k8s.io/pause:3.10');
    expect(getNode(cluster, 'node-2').status?.addresses?.[0].address).toBe('10.0.1.2');
  });

  it(`renews the Lease every 10 s with leaseDurationSeconds ${facts.nodeLeaseDurationSeconds}, and stops while the kubelet is down`, () => {
    const cluster = bootCluster([node('node-1')], [kubeletFactory]);
    const first = getLease(cluster, 'node-1');
    expect(first.spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: facts.nodeLeaseDurationSeconds });
    expect(first.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node-1' });
    const renewals: number[] = [];
    for (let i = 0; i < 6; i++) {
      advance(cluster, 5_000);
      renewals.push(fromRFC3339(getLease(cluster, 'node-1').spec!.renewTime!));
    }
    const distinct = [...new Set(renewals)];
    for (let i = 1; i < distinct.length; i++) expect(distinct[i] - distinct[i - 1]).toBeGreaterThanOrEqual(10_000);
    for (let i = 1; i < distinct.length; i++) expect(distinct[i] - distinct[i - 1]).toBeLessThanOrEqual(10_400);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    kubelet.stop();
    const frozen = getLease(cluster, 'node-1').spec!.renewTime;
    advance(cluster, 60_000);
    expect(getLease(cluster, 'node-1').spec!.renewTime).toBe(frozen);
    kubelet.start();
    advance(cluster, 1_000);
    expect(getLease(cluster, 'node-1').spec!.renewTime).not.toBe(frozen);
    const ready = getNode(cluster, 'node-1').status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(cluster.sim.nowMs - fromRFC3339(ready.lastHeartbeatTime!)).toBeLessThan(2_000);
  });

  it('posts node status only on change or every 5 minutes (nodeStatusReportFrequency)', () => {
    const cluster = bootCluster([node('node-1')], [kubeletFactory]);
    const heartbeat = () => getNode(cluster, 'node-1').status!.conditions!.find((c) => c.type === 'Ready')!.lastHeartbeatTime!;
    const registered = heartbeat();
    advance(cluster, 120_000);
    expect(heartbeat()).toBe(registered);
    advance(cluster, 300_000);
    expect(fromRFC3339(heartbeat())).toBeGreaterThan(fromRFC3339(registered) + 299_000);
  });

  it('between reports, puts back a status another writer changed and reports a pulled image within one update period', () => {
    const cluster = bootCluster([node('node-1')], [schedulerFactory, kubeletFactory]);
    advance(cluster, 60_000);
    const ready = () => getNode(cluster, 'node-1').status!.conditions!.find((c) => c.type === 'Ready')!;
    const patched = run(cluster, (function* () {
      return yield* wait(cluster.admin().patch('nodes', undefined, 'node-1', 'strategic', { status: { conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }] } }, { subresource: 'status' }));
    })());
    expect(patched.ok).toBe(true);
    expect(ready().status).toBe('Unknown');
    advance(cluster, 10_500);
    expect(ready()).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    createPod(cluster, pod('web', [{ name: 'web', image: 'nginx:1.27' }]));
    advance(cluster, 40_000);
    expect(getNode(cluster, 'node-1').status!.images!.flatMap((i) => i.names)).toContain('docker.io/library/nginx:1.27');
  });
});
