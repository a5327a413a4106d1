import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';
import { fnv1a32 } from '../sim/rng';
import { MvccStore } from './mvcc';
import type {
  EtcdClient,
  EtcdResult,
  EtcdWatchCallbacks,
  EtcdWatchEvent,
  RangeResponse,
  ResponseHeader,
  TxnRequest,
  TxnResponse,
} from './types';

export interface MemberInfo {
  name: string;
  /** Member ID as etcd prints it: 16 lowercase hex digits. */
  id: string;
  peerURL: string;
  clientURL: string;
}

/**
 * SingleMemberEtcd is a one-member etcd: every request is applied to its MVCC store after
 * `commitLatencyMs` (the WAL fsync a single member still pays). Raft term and index advance as a
 * one-node Raft would: term 2 after its self-election, index +1 per write. Issue #4 replaces it with
 * a Raft cluster that implements the same EtcdClient interface.
 */
export class SingleMemberEtcd implements EtcdClient {
  readonly store = new MvccStore();
  readonly member: MemberInfo;
  readonly clusterId: string;
  raftTerm = 2;
  raftIndex = 4;

  constructor(
    private readonly sim: Simulator,
    name = 'etcd-1',
    private readonly commitLatencyMs = 1,
  ) {
    this.member = { name, id: hexId(`member/${name}`), peerURL: 'https://10.0.0.2:2380', clientURL: 'https://10.0.0.2:2379' };
    this.clusterId = hexId(`cluster/${name}`);
  }

  currentRevision(): number {
    return this.store.currentRevision;
  }

  range(key: string, options: { prefix?: boolean; limit?: number } = {}): Future<EtcdResult<RangeResponse>> {
    return this.later(() => {
      let kvs = options.prefix ? this.store.range(key) : [this.store.get(key)].filter((kv) => kv !== undefined);
      const count = kvs.length;
      if (options.limit && options.limit > 0) kvs = kvs.slice(0, options.limit);
      return { ok: true, value: { header: this.header(), kvs, count } };
    });
  }

  txn(request: TxnRequest): Future<EtcdResult<TxnResponse>> {
    return this.later(() => {
      const existing = this.store.get(request.key);
      if (request.expectModRevision !== undefined && (existing?.modRevision ?? 0) !== request.expectModRevision) {
        return { ok: true, value: { header: this.header(), succeeded: false, kv: existing } };
      }
      return { ok: true, value: this.write(request) };
    });
  }

  put(key: string, value: unknown): Future<EtcdResult<TxnResponse>> {
    return this.later(() => ({ ok: true, value: this.write({ key, success: { type: 'put', value } }) }));
  }

  watch(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void {
    if (startRevision > 0 && startRevision <= this.store.compactRevision) {
      this.sim.after(0, () => callbacks.onError({ code: 'Compacted', message: 'mvcc: required revision has been compacted' }));
      return () => {};
    }
    const backlog: EtcdWatchEvent[] = startRevision > 0 ? this.store.eventsSince(prefix, startRevision) : [];
    if (backlog.length > 0) callbacks.onEvents(backlog);
    return this.store.subscribe({ prefix, onEvent: (event) => callbacks.onEvents([event]) });
  }

  compact(revision: number): Future<EtcdResult<{ header: ResponseHeader }>> {
    return this.later(() => {
      this.store.compact(revision);
      return { ok: true, value: { header: this.header() } };
    });
  }

  private write(request: TxnRequest): TxnResponse {
    this.raftIndex++;
    const { kv, prevKv } = this.store.apply(request.key, request.success);
    return { header: this.header(), succeeded: true, kv, prevKv };
  }

  private header(): ResponseHeader {
    return { clusterId: this.clusterId, memberId: this.member.id, revision: this.store.currentRevision, raftTerm: this.raftTerm };
  }

  private later<T>(answer: () => EtcdResult<T>): Future<EtcdResult<T>> {
    const future = new Future<EtcdResult<T>>();
    this.sim.after(this.commitLatencyMs, () => future.resolve(answer()));
    return future;
  }
}

/** hexId derives a stable 64-bit-looking hex id (etcd derives real ones from a SHA-1 of the URLs). */
export function hexId(text: string): string {
  const hi = fnv1a32(text).toString(16).padStart(8, '0');
  const lo = fnv1a32(`${text}#lo`).toString(16).padStart(8, '0');
  return hi + lo;
}
