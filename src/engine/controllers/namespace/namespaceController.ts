// Mirrors kubernetes pkg/controller/namespace/namespace_controller.go.

import type { Namespace } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { BucketRateLimiter, ItemExponentialFailureRateLimiter, MaxOfRateLimiter } from '../../client/workqueue/rateLimiter';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import type { Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import type { ControllerClient, SyncError } from '../types';
import { NAMESPACE_CONTROLLER, NamespacedResourcesDeleter } from './deletion/namespacedResourcesDeleter';

/**
 * NAMESPACE_DELETION_GRACE_PERIOD_MS: events are processed 5 s late so HA apiservers and etcd
 * members see the deletion and any last-minute creations first.
 */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5000;

export interface NamespaceControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  namespaces: SharedIndexInformer<Namespace>;
}

/** NamespaceController empties and removes namespaces that are being deleted. */
export class NamespaceController {
  readonly queue: RateLimitingQueue;
  readonly deleter: NamespacedResourcesDeleter;

  constructor(private readonly o: NamespaceControllerOptions) {
    // nsControllerRateLimiter: per-item 5 ms → 60 s back-off, 10 qps overall.
    const limiter = new MaxOfRateLimiter([new ItemExponentialFailureRateLimiter(5, 60_000), new BucketRateLimiter(10, 100)]);
    this.queue = new RateLimitingQueue(o.sim, 'namespace', NAMESPACE_CONTROLLER, limiter);
    this.deleter = new NamespacedResourcesDeleter(o.sim, o.client, o.epochMs);
    o.namespaces.addEventHandler({ add: (ns) => this.enqueueNamespace(ns), update: (_old, cur) => this.enqueueNamespace(cur) });
  }

  run(workers: number): void {
    waitForCacheSync(this.o.sim, [this.o.namespaces]).then(() =>
      runWorkers(this.o.sim, this.queue, workers, NAMESPACE_CONTROLLER, (key) => this.syncNamespaceFromKey(key)),
    );
  }

  /** enqueueNamespace only queues namespaces being deleted, after the deletion grace period. */
  private enqueueNamespace(ns: Stored<Namespace>): void {
    if (!ns.metadata.deletionTimestamp) return;
    this.queue.addAfter(ns.metadata.name, NAMESPACE_DELETION_GRACE_PERIOD_MS);
  }

  /**
   * syncNamespaceFromKey runs one deletion pass; content still terminating is re-checked after
   * estimate/2 + 1 seconds (most pods stop well before their grace period).
   */
  *syncNamespaceFromKey(key: string): Task<SyncError> {
    const result = yield* this.deleter.delete(key);
    if (result.err) return result.err;
    if (result.estimateSeconds) this.queue.addAfter(key, (Math.floor(result.estimateSeconds / 2) + 1) * 1000);
    return undefined;
  }
}
