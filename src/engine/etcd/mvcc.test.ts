import { describe, expect, it } from 'vitest';
import { MvccStore } from './mvcc';

describe('MvccStore (etcd server/mvcc semantics)', () => {
  it('starts at revision 1 and gives each write the next revision', () => {
    const store = new MvccStore();
    expect(store.currentRevision).toBe(1);
    const a = store.apply('/registry/pods/default/a', { type: 'put', value: 1 }).kv!;
    const b = store.apply('/registry/pods/default/a', { type: 'put', value: 2 }).kv!;
    expect([a.createRevision, a.modRevision, a.version]).toEqual([2, 2, 1]);
    expect([b.createRevision, b.modRevision, b.version]).toEqual([2, 3, 2]);
  });

  it('does not spend a revision deleting a missing key', () => {
    const store = new MvccStore();
    store.apply('/k', { type: 'delete' });
    expect(store.currentRevision).toBe(1);
  });

  it('replays history from a revision and forgets it after compaction', () => {
    const store = new MvccStore();
    for (let i = 0; i < 5; i++) store.apply(`/registry/x/${i}`, { type: 'put', value: i });
    expect(store.eventsSince('/registry/x/', 4).map((e) => e.kv.modRevision)).toEqual([4, 5, 6]);
    store.compact(5);
    expect(store.eventsSince('/registry/x/', 0).map((e) => e.kv.modRevision)).toEqual([5, 6]);
    expect(store.compactRevision).toBe(5);
  });

  it('ranges a prefix in key order', () => {
    const store = new MvccStore();
    for (const name of ['b', 'a', 'c']) store.apply(`/registry/pods/default/${name}`, { type: 'put', value: name });
    store.apply('/registry/services/specs/default/a', { type: 'put', value: 0 });
    expect(store.range('/registry/pods/').map((kv) => kv.key)).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
      '/registry/pods/default/c',
    ]);
  });
});
