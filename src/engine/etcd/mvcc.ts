import { stampRevision } from './revisionStamp';
import type { EtcdWatchEvent, KeyValue, TxnOp } from './types';

/**
 * MvccStore mirrors etcd's server/mvcc: one monotonically increasing revision for the whole
 * keyspace, each key carrying create/mod revisions and a version, and an event history kept until
 * compaction so that a watch can start from any uncompacted revision.
 *
 * Revision 1 is the empty store, as in etcd; the first write gets revision 2.
 */
export class MvccStore {
  private revision = 1;
  private compacted = 0;
  private readonly current = new Map<string, KeyValue>();
  /**
   * The event history in revision order, as two parallel lists: each event's kv (a tombstone,
   * version 0, for a delete) and the key's kv before it. An event object per revision kept for
   * minutes (a node's Lease every 10 s, every pod status) cost 48 bytes each; the events are made
   * again when a watch replays them.
   */
  private historyKvs: KeyValue[] = [];
  private historyPrevKvs: Array<KeyValue | undefined> = [];
  private readonly watchers = new Set<MvccWatcher>();

  get currentRevision(): number {
    return this.revision;
  }

  get compactRevision(): number {
    return this.compacted;
  }

  get keyCount(): number {
    return this.current.size;
  }

  get(key: string): KeyValue | undefined {
    return this.current.get(key);
  }

  /** range returns the keys under `prefix` in byte order, as etcd's B-tree index does. */
  range(prefix: string): KeyValue[] {
    const out: KeyValue[] = [];
    for (const [key, kv] of this.current) if (key.startsWith(prefix)) out.push(kv);
    return out.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  }

  /** apply commits one txn operation as a new revision and notifies watchers synchronously. */
  apply(requestKey: string, op: TxnOp): { kv?: KeyValue; prevKv?: KeyValue } {
    const prevKv = this.current.get(requestKey);
    // Every revision of a key shares its first string: the history holds minutes of revisions
    // (a node's Lease every 10 s), each request brings its own copy.
    const key = prevKv ? prevKv.key : requestKey;
    if (op.type === 'delete') {
      if (!prevKv) return {};
      const revision = ++this.revision;
      this.current.delete(key);
      const tombstone: KeyValue = { key, value: undefined, createRevision: 0, modRevision: revision, version: 0 };
      this.record({ type: 'DELETE', kv: tombstone, prevKv });
      return { prevKv };
    }
    const revision = ++this.revision;
    const kv: KeyValue = {
      key,
      value: stampRevision(op.value, revision),
      createRevision: prevKv ? prevKv.createRevision : revision,
      modRevision: revision,
      version: prevKv ? prevKv.version + 1 : 1,
    };
    this.current.set(key, kv);
    this.record({ type: 'PUT', kv, prevKv });
    return { kv, prevKv };
  }

  /** compact drops history before `revision`; later watches from older revisions fail. */
  compact(revision: number): boolean {
    if (revision <= this.compacted || revision > this.revision) return false;
    this.compacted = revision;
    const firstKept = lowerBound(this.historyKvs, revision);
    this.historyKvs = this.historyKvs.slice(firstKept);
    this.historyPrevKvs = this.historyPrevKvs.slice(firstKept);
    return true;
  }

  /** eventsSince returns history events with modRevision ≥ `revision` under `prefix`. */
  eventsSince(prefix: string, revision: number): EtcdWatchEvent[] {
    const out: EtcdWatchEvent[] = [];
    for (let i = lowerBound(this.historyKvs, revision); i < this.historyKvs.length; i++) {
      const kv = this.historyKvs[i];
      if (kv.key.startsWith(prefix)) out.push(eventOf(kv, this.historyPrevKvs[i]));
    }
    return out;
  }

  /** snapshot captures the keyspace for a Raft snapshot (kvs are immutable, so sharing them is safe). */
  snapshot(): MvccSnapshot {
    return { kvs: [...this.current.values()], revision: this.revision, compacted: this.compacted };
  }

  /**
   * restore replaces the keyspace with a snapshot received from the leader. The event history
   * before the snapshot is not in it, so it counts as compacted: older watches must re-list.
   */
  restore(snap: MvccSnapshot): void {
    this.current.clear();
    for (const kv of snap.kvs) this.current.set(kv.key, kv);
    this.revision = snap.revision;
    this.compacted = Math.max(snap.compacted, snap.revision);
    this.historyKvs = [];
    this.historyPrevKvs = [];
  }

  subscribe(watcher: MvccWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private record(event: EtcdWatchEvent): void {
    this.historyKvs.push(event.kv);
    this.historyPrevKvs.push(event.prevKv);
    for (const watcher of this.watchers) {
      if (event.kv.key.startsWith(watcher.prefix)) watcher.onEvent(event);
    }
  }
}

export interface MvccSnapshot {
  kvs: KeyValue[];
  revision: number;
  compacted: number;
}

export interface MvccWatcher {
  prefix: string;
  onEvent(event: EtcdWatchEvent): void;
}

/** eventOf rebuilds a history event: a tombstone (version 0) is a delete. */
function eventOf(kv: KeyValue, prevKv: KeyValue | undefined): EtcdWatchEvent {
  return kv.version === 0 ? { type: 'DELETE', kv, prevKv } : { type: 'PUT', kv, prevKv };
}

function lowerBound(kvs: KeyValue[], revision: number): number {
  let lo = 0;
  let hi = kvs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kvs[mid].modRevision < revision) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
