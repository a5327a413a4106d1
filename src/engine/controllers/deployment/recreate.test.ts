import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import { Fixture } from '../testing/fixture';
import { oldPodsRunning, rolloutRecreate } from './recreate';
import { newController, newDeployment, rs } from './testdata/objects';

function pod(name: string, phase: string): Stored<Pod> {
  return { metadata: { name, namespace: 'default' }, status: { phase } };
}

// recreate_test.go TestOldPodsRunning: an old RS with replicas or a not-finished old pod blocks.
describe('oldPodsRunning', () => {
  const newRS = rs('foo-new', 1);
  const oldRS = rs('foo-old', 0, { statusReplicas: 0 });
  const cases: Array<[string, Stored<Pod>[], boolean]> = [
    ['no pods', [], false],
    ['a running old pod', [pod('a', 'Running')], true],
    ['a pending old pod', [pod('a', 'Pending')], true],
    ['an Unknown old pod', [pod('a', 'Unknown')], true],
    ['only finished old pods', [pod('a', 'Failed'), pod('b', 'Succeeded')], false],
  ];
  it.each(cases)('%s', (_name, pods, expected) => {
    const podMap = new Map([[oldRS.metadata.uid!, pods], [newRS.metadata.uid!, [pod('n', 'Running')]]]);
    expect(oldPodsRunning(newRS, [oldRS], podMap)).toBe(expected);
  });

  it('an old RS still reporting replicas blocks', () => {
    expect(oldPodsRunning(newRS, [rs('foo-old', 0, { statusReplicas: 2 })], new Map())).toBe(true);
  });
});

describe('rolloutRecreate', () => {
  it('scales every old RS to 0 first and creates nothing new in that pass', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 3);
    d.spec!.strategy = { type: 'Recreate' };
    const old = rs('foo-old', 3, { owner: d });
    const dc = newController(f, [d], [old]);
    f.run(rolloutRecreate(dc, d, [old], new Map([[old.metadata.uid!, []]])));
    expect(f.events).toEqual(['Normal ScalingReplicaSet Scaled down replica set foo-old to 0 from 3']);
    expect(f.client.writes('replicasets').map((a) => a.verb)).toEqual(['update']);
  });

  it('creates the new RS at full size once no old pod runs', () => {
    const f = new Fixture();
    const d = newDeployment('foo', 3);
    d.spec!.strategy = { type: 'Recreate' };
    const old = rs('foo-old', 0, { owner: d, statusReplicas: 0 });
    const dc = newController(f, [d], [old]);
    f.run(rolloutRecreate(dc, d, [old], new Map([[old.metadata.uid!, []]])));
    expect(f.events).toHaveLength(1);
    expect(f.events[0]).toMatch(/^Normal ScalingReplicaSet Scaled up replica set foo-[456789bcdf]+ to 3$/);
  });
});
