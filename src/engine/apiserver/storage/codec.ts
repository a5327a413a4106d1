import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { KeyValue } from '../../etcd/types';
import { setRevisionStamper } from '../../etcd/revisionStamp';
import { copyWith, deepFreezeShared, setOwn, type KubeObject, type Stored } from '../../api/object';
import { sizedObject } from '../../api/sizedObject';

/**
 * The apiserver's storage codec. etcd holds objects without metadata.resourceVersion (as
 * k8s.io/apiserver storage/etcd3 does) and an object read back carries its key's mod revision
 * there. The revision is stamped once, when etcd applies the put (see etcd/revisionStamp), so the
 * write response, the watch cache and every informer share the one frozen object etcd keeps per
 * version; etcdctl and the db size see it without the stamp.
 */

/**
 * CODEC marks what the codec made: a value encoded but not applied yet (its top level and metadata
 * stay open for the stamp) or one that carries a stamped resourceVersion. A non-enumerable own
 * symbol: no copy (spread, Object.assign, JSON, structured clone) carries it over, and unlike a
 * WeakSet entry per stored version it costs the write path no hash lookups and the GC no
 * ephemeron table of every live version.
 */
const CODEC = Symbol('apiserver codec');
const PENDING = 1;
const STAMPED = 2;
type Marked = { [CODEC]?: typeof PENDING | typeof STAMPED };

/** MARK_ROOM: a copy that will carry the mark is made with an inline slot for it. */
const MARK_ROOM = 1;

function mark(obj: object, state: typeof PENDING | typeof STAMPED): void {
  Object.defineProperty(obj, CODEC, { value: state, writable: true, enumerable: false, configurable: false });
}

function isStamped(obj: object): boolean {
  return (obj as Marked)[CODEC] === STAMPED;
}

/** decode's copies for values stored some other way (none from this apiserver). */
const decoded = new WeakMap<KeyValue, Stored<KubeObject>>();

setRevisionStamper({
  stamp(value, revision) {
    const obj = value as KubeObject & Marked;
    if (obj[CODEC] === PENDING) {
      obj[CODEC] = STAMPED;
      obj.metadata = Object.freeze(withResourceVersion(obj.metadata ?? {}, revision));
      return Object.freeze(obj);
    }
    if (obj[CODEC] !== STAMPED) return undefined;
    // The same value applied at another revision (a request applied twice): stamp a copy.
    if (obj.metadata?.resourceVersion === String(revision)) return obj;
    return stampedCopy(obj, revision);
  },
  unstamp(value) {
    return isStamped(value) ? unstamped(value as KubeObject) : undefined;
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
  const metadata = withoutResourceVersion(obj.metadata ?? {}) as Record<string, unknown>;
  for (const key in metadata) setOwn(metadata, key, deepFreezeShared(metadata[key]));
  const value = copyWith(obj, { metadata }, MARK_ROOM) as Record<string, unknown>;
  for (const key in value) if (key !== 'metadata') setOwn(value, key, deepFreezeShared(value[key]));
  mark(value, PENDING);
  return value as KubeObject;
}

/** decode returns the object at `kv` with resourceVersion = its mod revision. */
export function decode(kv: KeyValue): Stored<KubeObject> {
  const value = kv.value as KubeObject;
  if (isStamped(value) && value.metadata?.resourceVersion === String(kv.modRevision)) return value as Stored<KubeObject>;
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
  const copy = copyWith(value, { metadata: Object.freeze(withResourceVersion(value.metadata ?? {}, revision)) }, MARK_ROOM);
  mark(copy, STAMPED);
  return Object.freeze(copy) as unknown as Stored<KubeObject>;
}

/** Keys that follow resourceVersion in ObjectMeta's field order (k8s.io/apimachinery ObjectMeta). */
const AFTER_RESOURCE_VERSION = new Set(['generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields']);

function withResourceVersion(meta: ObjectMeta, revision: number): ObjectMeta {
  let size = 1;
  for (const key in meta) if (key !== 'resourceVersion') size++;
  const metadata = sizedObject(size);
  let placed = false;
  for (const key in meta) {
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
  let size = 0;
  for (const key in meta) if (key !== 'resourceVersion') size++;
  const metadata = sizedObject(size);
  for (const key in meta) if (key !== 'resourceVersion') setOwn(metadata, key, (meta as Record<string, unknown>)[key]);
  return metadata;
}
