import { describe, expect, it } from 'vitest';
import { Fixture } from '../testing/fixture';
import { cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate } from './rolling';
import { casesOf } from './testdata/cases';
import { newController, newDeployment, replicasAfter, rs } from './testdata/objects';

// Tables of pkg/controller/deployment/rolling_test.go, run fixture-style: one call, then the
// recorded ReplicaSet updates are compared.

describe('reconcileNewReplicaSet', () => {
  it.each(casesOf('reconcile_new_rs'))('$id ($source)', (c) => {
    const f = new Fixture();
    const newRS = rs('foo-v2', c.newRSReplicas as number);
    const oldRS = rs('foo-v1', c.oldRSReplicas as number);
    const d = newDeployment('foo', c.deploymentReplicas as number, { maxSurge: c.maxSurge as number, maxUnavailable: c.maxUnavailable as number });
    const dc = newController(f, [d], [newRS, oldRS]);
    const result = f.run(reconcileNewReplicaSet(dc, [newRS, oldRS], newRS, d));
    expect(result.scaled).toBe(c.scaleExpected);
    if (c.scaleExpected) expect(replicasAfter(f, [newRS])['foo-v2']).toBe(c.expectedNewReplicas);
    else expect(f.client.writes('replicasets')).toEqual([]);
  });
});

describe('reconcileOldReplicaSets', () => {
  it.each(casesOf('reconcile_old_rs'))('$id ($source)', (c) => {
    const f = new Fixture();
    const newRS = rs('foo-new', c.newRSReplicas as number, { available: c.newRSAvailable as number });
    const oldRS = rs('foo-old', c.oldRSReplicas as number, { available: c.oldRSAvailable as number, ageSeconds: 60 });
    const d = newDeployment('foo', c.deploymentReplicas as number, { maxSurge: c.maxSurge as number, maxUnavailable: c.maxUnavailable as number });
    const dc = newController(f, [d], [newRS, oldRS]);
    const result = f.run(reconcileOldReplicaSets(dc, [oldRS, newRS], [oldRS], newRS, d));
    expect(result.scaled).toBe(c.scaleExpected);
    if (c.expectedOldReplicas !== null) expect(replicasAfter(f, [oldRS])['foo-old']).toBe(c.expectedOldReplicas);
  });
});

describe('cleanupUnhealthyReplicas', () => {
  it.each(casesOf('cleanup_unhealthy'))('$id ($source)', (c) => {
    const f = new Fixture();
    const oldRS = rs('foo-v2', c.oldRSReplicas as number, { available: c.oldRSAvailable as number });
    const d = newDeployment('foo', 10, { maxSurge: 2, maxUnavailable: 2 });
    const dc = newController(f, [d], [oldRS]);
    const result = f.run(cleanupUnhealthyReplicas(dc, [oldRS], d, c.maxCleanupCount as number));
    expect(result.count).toBe(c.expectedCleanupCount);
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  it.each(casesOf('scale_down_old_rs'))('$id ($source)', (c) => {
    const f = new Fixture();
    const oldRS = rs('foo-v2', c.oldRSReplicas as number, { available: c.availablePods as number });
    const d = newDeployment('foo', c.deploymentReplicas as number, { maxSurge: c.maxSurge as number, maxUnavailable: c.maxUnavailable as number });
    const dc = newController(f, [d], [oldRS]);
    const result = f.run(scaleDownOldReplicaSetsForRollingUpdate(dc, [oldRS], [oldRS], d));
    if (!c.scaleExpected) {
      expect(result.count).toBe(0);
      return;
    }
    expect(replicasAfter(f, [oldRS])['foo-v2']).toBe(c.expectedOldReplicas);
  });

  it('records the 1.32 event text "Scaled down replica set foo-v2 to 8 from 10"', () => {
    const f = new Fixture();
    const oldRS = rs('foo-v2', 10);
    const d = newDeployment('foo', 10, { maxUnavailable: 2 });
    const dc = newController(f, [d], [oldRS]);
    f.run(scaleDownOldReplicaSetsForRollingUpdate(dc, [oldRS], [oldRS], d));
    expect(f.events).toEqual(['Normal ScalingReplicaSet Scaled down replica set foo-v2 to 8 from 10']);
  });
});
