// Mirrors kubernetes pkg/controller/deployment/sync.go (syncDeploymentStatus, calculateStatus).

import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { jsonEqual } from '../equality';
import { errorOf, type SyncError } from '../types';
import type { DeploymentController } from './deploymentController';
import { MINIMUM_REPLICAS_AVAILABLE, MINIMUM_REPLICAS_UNAVAILABLE, newDeploymentCondition, setDeploymentCondition } from './util/conditions';
import { deploymentReplicas } from './util/defaults';
import { maxUnavailable } from './util/fenceposts';
import {
  getActualReplicaCountForReplicaSets, getAvailableReplicaCountForReplicaSets, getReadyReplicaCountForReplicaSets, getReplicaCountForReplicaSets,
} from './util/replicaSetUtil';

type MaybeRS = ReplicaSet | undefined;

/**
 * calculateStatus derives the deployment's status from its ReplicaSets. `replicas` counts pods
 * that exist (RS status), `unavailableReplicas` counts pods wanted (RS spec) minus available, so
 * during a surge it can briefly exceed spec.replicas. Zero counts are omitted, as the API's
 * `omitempty` drops them.
 */
export function calculateStatus(allRSs: readonly MaybeRS[], newRS: MaybeRS, d: Deployment, now: string): DeploymentStatus {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs);
  const totalReplicas = getReplicaCountForReplicaSets(allRSs);
  const status: DeploymentStatus = omitZero({
    observedGeneration: d.metadata?.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas: Math.max(0, totalReplicas - availableReplicas),
  });
  if (d.status?.conditions?.length) status.conditions = [...d.status.conditions];
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (availableReplicas >= deploymentReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
  }
  return status;
}

function omitZero(status: Record<string, number | undefined>): DeploymentStatus {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(status)) if (value) out[key] = value;
  return out as DeploymentStatus;
}

/** syncDeploymentStatus writes the calculated status when it differs from the stored one. */
export function* syncDeploymentStatus(dc: DeploymentController, allRSs: readonly MaybeRS[], newRS: MaybeRS, d: Stored<Deployment>): Task<SyncError> {
  const newStatus = calculateStatus(allRSs, newRS, d, dc.now());
  if (jsonEqual(d.status ?? {}, newStatus)) return undefined;
  d.status = newStatus;
  return yield* updateDeploymentStatus(dc, d);
}

/**
 * updateDeploymentStatus is UpdateStatus with the working copy `d`. The status subresource of
 * apps/v1 Deployments also stores metadata.annotations (its strategy only resets spec and labels),
 * which is how the revision annotation reaches the Deployment.
 */
export function* updateDeploymentStatus(dc: DeploymentController, d: Stored<Deployment>): Task<SyncError> {
  const result = yield* wait(dc.client.updateStatus('deployments', d));
  return result.ok ? undefined : errorOf(result);
}
