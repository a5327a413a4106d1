import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

// `kubectl logs -n kube-system etcd-<node>`: etcd 3.5's zap JSON lines, with the node's name
// (hostNetwork pods share the node's hostname) and its address.
describe('control-plane static pod logs', () => {
  it('shows etcd starting and serving clients on localhost and the node address', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
    const [logs] = runCommands(cluster, [{ run: 'kubectl logs -n kube-system etcd-control-plane', advanceMs: 5_000 }]);
    const lines = logs.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'starting an etcd server')).toMatchObject({ level: 'info', 'etcd-version': '3.5.16', name: 'control-plane', 'data-dir': '/var/lib/etcd', 'snapshot-count': 10000 });
    expect(lines.filter((l) => l.msg === 'serving client traffic securely').map((l) => l.address)).toEqual(['127.0.0.1:2379', '10.0.0.2:2379']);
    expect(lines.every((l) => typeof l.ts === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(l.ts as string))).toBe(true);
  });
});
