// What one request's handler and its storage calls did when: the timestamps a slow-request Trace
// is built from. Recording is a few numbers per request; the Trace text is only made for the
// requests that took long enough to be logged (requestTrace.ts).
import type { KubeObject } from '../../api/object';

/** StorageAttempt is one txn of a storage call: sent at `startMs`, answered at `endMs`. */
export interface StorageAttempt {
  startMs: number;
  endMs: number;
  /** committed, lost the revision compare (conflict, retried), failed in etcd, or had nothing to write. */
  outcome: 'committed' | 'conflict' | 'error' | 'unchanged' | 'exists';
  error?: string;
}

/** StorageSpan is one etcd3 store call (`Create etcd3`, `GuaranteedUpdate etcd3`). */
export interface StorageSpan {
  op: 'Create' | 'GuaranteedUpdate';
  /** key is the etcd key as the store names it: without the `/registry` prefix. */
  key: string;
  startMs: number;
  endMs?: number;
  /** value is what was written: its encoded size is the `len` of Encode/decode succeeded. */
  value?: KubeObject;
  attempts: StorageAttempt[];
}

/** RequestSpan is a request's handler span: when it started and the storage calls made for it. */
export class RequestSpan {
  /** calls: the store calls, made on the first (most requests are reads that make none). */
  private calls: StorageSpan[] | undefined;

  constructor(readonly startMs: number) {}

  get storage(): readonly StorageSpan[] {
    return this.calls ?? [];
  }

  /** beginStorage records the start of a store call made for this request. */
  beginStorage(op: StorageSpan['op'], registryKey: string, startMs: number): StorageSpan {
    const span: StorageSpan = { op, key: registryKey.startsWith('/registry/') ? registryKey.slice('/registry'.length) : registryKey, startMs, attempts: [] };
    (this.calls ??= []).push(span);
    return span;
  }
}
