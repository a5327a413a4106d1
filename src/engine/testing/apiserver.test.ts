import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import { spawn, wait, type Task } from '../sim/task';
import type { WatchEvent } from '../apiserver/cacher/types';

const spec = clusterSpec({ seed: 7, nodes: nodesFromCount(1), etcdMembers: 1 });

function deployment(name: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  };
}

function run<T>(cluster: Cluster, task: Task<T>, untilMs = 10_000): T {
  cluster.sim.runWhile(() => !cluster.ready.isSettled, untilMs);
  const future = spawn(task);
  cluster.sim.runWhile(() => !future.isSettled, untilMs);
  return future.value;
}

describe('kube-apiserver store semantics', () => {
  it('creates with uid, creationTimestamp, generation and a resourceVersion from etcd', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const created = run(cluster, (function* () {
      return yield* wait(admin.create('deployments', deployment('web')));
    })());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.object.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.object.metadata.generation).toBe(1);
    expect(Number(created.object.metadata.resourceVersion)).toBe(cluster.etcd.currentRevision());
  });

  it('answers 409 AlreadyExists, 404 NotFound and 409 Conflict with the apiserver texts', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const [dup, missing, stale] = run(cluster, (function* () {
      const first = yield* wait(admin.create('deployments', deployment('web')));
      const dup = yield* wait(admin.create('deployments', deployment('web')));
      const missing = yield* wait(admin.get('deployments', 'default', 'nope'));
      if (!first.ok) throw new Error('create failed');
      const bumped = { ...first.object, spec: { ...first.object.spec!, replicas: 5 } };
      yield* wait(admin.update('deployments', bumped));
      const stale = yield* wait(admin.update('deployments', { ...first.object, spec: { ...first.object.spec!, replicas: 7 } }));
      return [dup, missing, stale];
    })());
    expect(!dup.ok && dup.status.message).toBe('deployments.apps "web" already exists');
    expect(!missing.ok && missing.status.message).toBe('deployments.apps "nope" not found');
    expect(!stale.ok && stale.status.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('does not write an update that changes nothing and bumps generation only on spec changes', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const out = run(cluster, (function* () {
      const created = yield* wait(admin.create('deployments', deployment('web')));
      if (!created.ok) throw new Error('create failed');
      const same = yield* wait(admin.update('deployments', created.object));
      const labelled = yield* wait(admin.patch('deployments', 'default', 'web', 'merge', { metadata: { labels: { a: 'b' } } }));
      const scaled = yield* wait(admin.patch('deployments', 'default', 'web', 'merge', { spec: { replicas: 3 } }));
      return { created, same, labelled, scaled };
    })());
    if (!out.created.ok || !out.same.ok || !out.labelled.ok || !out.scaled.ok) throw new Error('request failed');
    expect(out.same.object.metadata.resourceVersion).toBe(out.created.object.metadata.resourceVersion);
    expect(out.labelled.object.metadata.generation).toBe(1);
    expect(out.scaled.object.metadata.generation).toBe(2);
  });

  it('replays a watch from a resourceVersion and answers 410 Gone past the window', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const seen: WatchEvent[] = [];
    run(cluster, (function* () {
      const first = yield* wait(admin.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } }));
      if (!first.ok) throw new Error('create failed');
      yield* wait(admin.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } }));
      admin.watch('configmaps', { namespace: 'default', resourceVersion: first.object.metadata.resourceVersion }, (events) => seen.push(...events));
      yield* wait(cluster.sim.sleep(10));
    })());
    expect(seen.map((e) => e.type === 'ERROR' ? 'ERROR' : `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b']);

  });

  it('expires a watch resourceVersion that fell out of the 75 s / 100-event window with 410 Gone', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const firstRV = run(cluster, (function* () {
      const first = yield* wait(admin.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm-0', namespace: 'default' } }));
      for (let i = 1; i <= 120; i++) {
        yield* wait(cluster.sim.sleep(1000));
        yield* wait(admin.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default' } }));
      }
      return first.ok ? first.object.metadata.resourceVersion : '';
    })(), 200_000);
    const gone: WatchEvent[] = [];
    admin.watch('configmaps', { resourceVersion: firstRV }, (events) => gone.push(...events));
    cluster.runUntil(cluster.sim.nowMs + 10);
    expect(gone).toHaveLength(1);
    expect(gone[0].type).toBe('ERROR');
    expect(gone[0].object).toMatchObject({ code: 410, reason: 'Expired' });
    expect((gone[0].object as { message: string }).message).toMatch(new RegExp(`^too old resource version: ${firstRV} \\(\\d+\\)$`));
  });

  it('keeps an informer cache equal to a fresh list', () => {
    const cluster = Cluster.boot(spec);
    const admin = cluster.admin();
    const factory = new SharedInformerFactory(cluster.sim, admin, 'test');
    const informer = factory.forResource('deployments');
    factory.start();
    run(cluster, (function* () {
      for (const name of ['a', 'b', 'c']) yield* wait(admin.create('deployments', deployment(name)));
      yield* wait(admin.delete('deployments', 'default', 'b'));
      yield* wait(cluster.sim.sleep(5));
    })());
    expect(informer.indexer.list().map((d) => d.metadata.name)).toEqual(['a', 'c']);
  });
});
