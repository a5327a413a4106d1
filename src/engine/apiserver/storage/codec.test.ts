import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

describe('storage codec: one stamped object per version', () => {
  const boot = (etcdMembers: number) => Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(0), etcdMembers }), DEFAULT_COMPONENTS);

  it.each([1, 3])('the write response, the watch cache and etcd (%i members) hold the same object; etcdctl shows it without resourceVersion', (members) => {
    const cluster = boot(members);
    const [create, get] = runCommands(cluster, ['kubectl create configmap demo --from-literal=a=1', 'etcdctl get /registry/configmaps/default/demo --print-value-only']);
    expect(create.exit).toBe(0);
    const cached = cluster.apiserver.ctx.cachers.get('configmaps')!.get('/registry/configmaps/default/demo')!;
    const rv = cached.metadata.resourceVersion;
    expect(rv).toMatch(/^\d+$/);
    for (const member of cluster.etcd.members) expect(member.store.get('/registry/configmaps/default/demo')!.value).toBe(cached);
    expect(Object.isFrozen(cached) && Object.isFrozen(cached.metadata)).toBe(true);
    const printed = JSON.parse(get.stdout);
    expect(printed.metadata.resourceVersion).toBeUndefined();
    expect(printed.metadata.uid).toBe(cached.metadata.uid);
    expect(printed.data).toEqual({ a: '1' });
  });

  it('an update is a new object with the new revision; the old version keeps its own', () => {
    const cluster = boot(1);
    runCommands(cluster, ['kubectl create configmap demo --from-literal=a=1']);
    const cacher = cluster.apiserver.ctx.cachers.get('configmaps')!;
    const before = cacher.get('/registry/configmaps/default/demo')!;
    const [patch] = runCommands(cluster, [`kubectl patch configmap demo -p '{"data":{"a":"2"}}'`]);
    expect(patch.exit).toBe(0);
    const after = cacher.get('/registry/configmaps/default/demo')!;
    expect(after).not.toBe(before);
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect((before as { data?: unknown }).data).toEqual({ a: '1' });
    expect((after as { data?: unknown }).data).toEqual({ a: '2' });
    expect(after.metadata.uid).toBe(before.metadata.uid);
  });
});
