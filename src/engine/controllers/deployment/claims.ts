// Mirrors kubernetes pkg/controller/deployment/deployment_controller.go
// (getReplicaSetsForDeployment, getPodMapForDeployment).

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { newControllerRef } from '../controllerUtils';
import { POD_CONTROLLER_UID_INDEX } from '../podIndex';
import type { SyncError } from '../types';
import type { DeploymentController } from './deploymentController';

/** PodMap groups a deployment's pods by the UID of the ReplicaSet that controls them. */
export type PodMap = Map<string, Stored<Pod>[]>;

/**
 * getReplicaSetsForDeployment lists the namespace's ReplicaSets and reconciles ownership: the
 * deployment keeps those it controls and still selects, adopts matching orphans and releases
 * the ones it no longer selects.
 */
export function* getReplicaSetsForDeployment(dc: DeploymentController, d: Stored<Deployment>): Task<{ claimed: Stored<ReplicaSet>[]; err: SyncError }> {
  const all = dc.replicaSets.indexer.byIndex('namespace', d.metadata.namespace ?? '') as Stored<ReplicaSet>[];
  return yield* claimObjects(
    {
      client: dc.client,
      resource: 'replicasets',
      controller: d,
      selector: fromLabelSelector(d.spec?.selector),
      controllerRef: newControllerRef(d, 'apps/v1', 'Deployment'),
      canAdopt: recheckDeletionTimestamp(dc.client, 'deployments', d),
    },
    all,
  );
}

/**
 * getPodMapForDeployment returns the deployment's pods grouped by owning ReplicaSet (every RS gets
 * an entry, possibly empty). Recreate uses it to wait until no old pod runs.
 */
export function getPodMapForDeployment(dc: DeploymentController, d: Deployment, rsList: readonly Stored<ReplicaSet>[]): PodMap {
  const selector = fromLabelSelector(d.spec?.selector);
  // The namespace's pods the selector matches, grouped by controller uid — read per RS from the
  // controller-uid index (same pods: one RS's pods all carry its uid and live in its namespace).
  const podMap: PodMap = new Map();
  for (const rs of rsList) {
    const uid = rs.metadata.uid ?? '';
    const owned = dc.pods.indexer.byIndex(POD_CONTROLLER_UID_INDEX, uid) as Stored<Pod>[];
    podMap.set(uid, owned.filter((pod) => pod.metadata.namespace === d.metadata?.namespace && matches(selector, pod.metadata.labels)));
  }
  return podMap;
}
