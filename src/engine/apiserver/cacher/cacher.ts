import type { Status } from 'kubernetes-types/meta/v1';
import { parseSelector } from '../../api/labels';
import { parseFieldSelector } from '../../api/fields';
import type { KubeObject, Stored } from '../../api/object';
import { storagePrefixOf, type ResourceInfo } from '../../api/resources';
import type { EtcdClient, EtcdWatchEvent } from '../../etcd/types';
import { Future } from '../../sim/future';
import type { Simulator } from '../../sim/simulator';
import { decode, decodeDeleted } from '../storage/codec';
import { CacheWatcher } from './watcher';
import type { CacheEvent, WatchEvent, WatchOptions } from './types';

/** Mirrors k8s.io/apiserver pkg/storage/cacher: eventFreshDuration keeps ≥ 75 s of history. */
const EVENT_FRESH_DURATION_MS = 75_000;
const MIN_WINDOW_EVENTS = 100;

export type ListResult = { ok: true; items: Stored<KubeObject>[]; resourceVersion: number } | { ok: false; status: Status };
export type WatchResult = { ok: true; stop: () => void } | { ok: false; status: Status };

/**
 * Cacher is the apiserver's watch cache for one resource: it lists the resource's etcd prefix,
 * then watches etcd and keeps (1) the current objects for lists and (2) a window of recent events
 * so that a client can resume a watch from a resourceVersion; older than the window → 410 Gone,
 * and the client re-lists (the "watch with resourceVersion, 410 Gone" flow of the seeds).
 * Pod watches that select spec.nodeName are indexed by node, like the upstream pod cacher's
 * trigger function, so 5,000 kubelets do not each look at every pod event.
 */
export class Cacher {
  private readonly objects = new Map<string, Stored<KubeObject>>();
  /** The keys in etcd (byte) order, kept until a key is added or removed; most events only modify. */
  private sortedKeys: string[] | undefined;
  private eventWindow: CacheEvent[] = [];
  /**
   * When each window event arrived, parallel to eventWindow. Kept apart because `{ ...event, atMs }`
   * gives every entry its own hidden class in V8 11 (a spread followed by a new key), which costs
   * ~250 bytes per event and makes reads of the window megamorphic.
   */
  private eventWindowAtMs: number[] = [];
  private windowStart = 0;
  private revision = 0;
  private readonly unindexed = new Set<CacheWatcher>();
  private readonly byNodeName = new Map<string, Set<CacheWatcher>>();
  private stopEtcdWatch: (() => void) | undefined;
  /** observers see each change as the cache applies it (benchmarks: no watch, no sim events). */
  private readonly observers = new Set<(event: CacheEvent) => void>();
  readonly ready = new Future<void>();

  constructor(
    private readonly sim: Simulator,
    readonly info: ResourceInfo,
    private readonly etcd: EtcdClient,
    private readonly watchLatencyMs = 1,
  ) {}

  get resourceVersion(): number {
    return this.revision;
  }

  get size(): number {
    return this.objects.size;
  }

  /**
   * start lists the prefix and begins watching etcd right after the listed revision. A re-list
   * (after the etcd watch failed) replaces the cache and its event window, and ends every client
   * watch, as the cacher's startCaching does (terminateAllWatchers): the clients' reflectors
   * re-list, since the events they were waiting for may have fallen into the gap.
   */
  start(): void {
    const prefix = storagePrefixOf(this.info);
    this.etcd.range(prefix, { prefix: true }).then((result) => {
      if (!result.ok) {
        this.sim.after(1000, () => this.start());
        return;
      }
      if (this.ready.isSettled) this.replaceAfterRelist(result.value.header.revision);
      this.objects.clear();
      this.sortedKeys = undefined;
      for (const kv of result.value.kvs) if (decodable(kv.value)) this.objects.set(kv.key, decode(kv));
      this.revision = result.value.header.revision;
      this.stopEtcdWatch = this.etcd.watch(prefix, this.revision + 1, {
        onEvents: (events) => this.onEtcdEvents(events),
        onError: () => this.restart(),
      });
      this.ready.resolve();
    });
  }

