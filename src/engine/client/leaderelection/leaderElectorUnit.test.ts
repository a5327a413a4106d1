import { describe, expect, it } from 'vitest';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Event as CoreEvent } from 'kubernetes-types/core/v1';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { EventRecorder } from '../record/eventRecorder';
import { fromRFC3339 } from '../../sim/time';
import { spawn, wait } from '../../sim/task';
import { DEFAULT_LEASE_TIMING, LeaderElector } from './leaderElector';

// One LeaderElector per candidate against a bare control plane (no kcm/scheduler), so the timings
// of client-go leaderelection.go (15 s lease, 10 s renew deadline, 2 s retry, jitter 1.2) show alone.
function setup() {
  const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }), []);
  const log: string[] = [];
  const candidate = (identity: string) => {
    const client = cluster.admin('kube-controller-manager');
    const recorder = new EventRecorder(cluster.sim, client, { component: 'kube-controller-manager' }, cluster.spec.epochMs, cluster.sim.rng.fork(`ev/${identity}`));
    return new LeaderElector(cluster.sim, client, cluster.sim.rng.fork(identity), {
      namespace: 'kube-system', name: 'kube-controller-manager', identity, ...DEFAULT_LEASE_TIMING, epochMs: cluster.spec.epochMs,
      onStartedLeading: () => log.push(`${cluster.sim.nowMs} ${identity} started`),
      onStoppedLeading: () => log.push(`${cluster.sim.nowMs} ${identity} stopped`),
    }, recorder);
  };
  const read = () => {
    let lease: Lease | undefined;
    spawn(function* () {
      const got = yield* wait(cluster.admin().get<Lease>('leases', 'kube-system', 'kube-controller-manager'));
      if (got.ok) lease = got.object;
    }());
    cluster.runUntil(cluster.sim.nowMs + 50);
    return lease;
  };
  const events = () => {
    let items: CoreEvent[] = [];
    spawn(function* () {
      const got = yield* wait(cluster.admin().list<CoreEvent>('events', 'kube-system'));
      if (got.ok) items = got.object.items;
    }());
    cluster.runUntil(cluster.sim.nowMs + 50);
    return items.filter((e) => e.reason === 'LeaderElection');
  };
  return { cluster, log, candidate, read, events };
}

const at = (cluster: Cluster, micro: string | undefined) => fromRFC3339(micro!, cluster.spec.epochMs);

describe('LeaderElector timings (client-go leaderelection)', () => {
  it('creates the Lease (15 s, transitions 0), then renews every 2 s with a single PUT each (fast path, no GET)', () => {
    const { cluster, candidate, read } = setup();
    const requests: string[] = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind === 'apiserver.authn' && e.ref?.kind === 'Lease' && e.from === 'kube-controller-manager') requests.push(`${e.t} ${e.verb}`);
    });
    const a = candidate('cp-1_aaaa');
    a.run();
    cluster.runUntil(1_000);
    expect(a.isLeader).toBe(true);
    const first = read()!;
    expect(first.spec).toMatchObject({ holderIdentity: 'cp-1_aaaa', leaseDurationSeconds: 15, leaseTransitions: 0 });
    expect(first.spec!.renewTime).toMatch(/\.\d{6}Z$/);
    requests.length = 0;
    cluster.runUntil(21_000);
    const later = read()!;
    expect(later.spec!.acquireTime).toBe(first.spec!.acquireTime);
    expect(cluster.sim.nowMs - at(cluster, later.spec!.renewTime)).toBeLessThan(2_500);
    // 20 s of renewals: about one PUT per 2 s (plus request latency), and no GETs.
    expect(requests.every((r) => r.endsWith(' update'))).toBe(true);
    expect(requests.length).toBeGreaterThanOrEqual(9);
    expect(requests.length).toBeLessThanOrEqual(10);
  });

  it('a standby never acquires while the leader renews, and takes over ≥ 15 s after the last renewal once the leader dies', () => {
    const { cluster, candidate, read, log } = setup();
    const a = candidate('cp-1_aaaa');
    const b = candidate('cp-2_bbbb');
    a.run();
    cluster.runUntil(500);
    b.run();
    cluster.runUntil(60_000);
    expect(b.isLeader).toBe(false);
    expect(b.leader).toBe('cp-1_aaaa');
    const lastRenew = at(cluster, read()!.spec!.renewTime);
    a.stop();
    cluster.runUntil(lastRenew + 15_000);
    expect(b.isLeader).toBe(false);
    cluster.runUntil(lastRenew + 15_000 + 2 * 4_400);
    expect(b.isLeader).toBe(true);
    const lease = read()!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'cp-2_bbbb', leaseTransitions: 1 });
    // The standby saw the last renewal at most one jittered retry (< 4.4 s) later; the lease
    // counts as valid for 15 s from then, and its next attempt comes within another 4.4 s.
    const tookOver = at(cluster, lease.spec!.acquireTime) - lastRenew;
    expect(tookOver).toBeGreaterThanOrEqual(15_000);
    expect(tookOver).toBeLessThanOrEqual(15_000 + 2 * 4_400);
    expect(log.map((l) => l.split(' ').slice(1).join(' '))).toEqual(['cp-1_aaaa started', 'cp-2_bbbb started']);
  });

  it('a leader that cannot write gives up at the 10 s renew deadline and records `<identity> stopped leading`', () => {
    const { cluster, candidate, log, events } = setup();
    const a = candidate('cp-1_aaaa');
    a.run();
    cluster.runUntil(5_000);
    expect(events().map((e) => e.message)).toEqual(['cp-1_aaaa became leader']);
    const lost: number[] = [];
    const recorded: string[] = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind === 'leaderelection.lost') lost.push(e.t);
      if (e.kind === 'event' && e.reason === 'LeaderElection') recorded.push(`${e.t} ${e.message}`);
    });
    for (const member of cluster.etcd.members) cluster.etcd.stopMember(member.name);
    const cutAt = cluster.sim.nowMs;
    cluster.runUntil(cutAt + 30_000);
    expect(a.isLeader).toBe(false);
    const stopped = log.find((l) => l.endsWith('stopped'));
    expect(stopped).toBeDefined();
    const lostAt = Number(stopped!.split(' ')[0]);
    expect(lost).toEqual([lostAt]);
    // The failing poll began at most one retry period after the last success and ends at its deadline.
    expect(lostAt - cutAt).toBeGreaterThanOrEqual(10_000 - 2_000);
    expect(lostAt - cutAt).toBeLessThanOrEqual(10_000 + 2_000);
    // The event is recorded when leadership is lost (its write fails while etcd is down).
    expect(recorded).toEqual([`${lostAt} cp-1_aaaa stopped leading`]);
    for (const member of cluster.etcd.members) cluster.etcd.startMember(member.name);
    cluster.runUntil(cluster.sim.nowMs + 10_000);
    expect(events()[0]).toMatchObject({ type: 'Normal', involvedObject: { kind: 'Lease', name: 'kube-controller-manager', namespace: 'kube-system', apiVersion: 'coordination.k8s.io/v1' }, source: { component: 'kube-controller-manager' } });
  });
});
