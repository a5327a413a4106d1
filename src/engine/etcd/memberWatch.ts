// Mirrors etcd v3.4 mvcc/watchable_store.go + api/v3rpc/watch.go, reduced to what the apiserver
// uses: a watch stream on one member, fed by that member's applies.
import type { MvccStore } from './mvcc';
import type { EtcdError, EtcdWatchCallbacks, EtcdWatchEvent } from './types';

/**
 * MemberWatch is one watch served by one member: it sees revisions only as that member applies
 * them (a follower's watch lags the leader by a round trip), and it ends with an error when the
 * member stops, restores a snapshot or loses its leader for too long; the client must re-list.
 */
export class MemberWatch {
  pending: EtcdWatchEvent[] = [];
  closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    store: MvccStore,
    readonly prefix: string,
    private readonly callbacks: EtcdWatchCallbacks,
  ) {
    this.unsubscribe = store.subscribe({ prefix, onEvent: (event) => this.pending.push(event) });
  }

  /** takePending hands over the events queued since the last delivery. */
  takePending(): EtcdWatchEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  deliver(events: EtcdWatchEvent[]): void {
    if (!this.closed && events.length > 0) this.callbacks.onEvents(events);
  }

  cancel(): void {
    this.closed = true;
    this.pending = [];
    this.unsubscribe();
  }

  /** fail ends the watch with an error the client sees (after cancel, nothing is delivered). */
  fail(error: EtcdError): void {
    if (this.closed) return;
    this.cancel();
    this.callbacks.onError(error);
  }
}
