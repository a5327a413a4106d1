import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { runCommands } from '../testing/runCommands';

function boot(): Cluster {
  return Cluster.boot(clusterSpec({ seed: 11, nodes: nodesFromCount(0), etcdMembers: 3 }));
}

/** rows parses `etcdctl endpoint status -w table` into {endpoint, leader, term, index, applied}. */
function rows(table: string): Array<{ endpoint: string; leader: boolean; term: number; index: number; applied: number; errors: string }> {
  return table
    .split('\n')
    .filter((l) => l.startsWith('| https'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => ({ endpoint: c[1], leader: c[5] === 'true', term: Number(c[7]), index: Number(c[8]), applied: Number(c[9]), errors: c[10] }));
}

describe('sim etcd', () => {
  it('stops the leader; etcdctl reports it unreachable and the survivors agree on a new leader at a higher term', () => {
    const cluster = boot();
    const [before] = runCommands(cluster, ['etcdctl endpoint status -w table']);
    const leaderBefore = rows(before.stdout).find((r) => r.leader)!;
    expect(rows(before.stdout)).toHaveLength(3);
    const [stop, after, members] = runCommands(cluster, ['sim etcd stop leader', { run: 'etcdctl endpoint status -w table', advanceMs: 5000 }, 'etcdctl member list']);
    const leaderName = `etcd-${Number(leaderBefore.endpoint.split('.')[3].split(':')[0]) - 2 + 1}`;
    expect(stop.stdout).toBe(`etcd member ${leaderName} (leader) stopped\n`);
    expect(after.exit).toBe(1);
    expect(after.stderr).toContain(`Failed to get the status of endpoint ${leaderBefore.endpoint} (context deadline exceeded)`);
    const survivors = rows(after.stdout);
    expect(survivors).toHaveLength(2);
    expect(survivors.filter((r) => r.leader)).toHaveLength(1);
    for (const r of survivors) {
      expect(r.term).toBeGreaterThan(leaderBefore.term);
      expect(r.index).toBe(leaderBefore.index + 1);
      expect(r.applied).toBe(r.index);
    }
    expect(members.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    const [start] = runCommands(cluster, [`sim etcd start ${leaderName}`]);
    expect(start.stdout).toBe(`etcd member ${leaderName} started\n`);
  });

  it('partitions a member away; it reports no leader; heal brings it back', () => {
    const cluster = boot();
    const [status] = runCommands(cluster, ['etcdctl endpoint status -w table']);
    const follower = rows(status.stdout).find((r) => !r.leader)!;
    const name = `etcd-${Number(follower.endpoint.split('.')[3].split(':')[0]) - 1}`;
    const [cut, during, healed, after] = runCommands(cluster, [`sim etcd partition ${name}`, { run: 'etcdctl endpoint status -w table', advanceMs: 5000 }, 'sim etcd heal', { run: 'etcdctl endpoint status -w table', advanceMs: 5000 }]);
    expect(cut.stdout).toMatch(new RegExp(`^etcd member ${name} cut off from etcd-\\d, etcd-\\d\\n$`));
    expect(rows(during.stdout).find((r) => r.endpoint === follower.endpoint)!.errors).toBe('etcdserver: no leader');
    expect(healed.stdout).toBe('etcd network healed\n');
    const afterRows = rows(after.stdout);
    expect(afterRows.filter((r) => r.leader)).toHaveLength(1);
    expect(new Set(afterRows.map((r) => r.index)).size).toBe(1);
  });

  it('starts every stopped member with `all`', () => {
    const [a, b, c] = runCommands(boot(), ['sim etcd stop etcd-1', 'sim etcd stop etcd-3', 'sim etcd start all']);
    expect([a.stdout, b.stdout, c.stdout]).toEqual(['etcd member etcd-1 stopped\n', 'etcd member etcd-3 stopped\n', 'etcd members etcd-1, etcd-3 started\n']);
  });

  it('without quorum, etcdctl get --consistency=s still answers from the member it asks', () => {
    const cluster = boot();
    // Half a second for every member to apply the put (a majority acknowledges it first).
    const [put, , , get] = runCommands(cluster, ['etcdctl put /demo v1', { run: 'sim etcd stop etcd-1', advanceMs: 500 }, 'sim etcd stop etcd-2', 'etcdctl get --consistency=s /demo']);
    expect(put.stdout).toBe('OK\n');
    expect(get.stdout).toBe('/demo\nv1\n');
  });

  it('refuses unknown members', () => {
    const [res] = runCommands(boot(), ['sim etcd stop etcd-9']);
    expect(res.exit).toBe(1);
    expect(res.stderr).toBe('error: etcd member "etcd-9" not found (members: etcd-1, etcd-2, etcd-3)\n');
  });
});

describe('etcdctl --command-timeout without quorum (oracles/etcd results-n3-et1000.json, quorum case)', () => {
  function quorumLost(): Cluster {
    const cluster = boot();
    runCommands(cluster, ['etcdctl put /demo v1', 'sim etcd stop etcd-1', 'sim etcd stop etcd-2']);
    return cluster;
  }

  it('put with --command-timeout=10s fails with the server-side request timeout after ~7 s', () => {
    const cluster = quorumLost();
    const started = cluster.sim.nowMs;
    const [put] = runCommands(cluster, ['etcdctl put --command-timeout=10s /demo v2']);
    const tookMs = cluster.sim.nowMs - started;
    expect(put.exit).toBe(1);
    expect(put.stderr).toMatch(/"msg":"retrying of unary invoker failed".*"error":"rpc error: code = Unavailable desc = etcdserver: request timed out"\}\nError: etcdserver: request timed out\n$/);
    // Real etcd 3.4: 7015 ms (ReqTimeout = 5 s + 2 × election timeout).
    expect(tookMs).toBeGreaterThanOrEqual(7000);
    expect(tookMs).toBeLessThan(7200);
  });

  it('put with the default 5 s command timeout ends at the client deadline first', () => {
    const cluster = quorumLost();
    const started = cluster.sim.nowMs;
    const [put] = runCommands(cluster, ['etcdctl put /demo v2']);
    expect(cluster.sim.nowMs - started).toBeGreaterThanOrEqual(5000);
    expect(cluster.sim.nowMs - started).toBeLessThan(5100);
    expect(put.stderr).toMatch(/"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"\}\nError: context deadline exceeded\n$/);
  });

  it('a linearizable get fails at the client deadline with code Unknown, as measured (2 s)', () => {
    const cluster = quorumLost();
    const started = cluster.sim.nowMs;
    const [get] = runCommands(cluster, ['etcdctl get --command-timeout=2s /demo']);
    expect(cluster.sim.nowMs - started).toBeGreaterThanOrEqual(2000);
    expect(cluster.sim.nowMs - started).toBeLessThan(2100);
    expect(get.exit).toBe(1);
    expect(get.stderr.endsWith('\nError: rpc error: code = Unknown desc = context deadline exceeded\n')).toBe(true);
  });
});
