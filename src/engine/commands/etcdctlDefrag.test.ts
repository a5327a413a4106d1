// etcdctl defrag against etcd 3.4.23 (captured on 127.0.0.1 with the Debian packages): the
// per-endpoint "Finished defragmenting" line, --cluster's member URLs, and a dead endpoint's
// retry warning and "Failed to defragment" after the dial timeout.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const size = (table: string) => /\| +(\d+) kB \|/.exec(table)?.[1];

describe('etcdctl defrag (ctlv3/command/defrag_command.go)', () => {
  it('rewrites the db file without its free pages, and it grows again from there', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
    const [, , , before, defrag, after, cluster1, , later] = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.25 --replicas=3',
      { run: 'kubectl scale deploy web --replicas=0', advanceMs: 30_000 },
      { run: 'true', advanceMs: 5_000 },
      'etcdctl endpoint status -w table',
      'etcdctl defrag',
      'etcdctl endpoint status -w table',
      'etcdctl defrag --cluster',
      { run: 'kubectl scale deploy web --replicas=3', advanceMs: 1_000 },
      { run: 'etcdctl endpoint status -w table', advanceMs: 30_000 },
    ]);
    expect(defrag).toEqual({ exit: 0, stdout: 'Finished defragmenting etcd member[127.0.0.1:2379]\n', stderr: '' });
    expect(cluster1.stdout).toBe('Finished defragmenting etcd member[https://10.0.0.2:2379]\n');
    expect(Number(size(after.stdout))).toBeLessThan(Number(size(before.stdout)));
    expect(Number(size(later.stdout))).toBeGreaterThan(Number(size(after.stdout)));
  });

  it('fails on an endpoint nobody listens on after the dial timeout, as etcdctl 3.4 reports it', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
    const start = cluster.sim.nowMs;
    const [dead] = runCommands(cluster, ['etcdctl --endpoints=127.0.0.1:23799 --dial-timeout=1s defrag']);
    expect(dead.exit).toBe(1);
    expect(dead.stderr.replace(/"ts":"[^"]+"/, '"ts":"TS"')).toBe(
      '{"level":"warn","ts":"TS","caller":"clientv3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"passthrough:///127.0.0.1:23799","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: connection error: desc = \\"transport: Error while dialing dial tcp 127.0.0.1:23799: connect: connection refused\\""}\nFailed to defragment etcd member[127.0.0.1:23799] (context deadline exceeded)\n',
    );
    expect(cluster.sim.nowMs - start).toBeGreaterThanOrEqual(1_000);
  });
});
