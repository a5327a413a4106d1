// Mirrors kubernetes pkg/controller/deployment/deployment_controller.go
// (getReplicaSetsForDeployment, getPodMapForDeployment).

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { getControllerOf, newControllerRef } from '../controllerUtils';
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
  const podMap: PodMap = new Map(rsList.map((rs) => [rs.metadata.uid ?? '', []]));
  for (const pod of dc.pods.indexer.byIndex('namespace', d.metadata?.namespace ?? '') as Stored<Pod>[]) {
    if (!matches(selector, pod.metadata.labels)) continue;
    const ref = getControllerOf(pod);
    if (!ref) continue;
    podMap.get(ref.uid)?.push(pod);
  }
  return podMap;
}
