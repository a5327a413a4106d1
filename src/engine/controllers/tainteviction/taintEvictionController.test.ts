import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Fixture } from '../testing/fixture';
import { TaintEvictionController } from './taintEvictionController';

// Fixture-style tests in the manner of pkg/controller/tainteviction/taint_eviction_test.go
// (TestCreatePod, TestUpdateNode): preload the caches, handle one update, advance the clock,
// compare the client's writes.

const UNREACHABLE: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2025-01-01T01:00:00Z' };
/** The tolerations DefaultTolerationSeconds admission gives every ordinary pod. */
const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function node(taints: Taint[]): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: 'uid-node-1', resourceVersion: '1' }, spec: taints.length ? { taints } : {} };
}

function pod(name: string, tolerations: Toleration[] | undefined): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1' }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }], tolerations } };
}

function setUp(pods: Pod[], taints: Taint[]) {
  const f = new Fixture();
  for (const p of pods) f.client.seed('pods', p);
  const controller = new TaintEvictionController({
    sim: f.sim, epochMs: f.epochMs, client: f.client, recorder: f.recorder('taint-eviction-controller'),
    pods: f.informer<Pod>('pods', pods), nodes: f.informer<Node>('nodes', [node(taints)]),
  });
  return { f, controller };
}

/** deletions lists the pods deleted so far, with the time of the DELETE. */
function deletions(f: Fixture): string[] {
  return f.client.writes('pods').filter((a) => a.verb === 'delete').map((a) => a.name!);
}

describe('TaintEvictionController', () => {
  it('deletes a pod that does not tolerate the NoExecute taint at once, DisruptionTarget first', () => {
    const { f, controller } = setUp([pod('p1', undefined)], [UNREACHABLE]);
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(f.sim.nowMs + 100);
    expect(f.client.writes('pods').map((a) => `${a.verb} ${a.name}`)).toEqual(['patch p1', 'delete p1']);
    const patch = f.client.writes('pods')[0].patch!;
    expect(patch.type).toBe('strategic');
    expect((patch.data as { status: { conditions: unknown[] } }).status.conditions).toEqual([
      { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: '2025-01-01T01:00:00Z' },
    ]);
    expect(f.events).toEqual(['Normal TaintManagerEviction Marking for deletion Pod default/p1']);
  });

  it('waits tolerationSeconds (300 s) for a pod with the default tolerations', () => {
    const { f, controller } = setUp([pod('p1', DEFAULT_TOLERATIONS)], [UNREACHABLE]);
    const startMs = f.sim.nowMs;
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(startMs + 299_999);
    expect(deletions(f)).toEqual([]);
    f.sim.runUntil(startMs + 300_000);
    expect(deletions(f)).toEqual(['p1']);
  });

  it('never evicts a pod whose toleration has no tolerationSeconds', () => {
    const forever: Toleration[] = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }];
    const { f, controller } = setUp([pod('p1', forever)], [UNREACHABLE]);
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(f.sim.nowMs + 3_600_000);
    expect(deletions(f)).toEqual([]);
  });

  it('uses the smallest tolerationSeconds of the tolerations that match', () => {
    const tolerations: Toleration[] = [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
      { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
    ];
    const { f, controller } = setUp([pod('p1', tolerations)], [UNREACHABLE]);
    const startMs = f.sim.nowMs;
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(startMs + 29_999);
    expect(deletions(f)).toEqual([]);
    f.sim.runUntil(startMs + 30_000);
    expect(deletions(f)).toEqual(['p1']);
  });

  it('cancels a scheduled eviction when the taint goes away', () => {
    const { f, controller } = setUp([pod('p1', DEFAULT_TOLERATIONS)], [UNREACHABLE]);
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(f.sim.nowMs + 60_000);
    controller.nodes.indexer.upsert('node-1', node([]) as never);
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(f.sim.nowMs + 600_000);
    expect(deletions(f)).toEqual([]);
    expect(f.events).toEqual(['Normal TaintManagerEviction Cancelling deletion of Pod default/p1']);
  });

  it('keeps the first schedule when the node is updated again with the same taints', () => {
    const { f, controller } = setUp([pod('p1', DEFAULT_TOLERATIONS)], [UNREACHABLE]);
    const startMs = f.sim.nowMs;
    f.run(controller.handleNodeUpdate('node-1'));
    f.sim.runUntil(startMs + 100_000);
    f.run(controller.handleNodeUpdate('node-1'));
    f.run(controller.handlePodUpdate('default/p1@node-1'));
    f.sim.runUntil(startMs + 300_000);
    expect(deletions(f)).toEqual(['p1']);
    expect(f.events).toEqual(['Normal TaintManagerEviction Marking for deletion Pod default/p1']);
  });
});
