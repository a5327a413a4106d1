import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { flat } from './flat';
import { sizedObject } from './sizedObject';
import { SharedValues } from './sharedValues';

/**
 * KubeObject is any API object: TypeMeta + ObjectMeta + the kind's own fields. Objects handed out
 * by the apiserver, its watch cache and informers are deep-frozen and shared; whoever wants to
 * change one builds a new object (spread the parts that change, keep the rest shared), the way
 * client-go callers DeepCopy before mutating a lister's object.
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: unknown;
  status?: unknown;
}

/** Writable drops kubernetes-types' readonly markers for code that builds objects. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** writableMeta gives the (mutable working copy's) metadata with server-owned fields writable. */
export function writableMeta(obj: KubeObject): Writable<ObjectMeta> {
  return (obj.metadata ??= {}) as Writable<ObjectMeta>;
}

/** A KubeObject whose metadata is known to be present (everything read back from the store). */
export type Stored<T extends KubeObject> = T & { metadata: ObjectMeta & { name: string } };

/** deepFreeze freezes an object graph, skipping subtrees that are already frozen (shared ones). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    return value;
  }
  // for-in, not Object.keys: no key array per object (JSON-shaped values inherit no enumerable
  // keys), ~30 % faster on a pod; this runs on every object written.
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

const EMPTY_OBJECT = Object.freeze({});
const EMPTY_ARRAY = Object.freeze([]);

/** storedValues: the small parts stored objects share (see SharedValues). */
const storedValues = new SharedValues(4096);

/**
 * deepFreezeShared freezes like deepFreeze and returns what to keep in place of `value`: every
 * empty object or array not frozen yet becomes one shared frozen `{}` / `[]`. Stored pods carry
 * several (`securityContext: {}`, `resources: {}`, each container status's `lastState: {}`), ~56
 * bytes each per pod version; 10,000 pods held 60,000 of them. Other small parts equal to one
 * stored lately (labels, owner references, conditions, container states) become that one.
 */
export function deepFreezeShared<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_ARRAY as T;
    // A copy, not the array itself: an array that grew by push keeps room for 17 or more elements
    // (V8 grows a backing store to 1.5 × length + 16), and a stored array never grows again.
    // slice() allocates exactly `length`. 10,000 pods' stored versions wasted ~5 MB that way
    // (conditions, volumes, volumeMounts, tolerations).
    const kept = value.slice();
    for (let i = 0; i < kept.length; i++) kept[i] = deepFreezeShared(kept[i]);
    return storedValues.share(Object.freeze(kept)) as T;
  }
  const record = value as Record<string, unknown>;
  let empty = true;
  for (const key in record) {
    empty = false;
    const field = record[key];
    const kept = deepFreezeShared(field);
    if (kept !== field) setOwn(record, key, kept);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return Object.freeze(value);
  if (empty) return EMPTY_OBJECT as T;
  return storedValues.share(Object.freeze(value));
}

/**
 * setOwn sets `obj[key] = value` as an own data property even when the key is "__proto__" (a
 * legal ConfigMap/Secret key): plain assignment would replace the prototype and lose the data.
 */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * copyWith is `{ ...obj, ...fields }`: obj's keys in order (a key in both takes fields' value),
 * then fields' new keys. Built into a sizedObject, not by spread or Object.assign onto `{}`: in
 * V8 11 a spread copy that is later frozen (as stored objects are) carries a ~430-byte elements
 * dictionary, and `{}` keeps only 4 properties inline. A "__proto__" key (from untrusted YAML)
 * stays an own property, as with spread. `room` reserves inline slots for properties the caller
 * adds next (the storage codec's mark).
 */
export function copyWith<T extends object>(obj: T, fields: Partial<T>, room = 0): T {
  const from = obj as Record<string, unknown>;
  const extra = fields as Record<string, unknown>;
  let size = room;
  for (const _ in from) size++;
  for (const key in extra) if (!Object.prototype.hasOwnProperty.call(from, key)) size++;
  const out = sizedObject(size);
  for (const key in from) setOwn(out, key, Object.prototype.hasOwnProperty.call(extra, key) ? extra[key] : from[key]);
  for (const key in extra) if (!Object.prototype.hasOwnProperty.call(from, key)) setOwn(out, key, extra[key]);
  return out as T;
}

/** deepClone copies a JSON-shaped value (plain objects, arrays, primitives) into mutable form. */
export function deepClone<T>(value: T): T {
  return copyTree(value, false);
}

/**
 * cloneUnfrozen is deepClone that keeps frozen subtrees as they are: nobody can change those, so
 * a copy of them only costs memory. For values nothing will edit in place (an Event on its way
 * to storage keeps its recorder's frozen `source` and involvedObject, one per recorder instead of
 * one per Event).
 */
export function cloneUnfrozen<T>(value: T): T {
  return copyTree(value, true);
}

function copyTree<T>(value: T, keepFrozen: boolean): T {
  if (value === null || typeof value !== 'object' || (keepFrozen && Object.isFrozen(value))) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyTree(value[i], keepFrozen);
    return out as T;
  }
  const record = value as Record<string, unknown>;
  let size = 0;
  for (const key in record) if (record[key] !== undefined) size++;
  const out = sizedObject(size);
  // for-in as in deepFreeze; "__proto__" (a legal data key) must stay an own property.
  for (const key in record) {
    const field = record[key];
    if (field !== undefined) setOwn(out, key, copyTree(field, keepFrozen));
  }
  return out as T;
}

/**
 * shareUnchanged returns `next` with every subtree that deep-equals the one at the same path in
 * `prev` replaced by prev's (frozen) subtree, so consecutive versions of an object share memory
 * and identity comparisons can tell what changed. Key order of `next` is kept.
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev) return next;
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  if (Array.isArray(next)) {
    const prevArray = prev as unknown[];
    let same = next.length === prevArray.length;
    for (let i = 0; i < next.length; i++) {
      next[i] = shareUnchanged(next[i], prevArray[i]);
      if (next[i] !== prevArray[i]) same = false;
    }
    return (same ? prev : next) as T;
  }
  const nextRecord = next as Record<string, unknown>;
  const prevRecord = prev as Record<string, unknown>;
  const nextKeys = Object.keys(nextRecord);
  const prevKeys = Object.keys(prevRecord);
  let same = nextKeys.length === prevKeys.length;
  for (let i = 0; i < nextKeys.length; i++) {
    const key = nextKeys[i];
    if (same && prevKeys[i] !== key) same = false;
    if (!Object.isFrozen(nextRecord)) nextRecord[key] = shareUnchanged(nextRecord[key], prevRecord[key]);
    if (nextRecord[key] !== prevRecord[key]) same = false;
  }
  return (same ? prev : next) as T;
}

/** metaOf returns an object's metadata, empty when absent. */
export function metaOf(obj: KubeObject): ObjectMeta {
  return obj.metadata ?? {};
}

/** namespacedName is the `namespace/name` key informers and workqueues use (`name` for cluster scope). */
export function namespacedName(obj: KubeObject): string {
  const meta = metaOf(obj);
  return meta.namespace ? flat(meta.namespace, '/', meta.name ?? '') : `${meta.name}`;
}

/** splitKey undoes namespacedName. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
