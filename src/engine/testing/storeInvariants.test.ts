import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { StoreInvariantWatcher } from './storeInvariants';

type Op =
  | { kind: 'create'; name: string; value: string }
  | { kind: 'update'; name: string; value: string; stale: boolean }
  | { kind: 'patch'; name: string; value: string }
  | { kind: 'delete'; name: string };

const name = fc.constantFrom('a', 'b', 'c', 'd');
const value = fc.string({ maxLength: 4 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name, value }),
  fc.record({ kind: fc.constant('update' as const), name, value, stale: fc.boolean() }),
  fc.record({ kind: fc.constant('patch' as const), name, value }),
  fc.record({ kind: fc.constant('delete' as const), name }),
);

describe('apiserver store invariants under random writes', () => {
  it('keeps resourceVersions strictly increasing and watch replay equal to list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.tuple(op, fc.integer({ min: 0, max: 3 })), { maxLength: 40 }), (seed, ops) => {
        const cluster = Cluster.boot(clusterSpec({ seed: seed, nodes: nodesFromCount(0), etcdMembers: 1 }));
        const watcher = new StoreInvariantWatcher(cluster, 'configmaps');
        const admin = cluster.admin();
        const seenRVs: Record<string, string> = {};
        cluster.runUntil(cluster.sim.nowMs + 5);
        for (const [o, gapMs] of ops) {
          const cm = (data: string, rv?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: o.name, namespace: 'default', resourceVersion: rv }, data: { v: data } });
          if (o.kind === 'create') admin.create('configmaps', cm(o.value)).then((r) => r.ok && (seenRVs[o.name] = r.object.metadata.resourceVersion ?? ''));
          if (o.kind === 'update') admin.update('configmaps', cm(o.value, o.stale ? '1' : seenRVs[o.name]));
          if (o.kind === 'patch') admin.patch('configmaps', 'default', o.name, 'merge', { data: { v: o.value } });
          if (o.kind === 'delete') admin.delete('configmaps', 'default', o.name);
          cluster.runUntil(cluster.sim.nowMs + gapMs);
        }
        cluster.runUntil(cluster.sim.nowMs + 50);
        expect(watcher.violations).toEqual([]);
        expect(watcher.listMismatch()).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
});
