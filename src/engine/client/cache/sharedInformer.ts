import type { KubeObject, Stored } from '../../api/object';
import { namespacedName } from '../../api/object';
import type { Simulator } from '../../sim/simulator';
import type { ApiClient } from '../client';
import { DeltaFIFO, type Delta } from './deltaFifo';
import { Indexer, type IndexFunc } from './indexer';
import { Reflector, type ListWatchOptions } from './reflector';

export interface EventHandler<T extends KubeObject = KubeObject> {
  add?(obj: Stored<T>): void;
  update?(oldObj: Stored<T>, newObj: Stored<T>): void;
  delete?(obj: Stored<T>): void;
}

/**
 * SharedIndexInformer mirrors client-go tools/cache/shared_informer.go: Reflector → DeltaFIFO →
 * Indexer → event handlers. Deltas are popped as soon as a watch batch arrives (the informer's
 * processLoop never sleeps), so handlers run in the same sim millisecond the batch landed.
 */
export class SharedIndexInformer<T extends KubeObject = KubeObject> {
  readonly indexer: Indexer;
  private readonly fifo = new DeltaFIFO();
  private readonly handlers: EventHandler<T>[] = [];
  private readonly reflector: Reflector;
  private synced = false;
  private started = false;

  constructor(
    private readonly sim: Simulator,
    client: ApiClient,
    readonly resource: string,
    options: ListWatchOptions,
    private readonly name: string,
    indexers: Record<string, IndexFunc> = {},
  ) {
    this.indexer = new Indexer(indexers);
    this.reflector = new Reflector(sim, client, resource, options, {
      replace: (items) => this.replace(items),
      watchEvents: (events) => {
        for (const event of events) {
          const type = event.type === 'ADDED' ? 'Added' : event.type === 'MODIFIED' ? 'Updated' : 'Deleted';
          this.fifo.add(namespacedName(event.object), { type, object: event.object });
        }
        this.processLoop();
      },
    }, name);
  }

  /** hasSynced is true once the first list has been processed (cache.WaitForCacheSync). */
  get hasSynced(): boolean {
    return this.synced;
  }

  addEventHandler(handler: EventHandler<T>): void {
    this.handlers.push(handler);
    if (this.synced && handler.add) for (const obj of this.indexer.list()) handler.add(obj as Stored<T>);
  }

  addIndexers(indexers: Record<string, IndexFunc>): void {
    this.indexer.addIndexers(indexers);
  }

  run(): void {
    if (this.started) return;
    this.started = true;
    this.reflector.run();
  }

  stop(): void {
    this.reflector.stop();
  }

  /** replace turns a (re)list into Replaced deltas, and Deleted ones for objects that vanished. */
  private replace(items: Stored<KubeObject>[]): void {
    const seen = new Set<string>();
    for (const obj of items) {
      const key = namespacedName(obj);
      seen.add(key);
      this.fifo.add(key, { type: 'Replaced', object: obj });
    }
    for (const key of this.indexer.keys()) {
      if (!seen.has(key)) this.fifo.add(key, { type: 'Deleted', object: this.indexer.get(key)! });
    }
    this.processLoop();
    this.synced = true;
  }

  private processLoop(): void {
    for (let item = this.fifo.pop(); item; item = this.fifo.pop()) {
      if (this.sim.trace.enabled) this.sim.emit({ component: this.name, kind: 'informer.pop', resource: this.resource, key: item.key, deltas: item.deltas.map((d) => d.type) });
      for (const delta of item.deltas) this.handleDelta(item.key, delta);
    }
  }

  private handleDelta(key: string, delta: Delta): void {
    const obj = delta.object as Stored<T>;
    if (delta.type === 'Deleted') {
      const last = (this.indexer.get(key) as Stored<T> | undefined) ?? obj;
      this.indexer.remove(key);
      for (const handler of this.handlers) handler.delete?.(last);
      return;
    }
    const old = this.indexer.get(key) as Stored<T> | undefined;
    this.indexer.upsert(key, obj);
    for (const handler of this.handlers) {
      if (old) handler.update?.(old, obj);
      else handler.add?.(obj);
    }
  }
}
