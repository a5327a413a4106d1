import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Stored } from '../../api/object';
import type { RateLimitingQueue } from '../../client/workqueue/queue';
import { NO_DEPENDENTS, sortedDependents } from './graph';
import { GraphBuilder } from './graphBuilder';

function obj(kind: string, name: string, uid: string, owners: OwnerReference[] = []): Stored<KubeObject> {
  return Object.freeze({ apiVersion: 'v1', kind, metadata: Object.freeze({ name, namespace: 'default', uid, ownerReferences: Object.freeze(owners) }) }) as unknown as Stored<KubeObject>;
}

const owner = (kind: string, name: string, uid: string): OwnerReference => ({ apiVersion: 'apps/v1', kind, name, uid });

describe('GraphBuilder (graph_builder.go processGraphChanges)', () => {
  it('links dependents to owners, real or virtual, without filling the shared empty set', () => {
    const queued: string[] = [];
    const queue = { add: (key: string) => queued.push(key) } as unknown as RateLimitingQueue;
    const graph = new GraphBuilder([], queue, queue);
    graph.processGraphChanges({ type: 'add', obj: obj('ReplicaSet', 'web', 'rs-1') });
    graph.processGraphChanges({ type: 'add', obj: obj('Pod', 'web-a', 'pod-a', [owner('ReplicaSet', 'web', 'rs-1')]) });
    graph.processGraphChanges({ type: 'add', obj: obj('Pod', 'web-b', 'pod-b', [owner('ReplicaSet', 'web', 'rs-1')]) });
    graph.processGraphChanges({ type: 'add', obj: obj('Pod', 'lost', 'pod-c', [owner('ReplicaSet', 'gone', 'rs-2')]) });

    expect(sortedDependents(graph.uidToNode.get('rs-1')!)).toEqual(['pod-a', 'pod-b']);
    expect(graph.uidToNode.get('rs-2')).toMatchObject({ virtual: true });
    expect(sortedDependents(graph.uidToNode.get('rs-2')!)).toEqual(['pod-c']);
    expect(queued).toEqual(['rs-2']);
    expect(graph.uidToNode.get('pod-a')!.dependents).toBe(NO_DEPENDENTS);
    expect(NO_DEPENDENTS.size).toBe(0);

    // The pod drops its owner reference: the owner forgets it.
    graph.processGraphChanges({ type: 'update', obj: obj('Pod', 'web-a', 'pod-a'), oldObj: obj('Pod', 'web-a', 'pod-a', [owner('ReplicaSet', 'web', 'rs-1')]) });
    expect(sortedDependents(graph.uidToNode.get('rs-1')!)).toEqual(['pod-b']);
    graph.processGraphChanges({ type: 'delete', obj: obj('Pod', 'web-b', 'pod-b', [owner('ReplicaSet', 'web', 'rs-1')]) });
    expect(sortedDependents(graph.uidToNode.get('rs-1')!)).toEqual([]);
    expect(NO_DEPENDENTS.size).toBe(0);
  });
});
