import type { KeyValue } from '../../etcd/types';
import { deepFreeze, type KubeObject, type Stored } from '../../api/object';

/**
 * The apiserver's storage codec. etcd holds objects without metadata.resourceVersion (as
 * k8s.io/apiserver storage/etcd3 does); decoding stamps the key's mod revision into it. Decoded
 * objects are cached per KeyValue, so the write response, the watch cache and every informer share
 * one frozen object per version.
 */
const decoded = new WeakMap<KeyValue, Stored<KubeObject>>();
/** The stored value each decoded object came from (see storedForm). */
const encodedOf = new WeakMap<object, KubeObject>();

/** encode strips resourceVersion; the value is frozen and shares everything else with `obj`. */
export function encode(obj: KubeObject): KubeObject {
  const metadata = { ...obj.metadata };
  delete metadata.resourceVersion;
  return deepFreeze({ ...obj, metadata });
}

/** decode returns the object at `kv` with resourceVersion = its mod revision. */
export function decode(kv: KeyValue): Stored<KubeObject> {
  let obj = decoded.get(kv);
  if (!obj) {
    obj = stampResourceVersion(kv.value as KubeObject, kv.modRevision);
    decoded.set(kv, obj);
    encodedOf.set(obj, kv.value as KubeObject);
  }
  return obj;
}

/**
 * storedForm is the value in etcd that `obj` was decoded from: the object without its
 * resourceVersion, shared rather than copied (an update compares against it).
 */
export function storedForm(obj: Stored<KubeObject>): KubeObject | undefined {
  return encodedOf.get(obj);
}

/** decodeDeleted is the last state of a deleted object, stamped with the delete's revision. */
export function decodeDeleted(prevKv: KeyValue, deleteRevision: number): Stored<KubeObject> {
  return stampResourceVersion(prevKv.value as KubeObject, deleteRevision);
}

function stampResourceVersion(value: KubeObject, revision: number): Stored<KubeObject> {
  const meta = value.metadata ?? {};
  // Keep ObjectMeta's field order: resourceVersion sits after uid (k8s.io/apimachinery ObjectMeta).
  const metadata: Record<string, unknown> = {};
  let placed = false;
  for (const key of Object.keys(meta)) {
    if (!placed && (key === 'generation' || key === 'creationTimestamp' || key === 'deletionTimestamp' || key === 'deletionGracePeriodSeconds' || key === 'labels' || key === 'annotations' || key === 'ownerReferences' || key === 'finalizers' || key === 'managedFields')) {
      metadata.resourceVersion = String(revision);
      placed = true;
    }
    metadata[key] = (meta as Record<string, unknown>)[key];
  }
  if (!placed) metadata.resourceVersion = String(revision);
  return Object.freeze({ ...value, metadata: Object.freeze(metadata) }) as unknown as Stored<KubeObject>;
}
