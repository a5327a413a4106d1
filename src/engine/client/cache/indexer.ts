import type { KubeObject, Stored } from '../../api/object';

export type IndexFunc = (obj: Stored<KubeObject>) => string[];

/** Index functions every informer has, as client-go's MetaNamespaceIndexFunc. */
export const NAMESPACE_INDEX = 'namespace';

/**
 * Indexer mirrors client-go tools/cache ThreadSafeStore + Indexers: the informer's local cache,
 * keyed `namespace/name`, with secondary indices (namespace, spec.nodeName, owner uid, ...) so
 * listers answer "pods on node-3" without scanning every pod.
 */
export class Indexer {
  private readonly items = new Map<string, Stored<KubeObject>>();
  private readonly indexFuncs = new Map<string, IndexFunc>();
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(indexers: Record<string, IndexFunc> = {}) {
    this.addIndexers({ [NAMESPACE_INDEX]: (obj) => [obj.metadata.namespace ?? ''], ...indexers });
  }

  hasIndex(name: string): boolean {
    return this.indexFuncs.has(name);
  }

  addIndexers(indexers: Record<string, IndexFunc>): void {
    for (const [name, fn] of Object.entries(indexers)) {
      this.indexFuncs.set(name, fn);
      const index = new Map<string, Set<string>>();
      this.indices.set(name, index);
      for (const [key, obj] of this.items) for (const value of fn(obj)) addTo(index, value, key);
    }
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): Stored<KubeObject> | undefined {
    return this.items.get(key);
  }

  /**
   * list returns every cached object. Order is insertion order, which is deterministic because the
   * engine's event order is; callers that need an order (printing, ranking) sort themselves.
   */
  list(): Stored<KubeObject>[] {
    return [...this.items.values()];
  }

  keys(): string[] {
    return [...this.items.keys()].sort();
  }

  /** countIndex is len(ByIndex(...)) without building the list. */
  countIndex(indexName: string, value: string): number {
    return this.indices.get(indexName)?.get(value)?.size ?? 0;
  }

  /** byIndex returns the objects whose index function yields `value` (insertion order). */
  byIndex(indexName: string, value: string): Stored<KubeObject>[] {
    const keys = this.indices.get(indexName)?.get(value);
    if (!keys) return [];
    const out: Stored<KubeObject>[] = [];
    for (const key of keys) out.push(this.items.get(key)!);
    return out;
  }

  /**
   * upsert stores the object and updates each index (updateSingleIndex): an index whose one value
   * is the same for the old and the new object is left alone, as client-go does since 1.27 (most
   * updates are status changes that move a pod in no index).
   */
  upsert(key: string, obj: Stored<KubeObject>): void {
    const old = this.items.get(key);
    this.items.set(key, obj);
    for (const [name, fn] of this.indexFuncs) {
      const index = this.indices.get(name)!;
      const values = fn(obj);
      if (old) {
        const oldValues = fn(old);
        if (values.length === 1 && oldValues.length === 1 && values[0] === oldValues[0]) continue;
        for (const value of oldValues) removeFrom(index, value, key);
      }
      for (const value of values) addTo(index, value, key);
    }
  }

  remove(key: string): void {
    const old = this.items.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.items.delete(key);
  }

  private unindex(key: string, obj: Stored<KubeObject>): void {
    for (const [name, fn] of this.indexFuncs) {
      const index = this.indices.get(name)!;
      for (const value of fn(obj)) removeFrom(index, value, key);
    }
  }
}

function addTo(index: Map<string, Set<string>>, value: string, key: string): void {
  let set = index.get(value);
  if (!set) index.set(value, (set = new Set()));
  set.add(key);
}

function removeFrom(index: Map<string, Set<string>>, value: string, key: string): void {
  const set = index.get(value);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) index.delete(value);
}
