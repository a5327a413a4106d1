import type { ConfigMap, Namespace } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { kubeControllerManagerFactory } from '../../controllerManager/kubeControllerManager';
import { get, list, request, TEST_SPEC } from '../../controllerManager/testing';
import { wait } from '../../sim/task';

// namespace_controller / namespaced_resources_deleter behaviour. The namespace carries an extra
// metadata finalizer so the apiserver keeps it after DELETE (the namespace registry's own
// Terminating handling is the apiserver's part).
describe('namespace controller', () => {
  it('marks a deleted namespace Terminating, empties it, removes the kubernetes finalizer, then deletes it', () => {
    const cluster = Cluster.boot(TEST_SPEC, [kubeControllerManagerFactory]);
    const admin = cluster.admin();
    request(cluster, (function* () {
      yield* wait(admin.create<Namespace>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed', finalizers: ['example.com/hold'] } }));
      return yield* wait(admin.create<ConfigMap>('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'doomed' }, data: { a: '1' } }));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(list(cluster, 'serviceaccounts', 'doomed').map((sa) => sa.metadata.name)).toEqual(['default']);
    request(cluster, (function* () {
      return yield* wait(admin.delete('namespaces', undefined, 'doomed'));
    })());
    cluster.runUntil(cluster.sim.nowMs + 4000);
    expect(get<Namespace>(cluster, 'namespaces', 'doomed', undefined)!.status?.phase).toBe('Terminating');
    // The controller's client is limited to 20 QPS (burst 30): emptying takes a few seconds.
    cluster.runUntil(cluster.sim.nowMs + 20_000);
    const ns = get<Namespace>(cluster, 'namespaces', 'doomed', undefined)!;
    expect(ns.status?.phase).toBe('Terminating');
    expect(ns.spec?.finalizers ?? []).toEqual([]);
    expect(ns.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False ResourcesDiscovered',
      'NamespaceDeletionGroupVersionParsingFailure=False ParsedGroupVersions',
      'NamespaceDeletionContentFailure=False ContentDeleted',
      'NamespaceContentRemaining=False ContentRemoved',
      'NamespaceFinalizersRemaining=False ContentHasNoFinalizers',
    ]);
    expect(list(cluster, 'configmaps', 'doomed')).toEqual([]);
    expect(list(cluster, 'serviceaccounts', 'doomed')).toEqual([]);
    request(cluster, (function* () {
      return yield* wait(admin.patch('namespaces', undefined, 'doomed', 'merge', { metadata: { finalizers: null } }));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<Namespace>(cluster, 'namespaces', 'doomed', undefined)).toBeUndefined();
  });
});
