import { setOwn } from '../../api/object';
import { mergeKeyFor } from '../../apiserver/patch/strategicMerge';

type Json = unknown;
type Record_ = Record<string, unknown>;

/**
 * createTwoWayMergePatch mirrors strategicpatch.CreateTwoWayMergePatch as kubectl uses it for
 * `set image/resources/env`, `label`, `annotate`, `rollout restart`: the smallest patch that turns
 * `original` into `modified`. Lists with a patch merge key (containers by name, …) carry only the
 * changed items with their key; other lists are replaced; removed fields become null.
 * Returns undefined when nothing changed.
 */
export function createTwoWayMergePatch(original: Json, modified: Json, kind = ''): Record_ | undefined {
  const patch = diffObjects(asRecord(original), asRecord(modified), kind, [], true);
  return patch && Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * createThreeWayMergePatch mirrors strategicpatch.CreateThreeWayMergePatch (kubectl apply): the
 * changes from `current` (live) to `modified` (the file), plus deletions of fields the last
 * applied configuration (`original`) had and the file no longer has.
 */
export function createThreeWayMergePatch(original: Json, modified: Json, current: Json, kind = ''): Record_ | undefined {
  const changes = diffObjects(asRecord(current), asRecord(modified), kind, [], false) ?? {};
  const deletions = deletionsOf(asRecord(original), asRecord(modified));
  const patch = mergeInto(changes, deletions);
  return Object.keys(patch).length > 0 ? patch : undefined;
}

function diffObjects(from: Record_, to: Record_, kind: string, path: string[], deleteMissing: boolean): Record_ | undefined {
  const out: Record_ = {};
  for (const key of Object.keys(to)) {
    const delta = diffValue(from[key], to[key], kind, [...path, key], deleteMissing);
    if (delta === NO_CHANGE) continue;
    // A changed keyed list also carries the modified list's order as `$setElementOrder/<field>`.
    const mergeKey = deleteMissing && Array.isArray(delta) && Array.isArray(from[key]) ? mergeKeyFor(kind, path, key) : undefined;
    if (mergeKey) setOwn(out, `$setElementOrder/${key}`, (to[key] as Record_[]).map((item) => ({ [mergeKey]: item[mergeKey] })));
    setOwn(out, key, delta);
  }
  if (deleteMissing) for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) setOwn(out, key, null);
  return Object.keys(out).length > 0 ? out : undefined;
}

const NO_CHANGE = Symbol('no change');

function diffValue(from: Json, to: Json, kind: string, path: string[], deleteMissing: boolean): Json | typeof NO_CHANGE {
  if (deepEqual(from, to)) return NO_CHANGE;
  if (isRecord(from) && isRecord(to)) return diffObjects(from, to, kind, path, deleteMissing) ?? NO_CHANGE;
  if (Array.isArray(from) && Array.isArray(to)) {
    const mergeKey = mergeKeyFor(kind, path.slice(0, -1), path[path.length - 1]);
    if (mergeKey && to.every(isRecord)) return diffKeyedList(from, to as Record_[], mergeKey, kind, path, deleteMissing);
  }
  return to;
}

function diffKeyedList(from: Json[], to: Record_[], mergeKey: string, kind: string, path: string[], deleteMissing: boolean): Json {
  const items: Record_[] = [];
  for (const item of to) {
    const before = from.find((f) => isRecord(f) && f[mergeKey] === item[mergeKey]);
    if (!isRecord(before)) items.push(item);
    else {
      const delta = diffObjects(before, item, kind, path, deleteMissing);
      if (delta) items.push({ ...delta, [mergeKey]: item[mergeKey] });
    }
  }
  if (deleteMissing) {
    for (const old of from) if (isRecord(old) && !to.some((t) => t[mergeKey] === old[mergeKey])) items.push({ $patch: 'delete', [mergeKey]: old[mergeKey] });
  }
  return items.length > 0 ? items : NO_CHANGE;
}

function deletionsOf(original: Record_, modified: Record_): Record_ {
  const out: Record_ = {};
  for (const key of Object.keys(original)) {
    if (!Object.hasOwn(modified, key)) setOwn(out, key, null);
    else if (isRecord(original[key]) && isRecord(modified[key])) {
      const nested = deletionsOf(original[key] as Record_, modified[key] as Record_);
      if (Object.keys(nested).length > 0) setOwn(out, key, nested);
    }
  }
  return out;
}

function mergeInto(target: Record_, extra: Record_): Record_ {
  const out = { ...target };
  for (const [key, value] of Object.entries(extra)) {
    setOwn(out, key, isRecord(out[key]) && isRecord(value) ? mergeInto(out[key] as Record_, value) : Object.hasOwn(out, key) ? out[key] : value);
  }
  return out;
}

function asRecord(value: Json): Record_ {
  return isRecord(value) ? value : {};
}

function isRecord(value: Json): value is Record_ {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((x, i) => deepEqual(x, (b as Json[])[i]));
  const ka = Object.keys(a as Record_);
  const kb = Object.keys(b as Record_);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record_)[k], (b as Record_)[k]));
}
