import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import { Fixture } from '../testing/fixture';
import { scale } from './scale';
import { casesOf } from './testdata/cases';
import { newController, newDeployment, replicasAfter, rs } from './testdata/objects';
import { setReplicasAnnotations } from './util/annotations';

// TestScale of pkg/controller/deployment/sync_test.go: every RS carries the desired/max-replicas
// annotations of the previous deployment size; scale() must spread the change proportionally.

interface CaseRS {
  name: string;
  replicas: number;
  age: 'new' | 'old' | 'older';
  availableReplicas?: number;
}

const AGE_SECONDS = { new: 0, old: 3600, older: 7200 };

function caseRS(spec: CaseRS, annotations: { desiredReplicas: number; maxReplicas: number }): Stored<ReplicaSet> {
  const r = rs(spec.name, spec.replicas, { ageSeconds: AGE_SECONDS[spec.age], available: spec.availableReplicas });
  setReplicasAnnotations(r, annotations.desiredReplicas, annotations.maxReplicas);
  return r;
}

describe('scale (proportional scaling)', () => {
  it.each(casesOf('proportional_scale'))('$id ($source)', (c) => {
    const f = new Fixture();
    const annotations = c.annotations as { desiredReplicas: number; maxReplicas: number };
    const d = newDeployment('foo', c.deploymentReplicas as number, { maxSurge: c.maxSurge as number, maxUnavailable: c.maxUnavailable as number });
    const newRS = c.newRS ? caseRS(c.newRS as CaseRS, annotations) : undefined;
    const oldRSs = (c.oldRSs as CaseRS[]).map((spec) => caseRS(spec, annotations));
    const dc = newController(f, [d], [...oldRSs, ...(newRS ? [newRS] : [])]);
    expect(f.run(scale(dc, d, newRS, oldRSs))).toBeUndefined();
    const sizes = replicasAfter(f, [newRS, ...oldRSs]);
    if (newRS) expect(sizes[newRS.metadata.name]).toBe(c.expectedNewReplicas);
    expect(oldRSs.map((r) => sizes[r.metadata.name])).toEqual(c.expectedOldReplicas);
  });

  it('records "Scaled up replica set foo-v2 to 4 from 2" for each resized RS', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 10);
    const newRS = caseRS({ name: 'foo-v2', replicas: 2, age: 'new' }, { desiredReplicas: 5, maxReplicas: 5 });
    const oldRS = caseRS({ name: 'foo-v1', replicas: 3, age: 'old' }, { desiredReplicas: 5, maxReplicas: 5 });
    const dc = newController(f, [d], [newRS, oldRS]);
    f.run(scale(dc, d, newRS, [oldRS]));
    expect(f.events).toEqual([
      'Normal ScalingReplicaSet Scaled up replica set foo-v1 to 6 from 3',
      'Normal ScalingReplicaSet Scaled up replica set foo-v2 to 4 from 2',
    ]);
  });
});
