import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';

describe('handleDelete', () => {
  // staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go conditionalDelete: a delete whose
  // guarded txn loses to a concurrent write re-reads the object, re-checks the preconditions and
  // retries, so a kubelet's grace-0 delete racing its own status write still removes the pod.
  it('retries a delete that raced a concurrent update instead of answering 409', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const admin = cluster.admin();
    const created = admin.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] } });
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(created.value.ok).toBe(true);
    const uid = created.value.ok ? created.value.object.metadata.uid : '';
    const patched = admin.patch('pods', 'default', 'p', 'merge', { status: { phase: 'Succeeded' } }, { subresource: 'status' });
    const deleted = admin.delete('pods', 'default', 'p', { gracePeriodSeconds: 0, preconditions: { uid } });
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(patched.value.ok).toBe(true);
    expect(deleted.value.ok).toBe(true);
    const got = admin.get('pods', 'default', 'p');
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(got.value.ok === false && got.value.status.code).toBe(404);
  });

  it('still refuses when the re-read object fails the uid precondition', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const admin = cluster.admin();
    admin.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { automountServiceAccountToken: false, containers: [{ name: 'c', image: 'nginx' }] } });
    cluster.runUntil(cluster.sim.nowMs + 100);
    const deleted = admin.delete('pods', 'default', 'p', { gracePeriodSeconds: 0, preconditions: { uid: 'not-this-one' } });
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(deleted.value.ok === false && deleted.value.status.message).toMatch(/^Operation cannot be fulfilled on pods "p": Precondition failed: UID in precondition: not-this-one, UID in object meta: /);
  });
});
