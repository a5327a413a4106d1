import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { KeyValue } from '../../etcd/types';
import { setRevisionStamper } from '../../etcd/revisionStamp';
import { copyWith, deepFreeze, setOwn, type KubeObject, type Stored } from '../../api/object';

/**
 * The apiserver's storage codec. etcd holds objects without metadata.resourceVersion (as
 * k8s.io/apiserver storage/etcd3 does) and an object read back carries its key's mod revision
 * there. The revision is stamped once, when etcd applies the put (see etcd/revisionStamp), so the
 * write response, the watch cache and every informer share the one frozen object etcd keeps per
 * version; etcdctl and the db size see it without the stamp.
 */

/** Encoded values not applied yet: their top level and metadata stay open for the stamp. */
const pending = new WeakSet<object>();
/** Values that carry a stamped resourceVersion. */
const stamped = new WeakSet<object>();
/** decode's copies for values stored some other way (none from this apiserver). */
const decoded = new WeakMap<KeyValue, Stored<KubeObject>>();

setRevisionStamper({
  stamp(value, revision) {
    const obj = value as KubeObject;
    if (pending.has(obj)) {
      pending.delete(obj);
      obj.metadata = Object.freeze(withResourceVersion(obj.metadata ?? {}, revision));
      stamped.add(Object.freeze(obj));
      return obj;
    }
    if (!stamped.has(obj)) return undefined;
    // The same value applied at another revision (a request applied twice): stamp a copy.
    if (obj.metadata?.resourceVersion === String(revision)) return obj;
    const copy = stampedCopy(obj, revision);
    stamped.add(copy);
    return copy;
  },
  unstamp(value) {
    return stamped.has(value) ? unstamped(value as KubeObject) : undefined;
  },
});

/** unstamped is a shallow copy of `obj` without metadata.resourceVersion: the object as stored. */
export function unstamped(obj: KubeObject): KubeObject {
  return copyWith(obj, { metadata: withoutResourceVersion(obj.metadata ?? {}) });
}

/**
 * encode strips resourceVersion and returns the value to write: everything below the top level
 * and metadata is frozen and shared with `obj`; those two are frozen when etcd stamps them.
 */
export function encode(obj: KubeObject): KubeObject {
  const metadata = withoutResourceVersion(obj.metadata ?? {});
  for (const key of Object.keys(metadata)) deepFreeze((metadata as Record<string, unknown>)[key]);
  const value: KubeObject = copyWith(obj, { metadata });
  for (const key of Object.keys(value)) if (key !== 'metadata') deepFreeze((value as Record<string, unknown>)[key]);
  pending.add(value);
  return value;
}

/** decode returns the object at `kv` with resourceVersion = its mod revision. */
export function decode(kv: KeyValue): Stored<KubeObject> {
  const value = kv.value as KubeObject;
  if (stamped.has(value) && value.metadata?.resourceVersion === String(kv.modRevision)) return value as Stored<KubeObject>;
  let obj = decoded.get(kv);
  if (!obj) {
    obj = stampedCopy(value, kv.modRevision);
    decoded.set(kv, obj);
  }
  return obj;
}

/** decodeDeleted is the last state of a deleted object, stamped with the delete's revision. */
export function decodeDeleted(prevKv: KeyValue, deleteRevision: number): Stored<KubeObject> {
  return stampedCopy(prevKv.value as KubeObject, deleteRevision);
}

function stampedCopy(value: KubeObject, revision: number): Stored<KubeObject> {
  return Object.freeze(copyWith(value, { metadata: Object.freeze(withResourceVersion(value.metadata ?? {}, revision)) })) as unknown as Stored<KubeObject>;
}

/** Keys that follow resourceVersion in ObjectMeta's field order (k8s.io/apimachinery ObjectMeta). */
const AFTER_RESOURCE_VERSION = new Set(['generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields']);

function withResourceVersion(meta: ObjectMeta, revision: number): ObjectMeta {
  const metadata: Record<string, unknown> = {};
  let placed = false;
  for (const key of Object.keys(meta)) {
    if (key === 'resourceVersion') continue;
    if (!placed && AFTER_RESOURCE_VERSION.has(key)) {
      metadata.resourceVersion = String(revision);
      placed = true;
    }
    setOwn(metadata, key, (meta as Record<string, unknown>)[key]);
  }
  if (!placed) metadata.resourceVersion = String(revision);
  return metadata;
}

function withoutResourceVersion(meta: ObjectMeta): ObjectMeta {
  const metadata: Record<string, unknown> = {};
  for (const key of Object.keys(meta)) if (key !== 'resourceVersion') setOwn(metadata, key, (meta as Record<string, unknown>)[key]);
  return metadata;
}
