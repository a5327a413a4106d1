import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { SYSTEM_NAMESPACES } from '../../apiserver/bootstrap';
import { Cluster } from '../../cluster';
import { kubeControllerManagerFactoryWith } from '../../controllerManager/kubeControllerManager';
import { get, request, TEST_SPEC } from '../../controllerManager/testing';
import { wait } from '../../sim/task';

function boot(): Cluster {
  return Cluster.boot(TEST_SPEC, [kubeControllerManagerFactoryWith({ controllers: ['serviceaccount-controller'] })]);
}

describe('serviceaccount controller', () => {
  it('creates a default ServiceAccount in every namespace, new ones included, and recreates it', () => {
    const cluster = boot();
    cluster.runUntil(1000);
    for (const ns of SYSTEM_NAMESPACES) expect(get<ServiceAccount>(cluster, 'serviceaccounts', 'default', ns)?.metadata.name).toBe('default');
    const admin = cluster.admin();
    request(cluster, (function* () {
      return yield* wait(admin.create<Namespace>('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<ServiceAccount>(cluster, 'serviceaccounts', 'default', 'team-a')).toBeDefined();
    request(cluster, (function* () {
      return yield* wait(admin.delete('serviceaccounts', 'team-a', 'default'));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<ServiceAccount>(cluster, 'serviceaccounts', 'default', 'team-a')).toBeDefined();
  });
});
