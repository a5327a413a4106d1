// Mirrors kubernetes pkg/controller/volume/pvcprotection/pvc_protection_controller.go and
// pkg/controller/volume/pvprotection/pv_protection_controller.go (v1.32): a claim or volume
// being deleted keeps its protection finalizer while in use (a scheduled pod mounts the claim;
// the volume is Bound) and loses it when free, so the apiserver can remove it. A live object
// without the finalizer gets it.
import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { deepClone, type KubeObject, type Stored } from '../../../api/object';
import { claimNames, mountsClaim } from '../../../api/podClaims';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../../apiserver/admission/plugins/storageObjectInUseProtection';
import type { SharedIndexInformer } from '../../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../../client/workqueue/queue';
import { runWorkers } from '../../../client/workqueue/workers';
import type { Simulator } from '../../../sim/simulator';
import { wait, type Task } from '../../../sim/task';
import { waitForCacheSync } from '../../cacheSync';
import { refOf, traceDecision } from '../../trace';
import { errorOf, isNotFound, type ControllerClient, type SyncError } from '../../types';

export const PVC_PROTECTION_CONTROLLER = 'persistentvolumeclaim-protection-controller';
export const PV_PROTECTION_CONTROLLER = 'persistentvolume-protection-controller';

/** podUsesClaim: a scheduled pod naming the claim in a volume (podUsesPVC; any phase). */
function podUsesClaim(pod: Pod, claim: PersistentVolumeClaim): boolean {
  return Boolean(pod.spec?.nodeName) && mountsClaim(pod, claim.metadata?.name);
}

/** setFinalizer adds or drops `finalizer` with an update of the whole object. */
function* setFinalizer(client: ControllerClient, resource: string, obj: Stored<KubeObject>, finalizer: string, present: boolean): Task<SyncError> {
  const next = deepClone(obj);
  const finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  next.metadata.finalizers = present ? [...finalizers, finalizer] : finalizers;
  const result = yield* wait(client.update(resource, next));
  return result.ok || isNotFound(result) ? undefined : errorOf(result);
}

export interface PVCProtectionOptions {
  sim: Simulator;
  client: ControllerClient;
  claims: SharedIndexInformer<PersistentVolumeClaim>;
  pods: SharedIndexInformer<Pod>;
}

export class PVCProtectionController {
  readonly queue: RateLimitingQueue;

  constructor(private readonly options: PVCProtectionOptions) {
    this.queue = new RateLimitingQueue(options.sim, 'pvcprotection', PVC_PROTECTION_CONTROLLER);
    const enqueue = (c: Stored<PersistentVolumeClaim>) => this.queue.add(`${c.metadata.namespace}/${c.metadata.name}`);
    options.claims.addEventHandler({ add: enqueue, update: (_old, c) => enqueue(c) });
    // A pod going away (or finishing scheduling) may free or pin the claims it names.
    const podClaims = (pod: Stored<Pod>) => {
      for (const name of claimNames(pod)) this.queue.add(`${pod.metadata.namespace}/${name}`);
    };
    options.pods.addEventHandler({ add: podClaims, update: (_old, p) => podClaims(p), delete: podClaims });
  }

  run(workers = 1): void {
    const { sim, claims, pods } = this.options;
    waitForCacheSync(sim, [claims, pods]).then(() => runWorkers(sim, this.queue, workers, PVC_PROTECTION_CONTROLLER, (key) => this.processPVC(key)));
  }

  *processPVC(key: string): Task<SyncError> {
    const { client, claims, pods, sim } = this.options;
    const claim = claims.indexer.get(key) as Stored<PersistentVolumeClaim> | undefined;
    if (!claim) return undefined;
    const has = (claim.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER);
    if (!claim.metadata.deletionTimestamp) return has ? undefined : yield* setFinalizer(client, 'persistentvolumeclaims', claim, PVC_PROTECTION_FINALIZER, true);
    if (!has) return undefined;
    const inUse = (pods.indexer.list() as Stored<Pod>[]).some((p) => p.metadata.namespace === claim.metadata.namespace && podUsesClaim(p, claim));
    if (inUse) return undefined;
    traceDecision(sim, PVC_PROTECTION_CONTROLLER, 'pvcprotection.release', refOf(claim));
    return yield* setFinalizer(client, 'persistentvolumeclaims', claim, PVC_PROTECTION_FINALIZER, false);
  }
}

export interface PVProtectionOptions {
  sim: Simulator;
  client: ControllerClient;
  volumes: SharedIndexInformer<PersistentVolume>;
}

export class PVProtectionController {
  readonly queue: RateLimitingQueue;

  constructor(private readonly options: PVProtectionOptions) {
    this.queue = new RateLimitingQueue(options.sim, 'pvprotection', PV_PROTECTION_CONTROLLER);
    options.volumes.addEventHandler({ add: (v) => this.queue.add(v.metadata.name), update: (_old, v) => this.queue.add(v.metadata.name) });
  }

  run(workers = 1): void {
    const { sim, volumes } = this.options;
    waitForCacheSync(sim, [volumes]).then(() => runWorkers(sim, this.queue, workers, PV_PROTECTION_CONTROLLER, (key) => this.processPV(key)));
  }

  *processPV(name: string): Task<SyncError> {
    const { client, volumes, sim } = this.options;
    const volume = volumes.indexer.get(name) as Stored<PersistentVolume> | undefined;
    if (!volume) return undefined;
    const has = (volume.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER);
    if (!volume.metadata.deletionTimestamp) return has ? undefined : yield* setFinalizer(client, 'persistentvolumes', volume, PV_PROTECTION_FINALIZER, true);
    // A Bound volume is in use (isBeingUsed); it is released once its claim is gone.
    if (!has || volume.status?.phase === 'Bound') return undefined;
    traceDecision(sim, PV_PROTECTION_CONTROLLER, 'pvprotection.release', refOf(volume));
    return yield* setFinalizer(client, 'persistentvolumes', volume, PV_PROTECTION_FINALIZER, false);
  }
}
