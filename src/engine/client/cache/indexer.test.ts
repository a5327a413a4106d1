// client-go tools/cache thread_safe_store.go: indices follow every add, update and delete; an
// update that keeps an index's single value leaves that index as it was (updateSingleIndex).
import { describe, expect, it } from 'vitest';
import type { KubeObject, Stored } from '../../api/object';
import { Indexer } from './indexer';

const pod = (name: string, nodeName: string, phase = 'Pending') =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName }, status: { phase } }) as unknown as Stored<KubeObject>;
const byNode = (obj: Stored<KubeObject>) => [(obj as { spec?: { nodeName?: string } }).spec?.nodeName ?? ''];
const names = (objs: Stored<KubeObject>[]) => objs.map((o) => `${o.metadata.name}:${(o as { status?: { phase?: string } }).status?.phase}`);

describe('Indexer', () => {
  it('keeps an object in place in an index its update does not move it out of, and moves it when it does', () => {
    const indexer = new Indexer({ nodeName: byNode });
    indexer.upsert('default/a', pod('a', 'node-1'));
    indexer.upsert('default/b', pod('b', 'node-1'));
    indexer.upsert('default/a', pod('a', 'node-1', 'Running'));
    expect(names(indexer.byIndex('nodeName', 'node-1'))).toEqual(['a:Running', 'b:Pending']);
    indexer.upsert('default/a', pod('a', 'node-2', 'Running'));
    expect(names(indexer.byIndex('nodeName', 'node-1'))).toEqual(['b:Pending']);
    expect(names(indexer.byIndex('nodeName', 'node-2'))).toEqual(['a:Running']);
    expect(indexer.countIndex('namespace', 'default')).toBe(2);
    indexer.remove('default/b');
    expect(indexer.countIndex('nodeName', 'node-1')).toBe(0);
    expect(indexer.byIndex('namespace', 'default').map((o) => o.metadata.name)).toEqual(['a']);
  });

  it('indexes objects already stored when an index is added later', () => {
    const indexer = new Indexer();
    indexer.upsert('default/a', pod('a', 'node-1'));
    indexer.addIndexers({ nodeName: byNode });
    expect(indexer.countIndex('nodeName', 'node-1')).toBe(1);
  });
});
