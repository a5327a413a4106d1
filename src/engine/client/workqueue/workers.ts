import type { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import type { RateLimitingQueue } from './queue';

/** maxRetries before a controller drops a key (deployment controller: 15; most use 15 or 5). */
export const DEFAULT_MAX_RETRIES = 15;

/** SyncResult: undefined on success, an error text to requeue with back-off. */
export type SyncHandler = (key: string) => Task<string | undefined>;

/**
 * runWorkers starts `count` workers, each the loop of a controller's worker goroutine:
 * processNextWorkItem → syncHandler(key) → handleErr (AddRateLimited up to maxRetries, then drop)
 * → Done. A sync is traced with its key and how long it took in sim time.
 */
export function runWorkers(sim: Simulator, queue: RateLimitingQueue, count: number, component: string, sync: SyncHandler, maxRetries = DEFAULT_MAX_RETRIES): void {
  for (let i = 0; i < count; i++) spawn(worker(sim, queue, component, sync, maxRetries));
}

function* worker(sim: Simulator, queue: RateLimitingQueue, component: string, sync: SyncHandler, maxRetries: number): Task<void> {
  for (;;) {
    const key = yield* wait(queue.get());
    if (key === undefined) return;
    const startMs = sim.nowMs;
    const error = yield* sync(key);
    if (sim.trace.enabled) sim.emit({ component, kind: 'controller.sync', queue: queue.name, key, durationMs: sim.nowMs - startMs, error });
    if (error === undefined) queue.forget(key);
    else if (queue.numRequeues(key) < maxRetries) queue.addRateLimited(key);
    else queue.forget(key);
    queue.done(key);
  }
}
