import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/object';
import type { SharedIndexInformer } from '../client/cache/sharedInformer';

/**
 * The pod informer index the workload controllers share (pkg/controller/controller_utils.go
 * PodControllerUIDIndex / OrphanPodIndexKey, used by FilterPodsByOwner): pods under their
 * controller's uid, pods without a controller under `<namespace>/_ORPHAN_POD`. A ReplicaSet sync
 * then reads its own pods and the orphans it might adopt instead of every pod in the namespace.
 */
export const POD_CONTROLLER_UID_INDEX = 'podControllerUID';
const ORPHAN_POD_INDEX_KEY = '_ORPHAN_POD';

/** orphanIndexKey is where a namespace's pods without a controller are indexed. */
export function orphanIndexKey(namespace: string | undefined): string {
  return `${namespace ?? ''}/${ORPHAN_POD_INDEX_KEY}`;
}

export function addPodControllerUIDIndex(pods: SharedIndexInformer<Pod>): void {
  if (pods.indexer.hasIndex(POD_CONTROLLER_UID_INDEX)) return;
  pods.addIndexers({
    [POD_CONTROLLER_UID_INDEX]: (pod) => {
      const ref = pod.metadata.ownerReferences?.find((o) => o.controller);
      return [ref ? ref.uid : orphanIndexKey(pod.metadata.namespace)];
    },
  });
}

/** filterPodsByOwner returns the owner's pods, plus the namespace's orphans when asked. */
export function filterPodsByOwner(pods: SharedIndexInformer<Pod>, owner: Stored<KubeObject>, includeOrphans: boolean): Stored<Pod>[] {
  const owned = pods.indexer.byIndex(POD_CONTROLLER_UID_INDEX, owner.metadata.uid ?? '') as Stored<Pod>[];
  if (!includeOrphans) return owned;
  const orphans = pods.indexer.byIndex(POD_CONTROLLER_UID_INDEX, orphanIndexKey(owner.metadata.namespace)) as Stored<Pod>[];
  return [...owned, ...orphans];
}
