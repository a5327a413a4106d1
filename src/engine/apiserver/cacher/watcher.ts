import { matches, type Selector } from '../../api/labels';
import { matchesFields, type FieldRequirement } from '../../api/fields';
import type { KubeObject } from '../../api/object';
import type { Status } from 'kubernetes-types/meta/v1';
import type { Simulator } from '../../sim/simulator';
import type { CacheEvent, WatchEvent } from './types';

/**
 * CacheWatcher is one watch connection served from the watch cache. It filters events by
 * namespace, labels and fields, turns an object that stops (starts) matching into DELETED
 * (ADDED) as the apiserver's cacher does, and delivers batches after `latencyMs` (the stream's
 * network hop) so a burst of writes reaches a client as one batch.
 */
export class CacheWatcher {
  private pending: WatchEvent[] = [];
  private flushScheduled = false;
  /** closing: terminated; the final ERROR is queued and nothing else is accepted. */
  private closing = false;
  stopped = false;

  constructor(
    private readonly sim: Simulator,
    readonly namespace: string | undefined,
    private readonly labels: Selector,
    private readonly fields: FieldRequirement[],
    private readonly deliver: (events: WatchEvent[]) => void,
    private readonly latencyMs: number,
    /** Set for pod watches selecting spec.nodeName=X: the cacher indexes them by node. */
    readonly nodeNameIndex?: string,
  ) {}

  matches(obj: KubeObject | undefined): boolean {
    if (!obj) return false;
    if (this.namespace && obj.metadata?.namespace !== this.namespace) return false;
    return matches(this.labels, obj.metadata?.labels) && matchesFields(this.fields, obj);
  }

  /** offer converts a cache event into what this watcher should see, if anything. */
  offer(event: CacheEvent): void {
    if (this.stopped || this.closing) return;
    const now = event.type !== 'DELETED' && this.matches(event.object);
    const before = event.type === 'ADDED' ? false : this.matches(event.prevObject ?? event.object);
    if (event.type === 'DELETED') {
      if (before) this.push({ type: 'DELETED', object: event.object });
      return;
    }
    if (now && before) this.push({ type: 'MODIFIED', object: event.object });
    else if (now) this.push({ type: 'ADDED', object: event.object });
    else if (before) this.push({ type: 'DELETED', object: event.object });
  }

  /** terminate ends the watch with `status` (delivered after the pending events). */
  terminate(status: Status): void {
    if (this.stopped) return;
    this.push({ type: 'ERROR', object: status });
    this.closing = true;
  }

  push(event: WatchEvent): void {
    if (this.stopped || this.closing) return;
    this.pending.push(event);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.sim.after(this.latencyMs, () => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.stopped || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    if (this.closing) this.stopped = true;
    this.deliver(batch);
  }
}
