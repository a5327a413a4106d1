// Mirrors kubernetes pkg/controller/volume/persistentvolume/pv_controller_base.go (v1.32): the
// persistentvolume-binder controller's informers, its claim and volume queues (one worker each)
// and the periodic resync (--pvclaimbinder-sync-period, 15 s) that retries pending claims.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../../../api/object';
import type { SharedIndexInformer } from '../../../client/cache/sharedInformer';
import type { EventRecorder } from '../../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../../client/workqueue/queue';
import { runWorkers } from '../../../client/workqueue/workers';
import type { Simulator } from '../../../sim/simulator';
import type { Task } from '../../../sim/task';
import { waitForCacheSync } from '../../cacheSync';
import type { ControllerClient } from '../../types';
import { syncClaim } from './syncClaim';
import { syncVolume } from './syncVolume';

export const PV_BINDER_CONTROLLER = 'persistentvolume-binder-controller';
/** PV_CONTROLLER_SOURCE is the component its Events carry. */
export const PV_CONTROLLER_SOURCE = 'persistentvolume-controller';
/** PV_SYNC_PERIOD_MS is --pvclaimbinder-sync-period's default. */
export const PV_SYNC_PERIOD_MS = 15_000;

export interface PersistentVolumeControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  volumes: SharedIndexInformer<PersistentVolume>;
  claims: SharedIndexInformer<PersistentVolumeClaim>;
  classes: SharedIndexInformer<StorageClass>;
  pods: SharedIndexInformer<Pod>;
}

/**
 * PersistentVolumeController binds claims to volumes: it makes new volumes Available, finds the
 * smallest matching volume for each pending claim (Immediate binding; WaitForFirstConsumer claims
 * wait for the scheduler), explains a claim it cannot bind with an Event, and releases a volume
 * whose claim is gone. k8sim has no volume plugins or provisioners: a class with an external
 * provisioner waits for one, as a cluster whose provisioner is not running does.
 */
export class PersistentVolumeController {
  readonly name = PV_BINDER_CONTROLLER;
  readonly claimQueue: RateLimitingQueue;
  readonly volumeQueue: RateLimitingQueue;

  constructor(readonly options: PersistentVolumeControllerOptions) {
    this.claimQueue = new RateLimitingQueue(options.sim, 'claims', PV_BINDER_CONTROLLER);
    this.volumeQueue = new RateLimitingQueue(options.sim, 'volumes', PV_BINDER_CONTROLLER);
    const claimKey = (c: Stored<PersistentVolumeClaim>) => `${c.metadata.namespace}/${c.metadata.name}`;
    options.volumes.addEventHandler({
      add: (v) => this.volumeQueue.add(v.metadata.name),
      update: (_old, v) => this.volumeQueue.add(v.metadata.name),
      delete: (v) => {
        const ref = v.spec?.claimRef;
        if (ref) this.claimQueue.add(`${ref.namespace}/${ref.name}`);
      },
    });
    options.claims.addEventHandler({
      add: (c) => this.claimQueue.add(claimKey(c)),
      update: (_old, c) => this.claimQueue.add(claimKey(c)),
      delete: (c) => {
        if (c.spec?.volumeName) this.volumeQueue.add(c.spec.volumeName);
      },
    });
  }

  /** run waits for the caches, then starts the claim and volume workers and the resync timer. */
  run(): void {
    const { sim, volumes, claims, classes, pods } = this.options;
    waitForCacheSync(sim, [volumes, claims, classes, pods]).then(() => {
      runWorkers(sim, this.volumeQueue, 1, PV_BINDER_CONTROLLER, (key) => this.syncVolumeKey(key));
      runWorkers(sim, this.claimQueue, 1, PV_BINDER_CONTROLLER, (key) => this.syncClaimKey(key));
      this.scheduleResync();
    });
  }

  volumeByName(name: string): Stored<PersistentVolume> | undefined {
    return this.options.volumes.indexer.get(name) as Stored<PersistentVolume> | undefined;
  }

  claimByKey(key: string): Stored<PersistentVolumeClaim> | undefined {
    return this.options.claims.indexer.get(key) as Stored<PersistentVolumeClaim> | undefined;
  }

  storageClass(name: string): StorageClass | undefined {
    return this.options.classes.indexer.get(name) as StorageClass | undefined;
  }

  private *syncClaimKey(key: string): Task<undefined> {
    const claim = this.claimByKey(key);
    if (claim) yield* syncClaim(this, claim);
    return undefined;
  }

  private *syncVolumeKey(key: string): Task<undefined> {
    const volume = this.volumeByName(key);
    if (volume) yield* syncVolume(this, volume);
    return undefined;
  }

  /** scheduleResync re-queues every claim and volume each period (pv_controller_base resync). */
  private scheduleResync(): void {
    const { sim, volumes, claims } = this.options;
    sim.after(PV_SYNC_PERIOD_MS, () => {
      for (const c of claims.indexer.list() as Stored<PersistentVolumeClaim>[]) this.claimQueue.add(`${c.metadata.namespace}/${c.metadata.name}`);
      for (const v of volumes.indexer.list() as Stored<PersistentVolume>[]) this.volumeQueue.add(v.metadata.name);
      this.scheduleResync();
    });
  }
}
