import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { deepClone, writableMeta, type Stored } from '../../api/object';
import { Fixture } from '../testing/fixture';
import { getNewReplicaSet } from './newReplicaSet';
import { cleanupDeployment } from './sync';
import { casesOf } from './testdata/cases';
import { newController, newDeployment, rs } from './testdata/objects';
import { computeHash } from './util/hash';

describe('cleanupDeployment (sync_test.go TestDeploymentController_cleanupDeployment)', () => {
  it.each(casesOf('cleanup_old_rs'))('$id ($source)', (c) => {
    const f = new Fixture();
    const oldRSs = (c.oldRSs as Array<{ specReplicas: number; statusReplicas: number; deletionTimestamp?: boolean }>).map((spec, i) => {
      const r = rs(`foo-${i + 1}`, spec.specReplicas, { statusReplicas: spec.statusReplicas });
      if (spec.deletionTimestamp) writableMeta(r).deletionTimestamp = '2025-01-01T00:00:00Z';
      return r;
    });
    const d = newDeployment('foo', 1, { revisionHistoryLimit: c.revisionHistoryLimit as number });
    const dc = newController(f, [d], oldRSs);
    f.run(cleanupDeployment(dc, oldRSs, d));
    expect(f.client.writes('replicasets').filter((a) => a.verb === 'delete')).toHaveLength(c.expectedDeletions as number);
  });
});

describe('getNewReplicaSet', () => {
  it('creates <deployment>-<pod-template-hash> with the hash in labels, selector and template', () => {
    const f = new Fixture();
    const d = newDeployment('web', 3, { maxSurge: '25%', maxUnavailable: '25%', selector: { app: 'web' } });
    const dc = newController(f, [d]);
    const working = deepClone(d);
    const result = f.run(getNewReplicaSet(dc, working, [], [], true));
    const hash = computeHash(d.spec!.template);
    const created = f.client.writes('replicasets')[0].object as ReplicaSet;
    expect(result.rs?.metadata.name).toBe(`web-${hash}`);
    expect(created.metadata).toMatchObject({
      name: `web-${hash}`,
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    });
    expect(created.spec).toMatchObject({ replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } } });
    expect(created.spec!.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(f.events).toEqual([`Normal ScalingReplicaSet Scaled up replica set web-${hash} to 3`]);
    const condition = working.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(condition).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "web-${hash}"` });
    expect(working.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1');
  });

  it('starts a new RS of a rollout at maxSurge (25% of 3 → 1) while the old one holds 3', () => {
    const f = new Fixture();
    const d = newDeployment('web', 3, { maxSurge: '25%', maxUnavailable: '25%' });
    const old = rs('web-old', 3, { owner: d });
    const dc = newController(f, [d], [old]);
    const result = f.run(getNewReplicaSet(dc, deepClone(d), [old], [old], true));
    expect(result.rs?.spec?.replicas).toBe(1);
  });

  it('reuses an old RS whose template matches again (rollout undo) and raises its revision', () => {
    const f = new Fixture();
    const d = newDeployment('web', 3);
    const v1 = rs('web-aaaa', 0, { owner: d, ageSeconds: 120 });
    v1.spec!.template = deepClone(d.spec!.template);
    v1.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
    const v2 = rs('web-bbbb', 3, { owner: d, ageSeconds: 60 });
    v2.metadata.annotations = { 'deployment.kubernetes.io/revision': '2' };
    const dc = newController(f, [d], [v1, v2]);
    const result = f.run(getNewReplicaSet(dc, deepClone(d), [v1, v2], [v2], true));
    expect(result.rs?.metadata.name).toBe('web-aaaa');
    const updated = f.client.writes('replicasets');
    expect(updated.map((a) => a.verb)).toEqual(['update']);
    expect((updated[0].object as ReplicaSet).metadata!.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
    });
  });

  it('bumps status.collisionCount when the computed name belongs to a foreign RS', () => {
    const f = new Fixture();
    const d = newDeployment('web', 1);
    const hash = computeHash(d.spec!.template);
    const foreign: Stored<ReplicaSet> = { ...rs(`web-${hash}`, 1), spec: { ...rs('x', 1).spec!, template: { spec: { containers: [{ name: 'other', image: 'other' }] } } } };
    const dc = newController(f, [d], [foreign]);
    const working = deepClone(d);
    const result = f.run(getNewReplicaSet(dc, working, [], [], true));
    expect(result.err).toMatch(/already exists/);
    const status = f.client.writes('deployments').find((a) => a.verb === 'updateStatus')!.object as Deployment;
    expect(status.status?.collisionCount).toBe(1);
  });
});
