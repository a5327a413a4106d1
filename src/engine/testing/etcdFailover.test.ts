// Issue #4 acceptance 4: a Deployment created while the etcd leader fails over either succeeds
// once a new leader is elected or fails with the error the real apiserver returns; it is never
// lost after a success and never duplicated.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { list } from '../controllerManager/testing';
import { runCommands } from './runCommands';

/** The texts kubectl prints when the apiserver's etcd write fails (etcd 3.4 etcdserver errors). */
const REAL_ERRORS = [
  'error: failed to create deployment: etcdserver: request timed out',
  'error: failed to create deployment: etcdserver: request timed out, possibly due to previous leader failure',
  'error: failed to create deployment: etcdserver: request timed out, possibly due to connection lost',
  'error: failed to create deployment: rpc error: code = Unavailable desc = transport is closing',
];

function boot(seed: number): Cluster {
  return Cluster.boot(clusterSpec({ seed: seed, nodes: nodesFromCount(2), etcdMembers: 3 }), DEFAULT_COMPONENTS);
}

describe('kubectl create deployment during an etcd leader failover', () => {
  const outcomes: string[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const delayMs of [0, 400, 900, 1500]) {
      it(`seed ${seed}, create ${delayMs} ms after the leader stops`, () => {
        const cluster = boot(seed);
        const [stopped, created] = runCommands(cluster, ['sim etcd stop leader', { run: 'kubectl create deployment web --image=nginx:1.27 --replicas=2', advanceMs: delayMs }]);
        expect(stopped.exit).toBe(0);
        cluster.runUntil(cluster.sim.nowMs + 60_000);
        const deployments = list<Deployment>(cluster, 'deployments').filter((d) => d.metadata.name === 'web');
        const replicaSets = list<ReplicaSet>(cluster, 'replicasets').filter((rs) => rs.metadata.ownerReferences?.[0]?.name === 'web');
        const pods = list<Pod>(cluster, 'pods').filter((p) => p.metadata.labels?.app === 'web');
        expect(deployments.length).toBeLessThanOrEqual(1);
        if (created.exit === 0) {
          outcomes.push('created');
          expect(created.stdout).toBe('deployment.apps/web created\n');
          expect(deployments).toHaveLength(1);
          expect(replicaSets).toHaveLength(1);
          expect(pods).toHaveLength(2);
        } else {
          outcomes.push(`failed(${created.stderr.trim()})`);
          expect(REAL_ERRORS).toContain(created.stderr.trim());
          // A timed-out write may still commit later (etcd does not cancel it): then it is whole.
          if (deployments.length === 1) expect(pods).toHaveLength(2);
        }
      });
    }
  }

  it('saw both outcomes across the timings', () => {
    if (process.env.ETCD_FAILOVER_STATS === '1') console.log(outcomes.join(' '));
    expect(outcomes).toContain('created');
    expect(outcomes.some((o) => o.startsWith('failed'))).toBe(true);
  });
});
