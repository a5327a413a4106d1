import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import type { DeleteOptions } from '../../apiserver/request';
import { Cluster } from '../../cluster';
import { kubeControllerManagerFactoryWith } from '../../controllerManager/kubeControllerManager';
import { get, list, request, TEST_SPEC } from '../../controllerManager/testing';
import { wait } from '../../sim/task';

// Background, foreground and orphan deletion (garbagecollector_test.go and the e2e
// "Garbage collector" scenarios), with only the garbage collector running.

function boot(): Cluster {
  return Cluster.boot(TEST_SPEC, [kubeControllerManagerFactoryWith({ controllers: ['garbage-collector-controller'] })]);
}

function create(cluster: Cluster, name: string, owners: OwnerReference[] = [], finalizers?: string[]): Stored<ConfigMap> {
  const result = request(cluster, (function* () {
    return yield* wait(cluster.admin().create<ConfigMap>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ownerReferences: owners, finalizers }, data: {} }));
  })());
  if (!result.ok) throw new Error(result.status.message);
  return result.object;
}

function ownedBy(owner: Stored<ConfigMap>, blockOwnerDeletion = true): OwnerReference {
  return { apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid!, blockOwnerDeletion };
}

function remove(cluster: Cluster, name: string, options: DeleteOptions = {}): void {
  request(cluster, (function* () {
    return yield* wait(cluster.admin().delete('configmaps', 'default', name, options));
  })());
}

const names = (cluster: Cluster) => list<ConfigMap>(cluster, 'configmaps').map((cm) => cm.metadata.name).filter((n) => n !== 'kube-root-ca.crt');

describe('garbage collector', () => {
  it('background: deletes dependents once their owner is gone', () => {
    const cluster = boot();
    const owner = create(cluster, 'owner');
    create(cluster, 'child-1', [ownedBy(owner)]);
    const child2 = create(cluster, 'child-2', [ownedBy(owner)]);
    create(cluster, 'grandchild', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'child-2', uid: child2.metadata.uid! }]);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    remove(cluster, 'owner');
    cluster.runUntil(cluster.sim.nowMs + 2000);
    expect(names(cluster)).toEqual([]);
  });

  it('foreground: deletes blocking dependents first, then removes the foregroundDeletion finalizer', () => {
    const cluster = boot();
    const owner = create(cluster, 'owner');
    create(cluster, 'child', [ownedBy(owner)]);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    const order: string[] = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind.startsWith('gc.')) order.push(`${e.kind} ${e.ref?.name}`);
    });
    remove(cluster, 'owner', { propagationPolicy: 'Foreground' });
    const deleting = get<ConfigMap>(cluster, 'configmaps', 'owner')!;
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    expect(deleting.metadata.finalizers).toEqual(['foregroundDeletion']);
    cluster.runUntil(cluster.sim.nowMs + 2000);
    expect(names(cluster)).toEqual([]);
    expect(order).toEqual(['gc.delete child', 'gc.removeFinalizer owner']);
  });

  it('orphan: strips the owner reference from dependents, then removes the orphan finalizer', () => {
    const cluster = boot();
    const owner = create(cluster, 'owner');
    create(cluster, 'child', [ownedBy(owner)]);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    remove(cluster, 'owner', { propagationPolicy: 'Orphan' });
    cluster.runUntil(cluster.sim.nowMs + 2000);
    expect(names(cluster)).toEqual(['child']);
    expect(get<ConfigMap>(cluster, 'configmaps', 'child')!.metadata.ownerReferences ?? []).toEqual([]);
  });

  it('keeps a dependent that still has a live owner, dropping only the dangling reference', () => {
    const cluster = boot();
    const a = create(cluster, 'owner-a');
    const b = create(cluster, 'owner-b');
    create(cluster, 'child', [ownedBy(a), ownedBy(b)]);
    cluster.runUntil(cluster.sim.nowMs + 1000);
    remove(cluster, 'owner-a');
    cluster.runUntil(cluster.sim.nowMs + 2000);
    expect(get<ConfigMap>(cluster, 'configmaps', 'child')!.metadata.ownerReferences?.map((r) => r.name)).toEqual(['owner-b']);
  });

  it('deletes an object whose owner never existed (virtual owner checked with a live GET)', () => {
    const cluster = boot();
    create(cluster, 'orphan', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }]);
    cluster.runUntil(cluster.sim.nowMs + 2000);
    expect(names(cluster)).toEqual([]);
  });
});
