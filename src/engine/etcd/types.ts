import type { Future } from '../sim/future';

/**
 * The etcd v3 client surface the apiserver uses (k8s.io/apiserver storage/etcd3 talks to etcd
 * through exactly these calls: Range, Txn with a ModRevision compare, Watch, Compact). A
 * single-member server implements it today; issue #4 swaps in a Raft cluster behind the same
 * interface, so callers never learn how many members there are.
 */
export interface KeyValue {
  key: string;
  /** The stored value. The apiserver stores plain (frozen) objects; etcdctl prints them as JSON. */
  value: unknown;
  createRevision: number;
  modRevision: number;
  /** Number of writes to this key since its creation (1 on create). */
  version: number;
}

export interface ResponseHeader {
  clusterId: string;
  memberId: string;
  revision: number;
  raftTerm: number;
}

/** EtcdErrorCode: the gRPC status code the client sees (etcd's timeouts travel as Unavailable). */
export type EtcdErrorCode = 'Unavailable' | 'DeadlineExceeded' | 'Unknown' | 'Compacted' | 'FutureRevision';

export interface EtcdError {
  code: EtcdErrorCode;
  /** The text etcd's client reports, e.g. `etcdserver: request timed out`. */
  message: string;
}

export type EtcdResult<T> = { ok: true; value: T } | { ok: false; error: EtcdError };

export interface RangeResponse {
  header: ResponseHeader;
  kvs: KeyValue[];
  count: number;
}

/** A txn compares one key's mod revision (0 = key absent), as storage/etcd3 store.go does. */
export interface TxnRequest {
  key: string;
  expectModRevision?: number;
  success: TxnOp;
  /** On a failed compare the current value is returned (the store's OpGet in the else branch). */
}

export type TxnOp = { type: 'put'; value: unknown } | { type: 'delete' };

export interface TxnResponse {
  header: ResponseHeader;
  succeeded: boolean;
  /** After success: the written kv (absent for delete). After failure: the current kv, if any. */
  kv?: KeyValue;
  /** For a successful delete: the deleted kv. */
  prevKv?: KeyValue;
}

export type WatchEventType = 'PUT' | 'DELETE';

export interface EtcdWatchEvent {
  type: WatchEventType;
  /** For DELETE: the key with modRevision = the delete's revision and no value. */
  kv: KeyValue;
  prevKv?: KeyValue;
}

export interface EtcdWatchCallbacks {
  /** Events of one revision or more, in revision order. */
  onEvents(events: EtcdWatchEvent[]): void;
  /** The watch ended (compacted start revision, member lost); the watcher must re-list. */
  onError(error: EtcdError): void;
}

export interface EtcdClient {
  range(key: string, options?: { prefix?: boolean; keysOnly?: boolean; serializable?: boolean; limit?: number }): Future<EtcdResult<RangeResponse>>;
  txn(request: TxnRequest): Future<EtcdResult<TxnResponse>>;
  /** put writes unconditionally (etcdctl put). */
  put(key: string, value: unknown): Future<EtcdResult<TxnResponse>>;
  /** watch streams changes under `prefix` from `startRevision` (inclusive); returns a cancel function. */
  watch(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void;
  compact(revision: number): Future<EtcdResult<{ header: ResponseHeader }>>;
  /** restore applies many writes as one entry (k8sim's data-dir switch and batch deletes). */
  restore?(ops: Array<[string, TxnOp]>): Future<EtcdResult<{ header: ResponseHeader }>>;
  /** currentRevision is the client's last known revision (apiserver uses it for RV=0 lists). */
  currentRevision(): number;
}

/** DistributiveOmit omits a key from every member of a union (plain Omit collapses the union). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
