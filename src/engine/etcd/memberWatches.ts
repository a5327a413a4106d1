// The watch streams one member serves (etcd v3.4 mvcc watchableStore, per member): opened from a
// revision, fed by the member's applies, delivered with its responses, ended when it fails.
import type { Simulator } from '../sim/simulator';
import { ErrCompacted } from './errors';
import { MemberWatch } from './memberWatch';
import type { MvccStore } from './mvcc';
import type { EtcdError, EtcdWatchCallbacks, EtcdWatchEvent } from './types';

export class MemberWatches {
  private readonly watches = new Set<MemberWatch>();

  constructor(
    private readonly sim: Simulator,
    private readonly store: MvccStore,
    private readonly latencyMs: number,
  ) {}

  /** open starts a watch on `prefix` from `startRevision` (0: from now); a compacted revision fails at once. */
  open(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void {
    if (startRevision > 0 && startRevision <= this.store.compactRevision) {
      this.sim.after(this.latencyMs, () => callbacks.onError(ErrCompacted));
      return () => {};
    }
    const watch = new MemberWatch(this.store, prefix, callbacks);
    this.watches.add(watch);
    const backlog = startRevision > 0 ? this.store.eventsSince(prefix, startRevision) : [];
    if (backlog.length > 0) this.sim.after(this.latencyMs, () => watch.deliver(backlog));
    return () => {
      watch.cancel();
      this.watches.delete(watch);
    };
  }

  /** failAll ends every watch with `error` (clients re-watch elsewhere). */
  failAll(error: EtcdError): void {
    for (const watch of [...this.watches]) watch.fail(error);
    this.watches.clear();
  }

  /** takePending removes the events waiting for delivery, per watch (undefined when there are none). */
  takePending(): Array<[MemberWatch, EtcdWatchEvent[]]> | undefined {
    let batches: Array<[MemberWatch, EtcdWatchEvent[]]> | undefined;
    for (const watch of this.watches) {
      if (watch.pending.length > 0) (batches ??= []).push([watch, watch.takePending()]);
    }
    return batches;
  }
}
