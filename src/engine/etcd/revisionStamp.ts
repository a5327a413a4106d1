/**
 * A value the apiserver writes reads back with metadata.resourceVersion = the revision etcd gave
 * the write. Real etcd stores the bytes without it and the apiserver sets it on every decode;
 * here the MVCC store asks the value's owner to stamp it once, when the put is applied, so etcd,
 * the watch cache and every informer share one object per version (a stamped copy per version
 * cost ~300 bytes for each of a large cluster's million versions). What etcdctl prints, and the
 * db size, are the value as etcd would hold it: unstamped.
 */
export interface RevisionStamper {
  /** stamp returns the value to store at `revision`, or undefined when the value is not its own. */
  stamp(value: object, revision: number): object | undefined;
  /** unstamp returns the value without the stamp, or undefined when it carries none. */
  unstamp(value: object): object | undefined;
}

let stamper: RevisionStamper | undefined;

/** setRevisionStamper installs the apiserver codec's stamper (once, at its module load). */
export function setRevisionStamper(next: RevisionStamper): void {
  stamper = next;
}

/** stampRevision is what MVCC stores for a put of `value` at `revision`. */
export function stampRevision(value: unknown, revision: number): unknown {
  if (stamper === undefined || typeof value !== 'object' || value === null) return value;
  return stamper.stamp(value, revision) ?? value;
}

/** storedValue is `value` as etcd holds it (the stamp removed). */
export function storedValue(value: unknown): unknown {
  if (stamper === undefined || typeof value !== 'object' || value === null) return value;
  return stamper.unstamp(value) ?? value;
}
