// Mirrors kubernetes pkg/controller/statefulset/stateful_pod_control.go (v1.32): creating a pod
// after its claims, keeping its identity and storage, deleting it, the claims' retention-policy
// owner references, and the events (`create Pod web-0 in StatefulSet web successful`).

import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { wait, type Task } from '../../sim/task';
import { errorOf, isAlreadyExists, isConflict, isNotFound, type ControllerClient, type SyncError } from '../types';
import { getPersistentVolumeClaimRetentionPolicy, hasStaleOwnerRef, isClaimOwnerUpToDate, POD_KIND, updateClaimOwnerRefForSetAndPod } from './claimRetention';
import { getOrdinal, getPersistentVolumeClaimName, getPersistentVolumeClaims, identityMatches, storageMatches, updateIdentity, updateStorage } from './statefulSetUtils';

/** UPDATE_RETRY_STEPS is retry.DefaultBackoff's Steps (4 attempts on conflict). */
const UPDATE_RETRY_STEPS = 4;

type Verb = 'create' | 'update' | 'delete';

/** aggregate is utilerrors.NewAggregate(...).Error(): one message alone, several as `[a, b]`. */
export function aggregate(errs: readonly string[]): SyncError {
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/**
 * StatefulPodControl creates, updates and deletes a StatefulSet's pods and claims through the
 * controller's client, reading pods and claims from the informer caches.
 */
export class StatefulPodControl {
  constructor(
    private readonly client: ControllerClient,
    private readonly pods: SharedIndexInformer<Pod>,
    private readonly claims: SharedIndexInformer<PersistentVolumeClaim>,
    private readonly recorder: EventRecorder,
  ) {}

  /** createStatefulPod creates the pod's claims, then the pod; AlreadyExists is returned without an event. */
  *createStatefulPod(set: Stored<StatefulSet>, pod: Pod): Task<SyncError> {
    const claimsErr = yield* this.createPersistentVolumeClaims(set, pod);
    if (claimsErr) {
      this.recordPodEvent('create', set, pod, claimsErr);
      return claimsErr;
    }
    const created = yield* wait(this.client.create<Pod>('pods', pod));
    if (isAlreadyExists(created)) return errorOf(created);
    const retentionErr = yield* this.updatePodClaimForRetentionPolicy(set, pod);
    if (retentionErr) {
      this.recordPodEvent('update', set, pod, retentionErr);
      return retentionErr;
    }
    this.recordPodEvent('create', set, pod, errorOf(created));
    return errorOf(created);
  }

  /**
   * updateStatefulPod restores a pod's identity, storage and claim owners when they drifted, and
   * writes it, re-reading the cached pod on a conflict (retry.RetryOnConflict, 4 attempts).
   */
  *updateStatefulPod(set: Stored<StatefulSet>, original: Pod): Task<SyncError> {
    let pod = deepClone(original);
    let attemptedUpdate = false;
    let err: SyncError;
    for (let attempt = 0; attempt < UPDATE_RETRY_STEPS; attempt++) {
      let consistent = true;
      if (!identityMatches(set, pod)) {
        updateIdentity(set, pod);
        consistent = false;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, pod);
        consistent = false;
        const claimsErr = yield* this.createPersistentVolumeClaims(set, pod);
        if (claimsErr) {
          this.recordPodEvent('update', set, pod, claimsErr);
          return claimsErr;
        }
      }
      const matched = yield* this.claimsMatchRetentionPolicy(set, pod);
      if (matched.err) {
        this.recordPodEvent('update', set, pod, matched.err);
        return matched.err;
      }
      if (!matched.match) {
        const retentionErr = yield* this.updatePodClaimForRetentionPolicy(set, pod);
        if (retentionErr) {
          this.recordPodEvent('update', set, pod, retentionErr);
          return retentionErr;
        }
        consistent = false;
      }
      if (consistent) return undefined;
      attemptedUpdate = true;
      const updated = yield* wait(this.client.update<Pod>('pods', pod));
      err = errorOf(updated);
      if (updated.ok || !isConflict(updated)) break;
      const cached = this.pods.indexer.get(`${set.metadata.namespace}/${pod.metadata?.name}`) as Pod | undefined;
      if (cached) pod = deepClone(cached);
    }
    if (attemptedUpdate) this.recordPodEvent('update', set, pod, err);
    return err;
  }

  /** deleteStatefulPod deletes the pod and records the outcome, NotFound included. */
  *deleteStatefulPod(set: Stored<StatefulSet>, pod: Pod): Task<{ err: SyncError; notFound: boolean }> {
    const deleted = yield* wait(this.client.delete('pods', pod.metadata?.namespace, pod.metadata?.name ?? ''));
    const err = errorOf(deleted);
    this.recordPodEvent('delete', set, pod, err);
    return { err, notFound: isNotFound(deleted) };
  }

  /** claimsMatchRetentionPolicy: every existing claim of the pod has the owners the policy wants. */
  *claimsMatchRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): Task<{ match: boolean; err: SyncError }> {
    for (const claim of this.existingClaims(set, pod)) {
      if (!isClaimOwnerUpToDate(claim, set, pod)) return { match: false, err: undefined };
    }
    return { match: true, err: undefined };
  }

  /** updatePodClaimForRetentionPolicy rewrites the owner references of the pod's claims that do not match the policy. */
  *updatePodClaimForRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): Task<SyncError> {
    for (const claim of this.existingClaims(set, pod)) {
      if (isClaimOwnerUpToDate(claim, set, pod)) continue;
      const ownerReferences = updateClaimOwnerRefForSetAndPod(claim, set, pod);
      const updated = yield* wait(this.client.update<PersistentVolumeClaim>('persistentvolumeclaims', { ...claim, metadata: { ...claim.metadata, ownerReferences } }));
      if (!updated.ok) return `Could not update claim ${claim.metadata?.name} for delete policy ownerRefs: ${errorOf(updated)}`;
    }
    return undefined;
  }

  /**
   * podClaimIsStale: with whenScaled Delete, a claim still owned by an earlier pod of the same name
   * blocks creating the pod until the garbage collector has removed it.
   */
  podClaimIsStale(set: Stored<StatefulSet>, pod: Pod): boolean {
    if (getPersistentVolumeClaimRetentionPolicy(set).whenScaled === 'Retain') return false;
    return [...getPersistentVolumeClaims(set, pod).values()].some((claim) => {
      const cached = this.getClaim(claim.metadata?.namespace, claim.metadata?.name ?? '');
      return !!cached && hasStaleOwnerRef(cached, pod, POD_KIND);
    });
  }

  /** createMissingPersistentVolumeClaims is run for pending pods: claims deleted under them are recreated. */
  *createMissingPersistentVolumeClaims(set: Stored<StatefulSet>, pod: Pod): Task<SyncError> {
    const err = yield* this.createPersistentVolumeClaims(set, pod);
    if (err) return err;
    const retentionErr = yield* this.updatePodClaimForRetentionPolicy(set, pod);
    if (retentionErr) this.recordPodEvent('update', set, pod, retentionErr);
    return retentionErr;
  }

  /**
   * createPersistentVolumeClaims creates the pod's claims missing from the cache; a claim being
   * deleted is an error (the pod must wait for a fresh one).
   */
  *createPersistentVolumeClaims(set: Stored<StatefulSet>, pod: Pod): Task<SyncError> {
    const errs: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, pod).values()) {
      const cached = this.getClaim(claim.metadata?.namespace, claim.metadata?.name ?? '');
      if (cached) {
        if (cached.metadata?.deletionTimestamp) errs.push(`pvc ${claim.metadata?.name} is being deleted`);
        continue;
      }
      const created = yield* wait(this.client.create<PersistentVolumeClaim>('persistentvolumeclaims', claim));
      if (!created.ok) errs.push(`failed to create PVC ${claim.metadata?.name}: ${errorOf(created)}`);
      if (created.ok || !isAlreadyExists(created)) this.recordClaimEvent('create', set, pod, claim, errorOf(created));
    }
    return aggregate(errs);
  }

  private existingClaims(set: StatefulSet, pod: Pod): PersistentVolumeClaim[] {
    const ordinal = getOrdinal(pod);
    return (set.spec?.volumeClaimTemplates ?? [])
      .map((template) => this.getClaim(set.metadata?.namespace, getPersistentVolumeClaimName(set, template, ordinal)))
      .filter((claim): claim is PersistentVolumeClaim => claim !== undefined);
  }

  private getClaim(namespace: string | undefined, name: string): PersistentVolumeClaim | undefined {
    return this.claims.indexer.get(`${namespace ?? ''}/${name}`) as PersistentVolumeClaim | undefined;
  }

  /** recordPodEvent: `<verb> Pod <pod> in StatefulSet <set> successful`, or `… failed error: <err>` as a Warning. */
  private recordPodEvent(verb: Verb, set: Stored<StatefulSet>, pod: Pod, err: SyncError): void {
    const podName = pod.metadata?.name ?? '';
    if (err === undefined) this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${podName} in StatefulSet ${set.metadata.name} successful`);
    else this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${err}`);
  }

  /** recordClaimEvent: `create Claim www-web-0 Pod web-0 in StatefulSet web success` (sic: "success"). */
  private recordClaimEvent(verb: Verb, set: Stored<StatefulSet>, pod: Pod, claim: PersistentVolumeClaim, err: SyncError): void {
    const claimName = claim.metadata?.name ?? '';
    const podName = pod.metadata?.name ?? '';
    if (err === undefined) this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${claimName} Pod ${podName} in StatefulSet ${set.metadata.name} success`);
    else this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${claimName} for Pod ${podName} in StatefulSet ${set.metadata.name} failed error: ${err}`);
  }
}

function title(verb: Verb): string {
  return verb[0].toUpperCase() + verb.slice(1);
}
