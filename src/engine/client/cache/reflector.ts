import type { KubeObject, Stored } from '../../api/object';
import type { WatchHandle } from '../../apiserver/server';
import type { WatchEvent } from '../../apiserver/cacher/types';
import type { Simulator } from '../../sim/simulator';
import type { ApiClient } from '../client';

export interface ListWatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ReflectorSink {
  /** replace: the result of a (re)list, with its resourceVersion. */
  replace(items: Stored<KubeObject>[], resourceVersion: string): void;
  /** watchEvents: one delivered batch. */
  watchEvents(events: Array<{ type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Stored<KubeObject> }>): void;
}

/** Backoff after a failed list: client-go's reflector uses 800 ms growing to 30 s. */
const LIST_BACKOFF_INITIAL_MS = 800;
const LIST_BACKOFF_MAX_MS = 30_000;

/**
 * Reflector mirrors client-go tools/cache/reflector.go ListAndWatch: LIST to get the current
 * objects and a resourceVersion, then WATCH from that resourceVersion; when the watch answers
 * 410 Gone ("too old resource version") it re-lists. Bookmarks only advance the resourceVersion.
 */
export class Reflector {
  private watchHandle: WatchHandle | undefined;
  private lastSyncResourceVersion = '';
  private backoffMs = LIST_BACKOFF_INITIAL_MS;
  private stopped = false;

  constructor(
    private readonly sim: Simulator,
    private readonly client: ApiClient,
    readonly resource: string,
    private readonly options: ListWatchOptions,
    private readonly sink: ReflectorSink,
    private readonly name: string,
  ) {}

  get resourceVersion(): string {
    return this.lastSyncResourceVersion;
  }

  run(): void {
    this.listAndWatch();
  }

  stop(): void {
    this.stopped = true;
    this.watchHandle?.stop();
  }

  private listAndWatch(): void {
    if (this.stopped) return;
    const { namespace, labelSelector, fieldSelector } = this.options;
    this.client.list(this.resource, namespace, { labelSelector, fieldSelector }).then((result) => {
      if (this.stopped) return;
      if (!result.ok) {
        this.sim.after(this.backoffMs, () => this.listAndWatch());
        this.backoffMs = Math.min(this.backoffMs * 2, LIST_BACKOFF_MAX_MS);
        return;
      }
      this.backoffMs = LIST_BACKOFF_INITIAL_MS;
      this.lastSyncResourceVersion = result.object.metadata.resourceVersion;
      this.trace('reflector.list', { items: result.object.items.length, rv: this.lastSyncResourceVersion });
      this.sink.replace(result.object.items, this.lastSyncResourceVersion);
      this.startWatch();
    });
  }

  private startWatch(): void {
    const options = { ...this.options, resourceVersion: this.lastSyncResourceVersion, allowWatchBookmarks: true };
    this.watchHandle = this.client.watch(this.resource, options, (events) => this.onWatchEvents(events));
  }

  private onWatchEvents(events: WatchEvent[]): void {
    const changes: Array<{ type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Stored<KubeObject> }> = [];
    for (const event of events) {
      if (event.type === 'ERROR') {
        this.trace('reflector.watch.error', { code: event.object.code, message: event.object.message });
        this.watchHandle?.stop();
        if (changes.length > 0) this.sink.watchEvents(changes);
        this.sim.after(0, () => this.listAndWatch());
        return;
      }
      this.lastSyncResourceVersion = event.object.metadata.resourceVersion ?? this.lastSyncResourceVersion;
      if (event.type !== 'BOOKMARK') changes.push({ type: event.type, object: event.object });
    }
    if (changes.length > 0) this.sink.watchEvents(changes);
  }

  private trace(kind: string, detail: Record<string, unknown>): void {
    if (this.sim.trace.enabled) this.sim.emit({ component: this.name, kind, resource: this.resource, ...detail });
  }
}
