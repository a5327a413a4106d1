import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { Fixture } from '../testing/fixture';
import { status } from '../testing/fakeClient';
import { getPodsToDelete, manageReplicas, slowStartBatch } from './manageReplicas';
import { ReplicaSetController } from './replicaSetController';

function newRS(replicas: number): Stored<ReplicaSet> {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'web-5d59d67564', namespace: 'default', uid: 'uid-rs', generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    status: { replicas: 0 },
  };
}

function pod(name: string, options: { node?: string; phase?: string; ready?: boolean; readySince?: string; created?: string; restarts?: number } = {}): Stored<Pod> {
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, creationTimestamp: options.created ?? '2025-01-01T00:00:00Z' },
    spec: { nodeName: options.node, containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: options.phase ?? 'Running',
      conditions: options.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: options.readySince ?? '2025-01-01T00:00:10Z' }] : [],
      containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: !!options.ready, restartCount: options.restarts ?? 0 }],
    },
  };
}

function controller(f: Fixture, rs: Stored<ReplicaSet>, pods: Stored<Pod>[] = []): ReplicaSetController {
  f.client.seed('replicasets', rs);
  for (const p of pods) f.client.seed('pods', p);
  return new ReplicaSetController({ sim: f.sim, epochMs: f.epochMs, client: f.client, recorder: f.recorder('replicaset-controller'), replicaSets: f.informer('replicasets', [rs]), pods: f.informer('pods', pods) });
}

describe('slowStartBatch', () => {
  it('runs batches of 1, 2, 4, ... and stops after the first failing batch', () => {
    const f = new Fixture();
    let calls = 0;
    const fn = function* (): Task<string | undefined> {
      calls++;
      return calls === 4 ? 'quota exceeded' : undefined;
    };
    expect(f.run(slowStartBatch(10, 1, fn))).toEqual({ successes: 6, err: 'quota exceeded' });
    expect(calls).toBe(7);
  });
});

describe('manageReplicas', () => {
  it('creates at most burstReplicas (500) pods per sync and expects them', () => {
    const f = new Fixture();
    const rs = newRS(600);
    const rsc = controller(f, rs);
    expect(f.run(manageReplicas(rsc, [], rs))).toBeUndefined();
    const creates = f.client.writes('pods').filter((a) => a.verb === 'create');
    expect(creates).toHaveLength(500);
    expect(rsc.expectations.get('default/web-5d59d67564')).toEqual({ add: 500, del: 0 });
    expect(creates[0].object).toMatchObject({
      metadata: { generateName: 'web-5d59d67564-', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d59d67564', uid: 'uid-rs', controller: true, blockOwnerDeletion: true }] },
    });
    expect(f.events[0]).toMatch(/^Normal SuccessfulCreate Created pod: web-5d59d67564-/);
  });

  it('lowers expectations for pods never attempted after a failed batch, and reports FailedCreate', () => {
    const f = new Fixture();
    const rs = newRS(5);
    const rsc = controller(f, rs);
    f.client.reactors.push((a) => (a.verb === 'create' && a.resource === 'pods' ? { ok: false, status: status(403, 'Forbidden', 'pods "web-5d59d67564-" is forbidden: exceeded quota') } : undefined));
    expect(f.run(manageReplicas(rsc, [], rs))).toMatch(/exceeded quota/);
    expect(rsc.expectations.get('default/web-5d59d67564')).toEqual({ add: 0, del: 0 });
    expect(f.events).toEqual(['Warning FailedCreate Error creating: pods "web-5d59d67564-" is forbidden: exceeded quota']);
  });

  it('deletes the least valuable pods and records SuccessfulDelete', () => {
    const f = new Fixture();
    const rs = newRS(1);
    const pods = [pod('ready', { node: 'n1', ready: true }), pod('pending', { node: 'n1', phase: 'Pending' }), pod('unassigned', { phase: 'Pending' })];
    const rsc = controller(f, rs, pods);
    f.run(manageReplicas(rsc, pods, rs));
    expect(f.client.writes('pods').map((a) => a.name)).toEqual(['unassigned', 'pending']);
    expect(f.events).toEqual(['Normal SuccessfulDelete Deleted pod: unassigned', 'Normal SuccessfulDelete Deleted pod: pending']);
  });
});

// The ordering rules of controller_utils.go ActivePodsWithRanks (TestSortingActivePodsWithRanks).
describe('getPodsToDelete', () => {
  const nowMs = 3_600_000;
  const epochMs = Date.UTC(2025, 0, 1);
  const rank = (pods: Stored<Pod>[]) => getPodsToDelete(pods, pods, pods.length - 1, nowMs, epochMs).map((p) => p.metadata.name);

  it('unassigned < assigned, Pending < Unknown < Running, not ready < ready', () => {
    const pods = [pod('running-ready', { node: 'a', ready: true }), pod('running', { node: 'b' }), pod('unknown', { node: 'c', phase: 'Unknown' }), pod('pending', { node: 'd', phase: 'Pending' }), pod('unassigned', { phase: 'Pending' })];
    expect(rank(pods)).toEqual(['unassigned', 'pending', 'unknown', 'running']);
  });

  it('prefers pods doubled up on a node, then ready for less time, then more restarts', () => {
    const doubled = [pod('alone', { node: 'a', ready: true }), pod('pair-1', { node: 'b', ready: true }), pod('pair-2', { node: 'b', ready: true })];
    expect(getPodsToDelete(doubled, doubled, 1, nowMs, epochMs).map((p) => p.metadata.name)).toEqual(['pair-1']);
    const ages = [pod('long', { node: 'a', ready: true, readySince: '2025-01-01T00:00:00Z' }), pod('short', { node: 'b', ready: true, readySince: '2025-01-01T00:59:00Z' })];
    expect(getPodsToDelete(ages, ages, 1, nowMs, epochMs).map((p) => p.metadata.name)).toEqual(['short']);
    const restarts = [pod('calm', { node: 'a' }), pod('crashy', { node: 'b', restarts: 5 })];
    expect(getPodsToDelete(restarts, restarts, 1, nowMs, epochMs).map((p) => p.metadata.name)).toEqual(['crashy']);
  });

  it('deletes newer pods first when nothing else differs', () => {
    const pods = [pod('old', { node: 'a', created: '2025-01-01T00:00:00Z' }), pod('new', { node: 'b', created: '2025-01-01T00:59:50Z' })];
    expect(getPodsToDelete(pods, pods, 1, nowMs, epochMs).map((p) => p.metadata.name)).toEqual(['new']);
  });
});
