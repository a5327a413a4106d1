import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import type { KubeControllerManager } from '../../controllerManager/kubeControllerManager';
import { fromRFC3339 } from '../../sim/time';
import { runCommands } from '../../testing/runCommands';

function boot(seed = 4): Cluster {
  return Cluster.boot({ ...clusterSpec({ seed, nodes: nodesFromCount(2), etcdMembers: 3 }), controlPlane: { controllerManagers: 3, schedulers: 3 } }, DEFAULT_COMPONENTS);
}

function lease(cluster: Cluster, name: string): Lease {
  return cluster.apiserver.ctx.cachers.get('leases')!.get(`/registry/leases/kube-system/${name}`) as Lease;
}

const micro = (t: string | undefined) => fromRFC3339((t ?? '').replace(/(\.\d{3})\d{3}Z$/, '$1Z'));

describe('leader election (client-go leaderelection, LeaseLock; lease 15 s, renew deadline 10 s, retry 2 s)', () => {
  it('one replica of each component holds its Lease and renews it every 2 s', () => {
    const cluster = boot();
    const kcm = lease(cluster, 'kube-controller-manager');
    expect(kcm.spec).toMatchObject({ leaseDurationSeconds: 15, leaseTransitions: 0 });
    // Which replica wins the first race depends on request timing; it is one of the three hosts.
    expect(kcm.spec?.holderIdentity).toMatch(/^control-plane(-[23])?_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const host = kcm.spec!.holderIdentity!.split('_')[0];
    const instance = host === 'control-plane' ? 'kube-controller-manager' : `kube-controller-manager-${host.slice(-1)}`;
    const renewed: number[] = [];
    for (let t = 1000; t <= 9000; t += 1000) {
      cluster.runUntil(t);
      renewed.push(micro(lease(cluster, 'kube-controller-manager').spec?.renewTime));
    }
    const distinct = [...new Set(renewed)];
    for (let i = 1; i < distinct.length; i++) expect(distinct[i] - distinct[i - 1]).toBeGreaterThanOrEqual(2000);
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    const leaders = cluster.components.filter((c) => c.name.startsWith('kube-controller-manager') && (c as KubeControllerManager).isLeader);
    expect(leaders.map((c) => c.name)).toEqual([instance]);
  });

  it('a standby takes over about 15 s after the leader was killed, and only one replica ever runs the controllers', () => {
    const cluster = boot();
    cluster.runUntil(5000);
    const before = lease(cluster, 'kube-controller-manager').spec!;
    const lastRenew = micro(before.renewTime);
    const oldHost = before.holderIdentity!.split('_')[0];
    const oldInstance = oldHost === 'control-plane' ? 'kube-controller-manager' : `kube-controller-manager-${oldHost.slice(-1)}`;
    const [stop] = runCommands(cluster, ['sim controlplane stop kube-controller-manager leader']);
    expect(stop.stdout).toBe(`${oldInstance} stopped (was the leader)\n`);
    let tookOverMs = 0;
    for (let t = cluster.sim.nowMs; t < 40_000 && !tookOverMs; t += 100) {
      cluster.runUntil(t);
      const holder = lease(cluster, 'kube-controller-manager').spec?.holderIdentity ?? '';
      if (!holder.startsWith(`${oldHost}_`)) tookOverMs = cluster.sim.nowMs;
    }
    // Expired once 15 s passed since a standby last saw the record change; it retries every
    // 2 s × (1 + up to 1.2 jitter), so it acquires within 15 s + 4.4 s of the last renewal.
    expect(tookOverMs - lastRenew).toBeGreaterThanOrEqual(15_000);
    expect(tookOverMs - lastRenew).toBeLessThanOrEqual(15_000 + 2 * 2_000 * 2.2);
    const after = lease(cluster, 'kube-controller-manager').spec!;
    expect(after.leaseTransitions).toBe(1);
    expect(after.holderIdentity).toMatch(/^control-plane(-[23])?_/);
    expect(after.holderIdentity!.startsWith(`${oldHost}_`)).toBe(false);
    runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27.3 --replicas=2']);
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    const sets = cluster.apiserver.ctx.cachers.get('replicasets')!.list({ namespace: 'default' });
    expect(sets.ok && (sets.items as ReplicaSet[]).map((rs) => rs.status?.readyReplicas)).toEqual([2]);
    const running = cluster.components.filter((c) => c.name.startsWith('kube-controller-manager') && (c as KubeControllerManager).isLeader);
    expect(running).toHaveLength(1);
    const [events] = runCommands(cluster, ['kubectl get events -n kube-system --field-selector involvedObject.name=kube-controller-manager']);
    expect(events.stdout.match(/LeaderElection/g)).toHaveLength(2);
    expect(events.stdout).toContain(`${after.holderIdentity} became leader`);
  });

  it('a leader that cannot renew for 10 s (etcd lost quorum) gives up; once etcd is back one replica leads again', () => {
    const cluster = boot();
    cluster.runUntil(3000);
    const lost: number[] = [];
    cluster.sim.trace.subscribe((e) => e.kind === 'leaderelection.lost' && lost.push(e.t));
    runCommands(cluster, ['sim etcd stop etcd-1', 'sim etcd stop etcd-2']);
    const downAt = cluster.sim.nowMs;
    cluster.runUntil(downAt + 30_000);
    expect(lost.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...lost) - downAt).toBeGreaterThanOrEqual(10_000);
    runCommands(cluster, ['sim etcd start all']);
    cluster.runUntil(cluster.sim.nowMs + 60_000);
    for (const component of ['kube-controller-manager', 'kube-scheduler']) {
      const leaders = cluster.components.filter((c) => c.name.startsWith(component) && (c as { isLeader?: boolean }).isLeader);
      expect(leaders).toHaveLength(1);
    }
  });
});
