import { setOwn } from '../../api/object';
import { applyMergePatch } from './mergePatch';

/**
 * Strategic merge patch (k8s.io/apimachinery pkg/util/strategicpatch), the default patch type of
 * kubectl for built-in kinds: like a merge patch, except that lists with a patch merge key
 * (containers by name, env by name, container ports by containerPort, ...) merge item by item,
 * `$patch: delete` removes an item, `$patch: replace` replaces a map, `$deleteFromPrimitiveList/<list>` removes values from a list of
 * primitives, and `$setElementOrder/<list>` directives are dropped after use.
 * The merge keys come from the `patchMergeKey` struct tags of k8s.io/api.
 */
export const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

/** Lists of primitives that merge as sets (patchStrategy:"merge" on []string). */
const SET_LISTS = new Set(['finalizers']);

function withoutDirective(patch: Record<string, unknown>): Record<string, unknown> {
  const { $patch: _directive, ...rest } = patch;
  return rest;
}

export function applyStrategicMergePatch(target: unknown, patch: unknown, kind = ''): unknown {
  return mergeValue(target, patch, kind, []);
}

function mergeValue(target: unknown, patch: unknown, kind: string, path: string[]): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  // `$patch: replace` on a map: the map becomes the patch's own content (what rollout undo of a
  // DaemonSet or StatefulSet sends for spec.template).
  if ((patch as Record<string, unknown>).$patch === 'replace') return withoutDirective(patch as Record<string, unknown>);
  const base: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST) && Array.isArray(value)) {
      // `$deleteFromPrimitiveList/finalizers: [x]` removes x from a list of primitives.
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      if (Array.isArray(base[field])) setOwn(base, field, (base[field] as unknown[]).filter((item) => !value.includes(item)));
      continue;
    }
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete base[key];
      continue;
    }
    if (Array.isArray(value)) {
      setOwn(base, key, mergeList(base[key], value, mergeKeyFor(kind, path, key), SET_LISTS.has(key), kind, [...path, key]));
      continue;
    }
    setOwn(base, key, isRecord(value) ? mergeValue(base[key], value, kind, [...path, key]) : value);
  }
  return base;
}

function mergeList(target: unknown, items: unknown[], mergeKey: string | undefined, isSet: boolean, kind: string, path: string[]): unknown[] {
  const current = Array.isArray(target) ? [...target] : [];
  if (isSet) {
    for (const item of items) if (!current.includes(item)) current.push(item);
    return current;
  }
  if (!mergeKey) return items.filter((item) => !(isRecord(item) && item.$patch === 'delete'));
  for (const item of items) {
    if (!isRecord(item)) continue;
    const index = current.findIndex((existing) => isRecord(existing) && existing[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (index >= 0) current.splice(index, 1);
    } else if (index >= 0) {
      current[index] = mergeValue(current[index], item, kind, path);
    } else {
      current.push(applyMergePatch({}, stripDirectives(item)));
    }
  }
  return current;
}

/** mergeKeyFor: Service ports merge by `port`, container ports by `containerPort`. */
export function mergeKeyFor(kind: string, path: string[], field: string): string | undefined {
  if (field === 'ports') return kind === 'Service' && path.length === 1 && path[0] === 'spec' ? 'port' : 'containerPort';
  return MERGE_KEYS[field];
}

function stripDirectives(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!key.startsWith('$')) setOwn(out, key, value);
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
