import type { KubeObject } from '../../api/object';
import type { Simulator } from '../../sim/simulator';
import type { ApiClient } from '../client';
import type { ListWatchOptions } from './reflector';
import { SharedIndexInformer } from './sharedInformer';

/**
 * SharedInformerFactory mirrors client-go informers.SharedInformerFactory: one informer per
 * (resource, options) per process, shared by every controller in it, so kube-controller-manager
 * keeps one pod cache however many controllers watch pods.
 */
export class SharedInformerFactory {
  private readonly informers = new Map<string, SharedIndexInformer>();

  constructor(
    private readonly sim: Simulator,
    private readonly client: ApiClient,
    private readonly processName: string,
    private readonly defaults: ListWatchOptions = {},
  ) {}

  forResource<T extends KubeObject = KubeObject>(resource: string, options: ListWatchOptions = {}): SharedIndexInformer<T> {
    const merged = { ...this.defaults, ...options };
    const key = `${resource}?${merged.namespace ?? ''}&${merged.labelSelector ?? ''}&${merged.fieldSelector ?? ''}`;
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new SharedIndexInformer(this.sim, this.client, resource, merged, this.processName);
      this.informers.set(key, informer);
    }
    return informer as unknown as SharedIndexInformer<T>;
  }

  /** cacheSizes is how many objects each informer's cache holds (the UI's inspector shows it). */
  cacheSizes(): Array<{ resource: string; objects: number }> {
    return [...this.informers.entries()].map(([key, informer]) => ({ resource: key.split('?')[0], objects: informer.indexer.size })).sort((a, b) => a.resource.localeCompare(b.resource));
  }

  /** start runs every informer created so far (factory.Start). */
  start(): void {
    for (const informer of this.informers.values()) informer.run();
  }

  get hasSynced(): boolean {
    for (const informer of this.informers.values()) if (!informer.hasSynced) return false;
    return true;
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
