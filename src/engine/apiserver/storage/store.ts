import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { EtcdClient, EtcdError, EtcdResult, TxnResponse } from '../../etcd/types';
import { wait, type Task } from '../../sim/task';
import { alreadyExists, conflict, notFound, OBJECT_MODIFIED } from '../errors';
import type { Cacher } from '../cacher/cacher';
import { decode, encode } from './codec';
import type { EtcdOperation } from '../metrics/apiserverMetrics';
import type { RequestSpan, StorageSpan } from '../trace/requestSpan';

export type StoreResult = { ok: true; object: Stored<KubeObject> } | { ok: false; status: Status };

/** tryUpdate returns the next object, or a Status to abort (e.g. a failed precondition). */
export type TryUpdate = (current: Stored<KubeObject>) => KubeObject | Status | Task<KubeObject | Status>;

/**
 * EtcdStore mirrors k8s.io/apiserver pkg/storage/etcd3/store.go: Create is a txn that succeeds only
 * if the key's mod revision is 0; GuaranteedUpdate reads the current object (from the watch cache
 * first, as origStateFromCache), computes the update and commits it with a txn comparing the mod
 * revision, retrying with the fresh object when another writer got there first.
 */
export class EtcdStore {
  constructor(
    private readonly etcd: EtcdClient,
    private readonly nowMs: () => number = () => 0,
    /** observe records each etcd call's latency (etcd_request_duration_seconds). */
    private readonly observe: (operation: EtcdOperation, info: ResourceInfo, ms: number) => void = () => {},
  ) {}

  /** create is store.Create; `span` is the request's, which times it as a nested `Create etcd3`. */
  *create(info: ResourceInfo, key: string, obj: KubeObject, span?: RequestSpan): Task<StoreResult> {
    const value = encode(obj);
    const storage = span?.beginStorage('Create', key, this.nowMs());
    const sentMs = this.nowMs();
    const result = yield* wait(this.etcd.txn({ key, expectModRevision: 0, success: { type: 'put', value } }));
    this.observe('create', info, this.nowMs() - sentMs);
    if (storage) this.recordAttempt(storage, value, result);
    if (!result.ok) return { ok: false, status: etcdStatus(result.error) };
    if (!result.value.succeeded) return { ok: false, status: alreadyExists(info, obj.metadata!.name!) };
    return { ok: true, object: decode(result.value.kv!) };
  }

  /**
   * guaranteedUpdate commits tryUpdate's result; when `deleteInstead(next)` holds (the last
   * finalizer of a deleting object was removed) the same txn deletes the key instead, as the
   * generic registry's deleteWithoutFinalizers path does.
   */
  *guaranteedUpdate(
    info: ResourceInfo,
    key: string,
    cacher: Cacher,
    name: string,
    tryUpdate: TryUpdate,
    deleteInstead: (next: KubeObject) => boolean = () => false,
    span?: RequestSpan,
  ): Task<StoreResult> {
    const storage = span?.beginStorage('GuaranteedUpdate', key, this.nowMs());
    let current = cacher.get(key);
    for (let attempt = 0; attempt < 16; attempt++) {
      if (!current) return { ok: false, status: notFound(info, name) };
      let next = tryUpdate(current);
      if (isTask(next)) next = yield* next;
      if (isStatus(next)) return { ok: false, status: next };
      if (next === current) {
        if (storage) {
          storage.endMs = this.nowMs();
          storage.attempts.push({ startMs: storage.endMs, endMs: storage.endMs, outcome: 'unchanged' });
        }
        return { ok: true, object: current };
      }
      const modRevision = Number(current.metadata.resourceVersion);
      const removing = deleteInstead(next);
      const success = removing ? ({ type: 'delete' } as const) : ({ type: 'put', value: encode(next) } as const);
      const sentMs = this.nowMs();
      const result = yield* wait(this.etcd.txn({ key, expectModRevision: modRevision, success }));
      this.observe('update', info, this.nowMs() - sentMs);
      if (storage) this.recordAttempt(storage, success.type === 'put' ? success.value : undefined, result, sentMs);
      if (!result.ok) return { ok: false, status: etcdStatus(result.error) };
      if (result.value.succeeded) return { ok: true, object: removing ? current : decode(result.value.kv!) };
      current = result.value.kv ? decode(result.value.kv) : undefined;
    }
    return { ok: false, status: conflict(info, name, OBJECT_MODIFIED) };
  }

  /** recordAttempt times one txn of a store call for the request's trace. */
  private recordAttempt(storage: StorageSpan, value: KubeObject | undefined, result: EtcdResult<TxnResponse>, sentMs = storage.startMs): void {
    const endMs = this.nowMs();
    storage.endMs = endMs;
    storage.value = value;
    if (!result.ok) storage.attempts.push({ startMs: sentMs, endMs, outcome: 'error', error: result.error.message });
    else storage.attempts.push({ startMs: sentMs, endMs, outcome: result.value.succeeded ? 'committed' : storage.op === 'Create' ? 'exists' : 'conflict' });
  }

  /**
   * delete removes the key, guarded by its mod revision as etcd3's conditionalDelete is: when the
   * object changed since `current` was read (a kubelet's status write racing its own grace-0
   * delete), it re-reads the latest, re-checks the caller's preconditions and tries again.
   */
  *delete(info: ResourceInfo, key: string, current: Stored<KubeObject>, recheck: (latest: Stored<KubeObject>) => Status | undefined = () => undefined): Task<StoreResult> {
    let latest = current;
    for (let attempt = 0; attempt < 16; attempt++) {
      const modRevision = Number(latest.metadata.resourceVersion);
      const sentMs = this.nowMs();
      const result = yield* wait(this.etcd.txn({ key, expectModRevision: modRevision, success: { type: 'delete' } }));
      this.observe('delete', info, this.nowMs() - sentMs);
      if (!result.ok) return { ok: false, status: etcdStatus(result.error) };
      if (result.value.succeeded) return { ok: true, object: latest };
      if (!result.value.kv) return { ok: false, status: notFound(info, current.metadata.name) };
      latest = decode(result.value.kv);
      const refused = recheck(latest);
      if (refused) return { ok: false, status: refused };
    }
    return { ok: false, status: conflict(info, current.metadata.name, OBJECT_MODIFIED) };
  }
}

/**
 * etcdStatus is how the apiserver reports a storage failure: a 500 without a reason carrying
 * etcd's own text, which kubectl prints as `Error from server: etcdserver: request timed out`.
 */
export function etcdStatus(error: EtcdError): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: error.message, code: 500 };
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as KubeObject).kind === 'Status' && 'code' in value;
}

function isTask(value: unknown): value is Task<KubeObject | Status> {
  return typeof value === 'object' && value !== null && typeof (value as Task<unknown>).next === 'function' && typeof (value as Task<unknown>).throw === 'function';
}
