import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { writableMeta } from '../../api/object';
import { Fixture } from '../testing/fixture';
import { newController, newDeployment, rs } from './testdata/objects';
import { setReplicasAnnotations } from './util/annotations';

// Dispatcher behaviour of syncDeployment (deployment_controller_test.go style: preload listers,
// run one sync, compare the client actions).

describe('syncDeployment', () => {
  it('creates the new ReplicaSet and the status of a fresh deployment', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 1, { maxSurge: '25%', maxUnavailable: '25%' });
    const dc = newController(f, [d]);
    expect(f.run(dc.syncDeployment('default/foo'))).toBeUndefined();
    expect(f.client.writes().map((a) => `${a.verb} ${a.resource}`)).toEqual(['create replicasets', 'updateStatus deployments', 'updateStatus deployments']);
    const status = (f.client.writes('deployments')[1].object as Deployment).status!;
    expect(status).toMatchObject({ observedGeneration: 1, unavailableReplicas: 1 });
    expect(status.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'Progressing=True NewReplicaSetCreated',
      'Available=False MinimumReplicasUnavailable',
    ]);
  });

  it('only syncs status for a deployment being deleted', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 1);
    writableMeta(d).deletionTimestamp = '2025-01-01T00:00:00Z';
    const dc = newController(f, [d]);
    f.run(dc.syncDeployment('default/foo'));
    expect(f.client.writes().map((a) => `${a.verb} ${a.resource}`)).toEqual(['updateStatus deployments']);
  });

  it('marks a paused deployment DeploymentPaused and does not roll out', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 2);
    d.spec!.paused = true;
    const dc = newController(f, [d]);
    f.run(dc.syncDeployment('default/foo'));
    expect(f.client.writes('replicasets')).toEqual([]);
    const first = f.client.writes('deployments')[0].object as Deployment;
    expect(first.status?.conditions?.[0]).toMatchObject({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  });

  it('treats a changed spec.replicas as a scaling event (sync, not rollout)', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 5);
    const only: ReplicaSet = rs('foo-1', 3, { owner: d });
    only.spec!.template = d.spec!.template;
    setReplicasAnnotations(only, 3, 3);
    const dc = newController(f, [d], [only]);
    f.run(dc.syncDeployment('default/foo'));
    expect(f.events).toContain('Normal ScalingReplicaSet Scaled up replica set foo-1 to 5 from 3');
  });

  it('refuses an empty selector with a SelectingAll warning', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 1);
    d.spec!.selector = {};
    const dc = newController(f, [d]);
    f.run(dc.syncDeployment('default/foo'));
    expect(f.events).toEqual(['Warning SelectingAll This deployment is selecting all pods. A non-empty selector is required.']);
  });

  it('adopts a matching orphan ReplicaSet with a strategic-merge ownerReference patch', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 1);
    const orphan = rs('foo-orphan', 1);
    const dc = newController(f, [d], [orphan]);
    f.run(dc.syncDeployment('default/foo'));
    const patch = f.client.writes('replicasets').find((a) => a.verb === 'patch')!;
    expect(patch.patch).toEqual({
      type: 'strategic',
      data: { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true }], uid: 'uid-foo-orphan' } },
    });
  });
});
