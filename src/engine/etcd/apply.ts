// Mirrors etcd v3.4 etcdserver/apply.go: what a member does with each committed request. Every
// member applies the same entries in the same order, so every member's MVCC store goes through
// the same revisions, and the answer computed by any member is the answer.
import type { MvccStore } from './mvcc';
import type { TxnOp, TxnRequest } from './types';

/**
 * EtcdRequest is the payload of a Raft entry (etcd's InternalRaftRequest). `id` is unique per
 * cluster: the proposing member's waiter is keyed by it. `publish` and `clusterVersion` are the
 * membership bookkeeping etcd commits at start (they move the raft index, not the revision).
 */
export type EtcdRequest =
  | { kind: 'txn'; id: number; txn: TxnRequest }
  | { kind: 'put'; id: number; key: string; value: unknown }
  | { kind: 'compact'; id: number; revision: number }
  | { kind: 'publish'; id: number; name: string; clientURL: string }
  | { kind: 'clusterVersion'; id: number; version: string }
  /**
   * restore makes the keyspace a data directory's in one entry (k8sim's stand-in for etcd
   * restarting on a restored data dir, see kubeadm/etcdDataSwitch): every op gets its own
   * revision, and watchers see them all at once.
   */
  | { kind: 'restore'; id: number; ops: Array<[string, TxnOp]> };

/** ApplyResult is what the proposing member hands back to its client. */
export type ApplyResult =
  | { kind: 'txn'; succeeded: boolean; kv?: ReturnType<MvccStore['get']>; prevKv?: ReturnType<MvccStore['get']> }
  | { kind: 'compact'; error?: 'compacted' | 'future' }
  | { kind: 'none' };

/**
 * applyRequest runs one request against the store. A txn compares the key's mod revision at
 * apply time (etcd evaluates compares inside the apply loop, serialized by Raft), so two
 * apiservers racing on the same resourceVersion cannot both win.
 */
export function applyRequest(store: MvccStore, req: EtcdRequest): ApplyResult {
  switch (req.kind) {
    case 'txn': {
      const existing = store.get(req.txn.key);
      if (req.txn.expectModRevision !== undefined && (existing?.modRevision ?? 0) !== req.txn.expectModRevision) {
        return { kind: 'txn', succeeded: false, kv: existing };
      }
      return { kind: 'txn', succeeded: true, ...store.apply(req.txn.key, req.txn.success) };
    }
    case 'put': {
      const op: TxnOp = { type: 'put', value: req.value };
      return { kind: 'txn', succeeded: true, ...store.apply(req.key, op) };
    }
    case 'restore':
      for (const [key, op] of req.ops) store.apply(key, op);
      return { kind: 'none' };
    case 'compact':
      if (req.revision > store.currentRevision) return { kind: 'compact', error: 'future' };
      if (req.revision <= store.compactRevision) return { kind: 'compact', error: 'compacted' };
      store.compact(req.revision);
      return { kind: 'compact' };
    default:
      return { kind: 'none' };
  }
}
