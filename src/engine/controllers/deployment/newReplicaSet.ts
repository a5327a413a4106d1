// Mirrors kubernetes pkg/controller/deployment/sync.go getNewReplicaSet.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepClone, type Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { getControllerOf, newControllerRef } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isAlreadyExists, NAMESPACE_TERMINATING_CAUSE, type SyncError } from '../types';
import { DEPLOYMENT_CONTROLLER, type DeploymentController } from './deploymentController';
import { updateDeploymentStatus } from './status';
import { maxRevision, REVISION_ANNOTATION, setDeploymentRevision, setNewReplicaSetAnnotations } from './util/annotations';
import {
  FAILED_RS_CREATE_REASON, FOUND_NEW_RS_REASON, getDeploymentCondition, NEW_REPLICA_SET_REASON, newDeploymentCondition, setDeploymentCondition,
} from './util/conditions';
import { hasProgressDeadline, minReadySecondsOf } from './util/defaults';
import { maxSurge, newRSNewReplicas } from './util/fenceposts';
import { computeHash } from './util/hash';
import { DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY, equalIgnoreHash, findNewReplicaSet } from './util/replicaSetUtil';

export interface NewReplicaSetResult {
  rs?: Stored<ReplicaSet>;
  err: SyncError;
}

/**
 * getNewReplicaSet returns the ReplicaSet running the deployment's current template. An existing
 * one gets its annotations synced and its revision raised to max(old revisions)+1 (this is also
 * what a rollback looks like: `kubectl rollout undo` puts an old template back, the old RS is
 * found again and gets the newest revision). Otherwise, when asked, it creates
 * `<deployment>-<pod-template-hash>` with the hash in its labels, selector and template.
 */
export function* getNewReplicaSet(dc: DeploymentController, d: Stored<Deployment>, rsList: Stored<ReplicaSet>[], oldRSs: Stored<ReplicaSet>[], createIfNotExisted: boolean): Task<NewReplicaSetResult> {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) return yield* syncExistingNewReplicaSet(dc, d, existing, newRevision);
  if (!createIfNotExisted) return { err: undefined };
  return yield* createNewReplicaSet(dc, d, oldRSs, newRevision);
}

function* syncExistingNewReplicaSet(dc: DeploymentController, d: Stored<Deployment>, existing: Stored<ReplicaSet>, newRevision: string): Task<NewReplicaSetResult> {
  const rsCopy = deepClone(existing);
  const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, maxSurge(d));
  const minReadySecondsNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySecondsOf(d);
  if (annotationsUpdated || minReadySecondsNeedsUpdate) {
    rsCopy.spec = { ...rsCopy.spec!, minReadySeconds: d.spec?.minReadySeconds };
    traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.syncRevision', refOf(d), { replicaSet: rsCopy.metadata.name, revision: rsCopy.metadata.annotations?.[REVISION_ANNOTATION] });
    const updated = yield* wait(dc.client.update('replicasets', rsCopy));
    return updated.ok ? { rs: updated.object as Stored<ReplicaSet>, err: undefined } : { err: errorOf(updated) };
  }
  let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
    const message = `Found new replica set "${rsCopy.metadata.name}"`;
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', FOUND_NEW_RS_REASON, message, dc.now()));
    needsUpdate = true;
  }
  if (needsUpdate) {
    const err = yield* updateDeploymentStatus(dc, d);
    if (err) return { err };
  }
  return { rs: rsCopy, err: undefined };
}

/** newReplicaSetFor builds the RS object for the deployment's template (replicas still 0). */
export function newReplicaSetFor(d: Deployment): ReplicaSet {
  const template = deepClone(d.spec!.template);
  const hash = computeHash(template, d.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash };
  template.metadata = { ...template.metadata, labels };
  const selector = { ...d.spec!.selector, matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash } };
  const spec: ReplicaSet['spec'] = { replicas: 0, selector, template };
  if (d.spec?.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: `${d.metadata!.name}-${hash}`, namespace: d.metadata!.namespace, labels: { ...labels }, ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')] },
    spec,
  };
}

function* createNewReplicaSet(dc: DeploymentController, d: Stored<Deployment>, oldRSs: Stored<ReplicaSet>[], newRevision: string): Task<NewReplicaSetResult> {
  const newRS = newReplicaSetFor(d);
  const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  if (!count.ok) return { err: count.error };
  newRS.spec!.replicas = count.value;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxSurge(d));
  const name = newRS.metadata!.name!;
  const created = yield* wait(dc.client.create('replicasets', newRS));
  let createdRS: Stored<ReplicaSet> | undefined = created.ok ? (created.object as Stored<ReplicaSet>) : undefined;
  const alreadyExists = isAlreadyExists(created);
  if (alreadyExists) {
    const found = yield* adoptExistingOrCollide(dc, d, name);
    if (!found.rs) return { err: found.err ?? errorOf(created) };
    createdRS = found.rs;
  } else if (!created.ok) {
    if (hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE)) return { err: errorOf(created) };
    return yield* reportCreateError(dc, d, name, errorOf(created)!);
  }
  if (!alreadyExists) {
    traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.createReplicaSet', refOf(d), { replicaSet: name, replicas: count.value, revision: newRevision });
    if (count.value > 0) dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${count.value}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'True', NEW_REPLICA_SET_REASON, `Created new replica set "${name}"`, dc.now()));
    needsUpdate = true;
  }
  const err = needsUpdate ? yield* updateDeploymentStatus(dc, d) : undefined;
  return { rs: createdRS, err };
}

/**
 * adoptExistingOrCollide handles AlreadyExists: our own RS with our template (a stale cache) is
 * the new RS; anything else is a hash collision, so status.collisionCount is bumped and the next
 * sync computes a different hash.
 */
function* adoptExistingOrCollide(dc: DeploymentController, d: Stored<Deployment>, name: string): Task<NewReplicaSetResult> {
  const rs = dc.replicaSets.indexer.get(`${d.metadata.namespace}/${name}`) as Stored<ReplicaSet> | undefined;
  if (!rs) return { err: `replicaset.apps "${name}" not found` };
  const ref = getControllerOf(rs);
  if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) return { rs, err: undefined };
  const before = d.status?.collisionCount ?? 0;
  d.status = { ...d.status, collisionCount: before + 1 };
  traceDecision(dc.sim, DEPLOYMENT_CONTROLLER, 'deployment.hashCollision', refOf(d), { replicaSet: name, collisionCount: before + 1 });
  yield* wait(dc.client.updateStatus('deployments', d));
  return { err: undefined };
}

function* reportCreateError(dc: DeploymentController, d: Stored<Deployment>, name: string, err: string): Task<NewReplicaSetResult> {
  const message = `Failed to create new replica set "${name}": ${err}`;
  if (hasProgressDeadline(d)) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, message, dc.now()));
    yield* wait(dc.client.updateStatus('deployments', d));
  }
  dc.recorder.event(d, 'Warning', FAILED_RS_CREATE_REASON, message);
  return { err };
}
