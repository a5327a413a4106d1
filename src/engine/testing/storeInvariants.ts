import type { KubeObject, Stored } from '../api/object';
import type { WatchEvent } from '../apiserver/cacher/types';
import type { Cluster } from '../cluster';

/**
 * StoreInvariantWatcher checks the apiserver's contract as a client sees it: every watch event
 * carries a resourceVersion strictly greater than the previous one, and replaying the events
 * onto an empty map yields exactly what a fresh LIST returns.
 */
export class StoreInvariantWatcher {
  readonly replayed = new Map<string, Stored<KubeObject>>();
  readonly violations: string[] = [];
  private lastRV = 0;

  constructor(
    private readonly cluster: Cluster,
    readonly resource: string,
  ) {
    cluster.admin('invariants').watch(resource, {}, (events) => this.onEvents(events));
  }

  private onEvents(events: WatchEvent[]): void {
    for (const event of events) {
      if (event.type === 'ERROR') {
        this.violations.push(`watch error: ${event.object.message}`);
        continue;
      }
      const rv = Number(event.object.metadata.resourceVersion);
      if (event.type !== 'BOOKMARK' && this.lastRV !== 0 && !(rv > this.lastRV)) {
        this.violations.push(`resourceVersion went from ${this.lastRV} to ${rv}`);
      }
      this.lastRV = rv;
      const key = `${event.object.metadata.namespace ?? ''}/${event.object.metadata.name}`;
      if (event.type === 'DELETED') this.replayed.delete(key);
      else if (event.type !== 'BOOKMARK') this.replayed.set(key, event.object);
    }
  }

  /** listMatches compares the replay with the watch cache's current list (call when quiescent). */
  listMismatch(): string | undefined {
    const cacher = this.cluster.apiserver.ctx.cachers.get(this.resource)!;
    const listed = cacher.list({});
    if (!listed.ok) return listed.status.message;
    const want = listed.items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
    const got = [...this.replayed.values()].map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
    return JSON.stringify(want) === JSON.stringify(got) ? undefined : `list ${JSON.stringify(want)} != replay ${JSON.stringify(got)}`;
  }
}