  /** countWhere counts cached objects matching `predicate` (no key sort: for metrics and benchmarks). */
  countWhere(predicate: (obj: Stored<KubeObject>) => boolean): number {
    let n = 0;
    for (const obj of this.objects.values()) if (predicate(obj)) n++;
    return n;
  }

  /**
   * observe calls `observer` synchronously with every change the cache applies from now on, for
   * measurements that would otherwise scan the cache (a benchmark counting 150,000 pods every few
   * simulated seconds). Not a watch: no latency, no events, nothing a component sees.
   */
  observe(observer: (event: CacheEvent) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** get returns the cached object at an etcd key. */
  get(key: string): Stored<KubeObject> | undefined {
    return this.objects.get(key);
  }

  list(options: { namespace?: string; labelSelector?: string; fieldSelector?: string }): ListResult {
    const filter = this.makeWatcher(options, () => {});
    if (!(filter instanceof CacheWatcher)) return { ok: false, status: filter };
    const items: Stored<KubeObject>[] = [];
    const keys = this.keysInOrder();
    for (const key of keys) {
      const obj = this.objects.get(key)!;
      if (filter.matches(obj)) items.push(obj);
    }
    return { ok: true, items, resourceVersion: this.revision };
  }

  watch(options: WatchOptions, deliver: (events: WatchEvent[]) => void): WatchResult {
    const watcher = this.makeWatcher(options, deliver);
    if (!(watcher instanceof CacheWatcher)) return { ok: false, status: watcher };
    const rv = options.resourceVersion ? Number(options.resourceVersion) : 0;
    if (rv > 0) {
      const oldest = this.windowStart < this.eventWindow.length ? this.eventWindow[this.windowStart].rv : this.revision + 1;
      if (rv < oldest - 1) return { ok: false, status: expired(`too old resource version: ${rv} (${oldest - 1})`) };
      for (let i = this.windowStart; i < this.eventWindow.length; i++) if (this.eventWindow[i].rv > rv) watcher.offer(this.eventWindow[i]);
    } else {
      for (const key of this.keysInOrder()) {
        const obj = this.objects.get(key)!;
        if (watcher.matches(obj)) watcher.push({ type: 'ADDED', object: obj });
      }
    }
    this.register(watcher);
    return {
      ok: true,
      stop: () => {
        watcher.stopped = true;
        this.unregister(watcher);
      },
    };
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= [...this.objects.keys()].sort();
    return this.sortedKeys;
  }

  private makeWatcher(options: WatchOptions, deliver: (events: WatchEvent[]) => void): CacheWatcher | Status {
    const labels = parseSelector(options.labelSelector ?? '');
    if (!labels.ok) return badRequest(labels.error);
    const fields = parseFieldSelector(options.fieldSelector ?? '');
    if (!fields.ok) return badRequest(fields.error);
    const byNode = this.info.resource === 'pods' ? fields.selector.find((f) => f.field === 'spec.nodeName' && f.equal) : undefined;
    return new CacheWatcher(this.sim, options.namespace, labels.selector, fields.selector, deliver, this.watchLatencyMs, byNode?.value);
  }

  private register(watcher: CacheWatcher): void {
    if (watcher.nodeNameIndex === undefined) this.unindexed.add(watcher);
    else {
      let set = this.byNodeName.get(watcher.nodeNameIndex);
      if (!set) this.byNodeName.set(watcher.nodeNameIndex, (set = new Set()));
      set.add(watcher);
    }
  }

  private unregister(watcher: CacheWatcher): void {
    this.unindexed.delete(watcher);
    if (watcher.nodeNameIndex !== undefined) this.byNodeName.get(watcher.nodeNameIndex)?.delete(watcher);
  }

  private onEtcdEvents(events: EtcdWatchEvent[]): void {
    for (const event of events) {
      // A value that is not an object (written with etcdctl put) fails to decode: the apiserver
      // logs it and skips the event, as the real watch cache does with undecodable data.
      if (event.type === 'PUT' && !decodable(event.kv.value)) continue;
      if (event.type === 'DELETE' && !decodable(event.prevKv?.value)) continue;
      const cacheEvent = toCacheEvent(event);
      if (cacheEvent.type === 'DELETED') this.objects.delete(cacheEvent.key);
      else this.objects.set(cacheEvent.key, cacheEvent.object);
      if (cacheEvent.type !== 'MODIFIED') this.sortedKeys = undefined;
      this.revision = cacheEvent.rv;
      this.append(cacheEvent);
      this.dispatch(cacheEvent);
      if (this.observers.size > 0) for (const observer of this.observers) observer(cacheEvent);
    }
  }

  private dispatch(event: CacheEvent): void {
    for (const watcher of this.unindexed) watcher.offer(event);
    if (this.byNodeName.size === 0) return;
    const nodeNow = nodeNameOf(event.object);
    const nodeBefore = event.prevObject ? nodeNameOf(event.prevObject) : undefined;
    const targets = this.byNodeName.get(nodeNow);
    if (targets) for (const watcher of targets) watcher.offer(event);
    if (nodeBefore !== undefined && nodeBefore !== nodeNow) {
      const previous = this.byNodeName.get(nodeBefore);
      if (previous) for (const watcher of previous) watcher.offer(event);
    }
  }

  private append(event: CacheEvent): void {
    const nowMs = this.sim.nowMs;
    this.eventWindow.push(event);
    this.eventWindowAtMs.push(nowMs);
    while (this.eventWindow.length - this.windowStart > MIN_WINDOW_EVENTS && this.eventWindowAtMs[this.windowStart] < nowMs - EVENT_FRESH_DURATION_MS) {
      this.windowStart++;
    }
    if (this.windowStart > 4096 && this.windowStart * 2 > this.eventWindow.length) {
      this.eventWindow = this.eventWindow.slice(this.windowStart);
      this.eventWindowAtMs = this.eventWindowAtMs.slice(this.windowStart);
      this.windowStart = 0;
    }
  }

  private replaceAfterRelist(revision: number): void {
    this.eventWindow = [];
    this.eventWindowAtMs = [];
    this.windowStart = 0;
    const gone = expired(`too old resource version: ${this.revision} (${revision})`);
    for (const watcher of this.unindexed) watcher.terminate(gone);
    for (const set of this.byNodeName.values()) for (const watcher of set) watcher.terminate(gone);
    this.unindexed.clear();
    this.byNodeName.clear();
  }

  /** restart re-lists after the etcd watch broke (compaction, no leader). */
  private restart(): void {
    this.stopEtcdWatch?.();
    this.sim.after(0, () => this.start());
  }
}

function toCacheEvent(event: EtcdWatchEvent): CacheEvent {
  if (event.type === 'DELETE') {
    const prev = event.prevKv!;
    return { rv: event.kv.modRevision, type: 'DELETED', key: event.kv.key, object: decodeDeleted(prev, event.kv.modRevision), prevObject: decode(prev) };
  }
  const object = decode(event.kv);
  if (!toCacheEventPrev(event)) return { rv: event.kv.modRevision, type: 'ADDED', key: event.kv.key, object };
  return { rv: event.kv.modRevision, type: 'MODIFIED', key: event.kv.key, object, prevObject: decode(event.prevKv!) };
}

function decodable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toCacheEventPrev(event: EtcdWatchEvent): boolean {
  return event.prevKv !== undefined && decodable(event.prevKv.value);
}

function nodeNameOf(obj: KubeObject): string {
  return ((obj.spec as { nodeName?: string } | undefined)?.nodeName) ?? '';
}

function expired(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Expired', code: 410 };
}

function badRequest(message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}
