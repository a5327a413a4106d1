import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';

/** SYNCED_POLL_PERIOD_MS is client-go's syncedPollPeriod (100 ms) of WaitForCacheSync. */
const SYNCED_POLL_PERIOD_MS = 100;

/**
 * waitForCacheSync settles once every informer has processed its first list, polling like
 * cache.WaitForNamedCacheSync does, so a controller never acts on a half-filled cache (it would
 * create pods that already exist).
 */
export function waitForCacheSync(sim: Simulator, informers: ReadonlyArray<{ readonly hasSynced: boolean }>): Future<void> {
  const synced = new Future<void>();
  const poll = (): void => {
    if (informers.every((informer) => informer.hasSynced)) synced.resolve();
    else sim.after(SYNCED_POLL_PERIOD_MS, poll);
  };
  poll();
  return synced;
}
