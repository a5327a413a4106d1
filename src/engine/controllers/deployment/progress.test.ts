import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { Fixture } from '../testing/fixture';
import { requeueStuckDeployment, syncRolloutStatus } from './progress';
import { newController, newDeployment, rs } from './testdata/objects';
import { newDeploymentCondition } from './util/conditions';

// progress_test.go style: the Progressing condition after one syncRolloutStatus.

function progressing(f: Fixture): unknown {
  const update = f.client.writes('deployments').find((a) => a.verb === 'updateStatus');
  return (update?.object as Deployment | undefined)?.status?.conditions?.find((c) => c.type === 'Progressing');
}

describe('syncRolloutStatus', () => {
  it('reports ReplicaSetUpdated while pods come up, keeping lastTransitionTime', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 3);
    d.status = { replicas: 3, updatedReplicas: 1, conditions: [newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "foo-new"', '2025-01-01T00:30:00Z')] };
    const newRS = rs('foo-new', 2, { available: 0 });
    const oldRS = rs('foo-old', 2, { available: 2 });
    const dc = newController(f, [d], [newRS, oldRS]);
    f.run(syncRolloutStatus(dc, [oldRS, newRS], newRS, d));
    expect(progressing(f)).toMatchObject({
      status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "foo-new" is progressing.',
      lastUpdateTime: '2025-01-01T01:00:00Z', lastTransitionTime: '2025-01-01T00:30:00Z',
    });
  });

  it('reports NewReplicaSetAvailable once complete', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 2);
    d.status = { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "foo-new" is progressing.', '2025-01-01T00:59:00Z')] };
    const newRS = rs('foo-new', 2);
    const dc = newController(f, [d], [newRS]);
    f.run(syncRolloutStatus(dc, [newRS], newRS, d));
    expect(progressing(f)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "foo-new" has successfully progressed.' });
  });

  it('reports ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 2);
    const newRS = rs('foo-new', 2, { available: 0, statusReplicas: 2 });
    d.status = { observedGeneration: 1, replicas: 2, updatedReplicas: 2, unavailableReplicas: 2, conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "foo-new" is progressing.', '2025-01-01T00:49:59Z')] };
    const dc = newController(f, [d], [newRS]);
    f.run(syncRolloutStatus(dc, [newRS], newRS, d));
    expect(progressing(f)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "foo-new" has timed out progressing.' });
  });
});

describe('requeueStuckDeployment', () => {
  it('requeues for when the deadline would pass (+1 s): 3 min ago with a 10 min deadline → 7 min', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 2);
    d.status = { conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'x', '2025-01-01T00:57:00Z')] };
    const dc = newController(f, [d]);
    expect(requeueStuckDeployment(dc, d, { replicas: 2 })).toBe(7 * 60_000);
    f.sim.runUntil(f.sim.nowMs + 7 * 60_000 + 1000);
    expect(dc.queue.length).toBe(1);
  });

  it('does not requeue a complete deployment', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 2);
    d.status = { conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'x', '2025-01-01T00:57:00Z')] };
    const dc = newController(f, [d]);
    expect(requeueStuckDeployment(dc, d, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 })).toBe(-1);
  });
});
