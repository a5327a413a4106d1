// Mirrors kubernetes pkg/controller/garbagecollector/operations.go and patch.go.

import type { ApiResult } from '../../apiserver/request';
import type { KubeObject, Stored } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import { Future } from '../../sim/future';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { traceDecision } from '../trace';
import { errorOf, isConflict, isNotFound, type ControllerClient, type SyncError } from '../types';
import type { ObjectIdentity } from './graph';

export const GARBAGE_COLLECTOR = 'garbage-collector-controller';
/** retry.DefaultBackoff.Steps: conflicts on finalizer removal are retried 4 times. */
const REMOVE_FINALIZER_ATTEMPTS = 4;

export type DeletionPropagation = 'Background' | 'Foreground' | 'Orphan';

/** GCOperations are the collector's API calls, addressed by identity (kind → resource). */
export class GCOperations {
  constructor(
    readonly sim: Simulator,
    private readonly client: ControllerClient,
  ) {}

  /** resourceOf maps an identity's kind to its plural resource and scope (the RESTMapper). */
  resourceOf(identity: ObjectIdentity): { resource: string; namespace: string | undefined } | undefined {
    const info = resourceForKind(identity.kind);
    if (!info) return undefined;
    return { resource: info.resource, namespace: info.namespaced ? identity.namespace : undefined };
  }

  /** getObject is a live GET (not the informer cache): ownership decisions must not use stale data. */
  getObject(identity: ObjectIdentity): Future<ApiResult<Stored<KubeObject>>> | undefined {
    const target = this.resourceOf(identity);
    return target && this.client.get(target.resource, target.namespace, identity.name);
  }

  /** deleteObject deletes with a UID precondition, so a recreated namesake is never hit. */
  *deleteObject(identity: ObjectIdentity, policy: DeletionPropagation): Task<SyncError> {
    const target = this.resourceOf(identity);
    if (!target) return `unable to map ${identity.apiVersion}/${identity.kind}`;
    traceDecision(this.sim, GARBAGE_COLLECTOR, 'gc.delete', refOfIdentity(identity), { propagationPolicy: policy });
    const result = yield* wait(this.client.delete(target.resource, target.namespace, identity.name, { preconditions: { uid: identity.uid }, propagationPolicy: policy }));
    return result.ok || isNotFound(result) ? undefined : errorOf(result);
  }

  /** deleteOwnerReferences removes owner references by UID (strategic merge `$patch: delete`). */
  *deleteOwnerReferences(identity: ObjectIdentity, ownerUIDs: string[]): Task<SyncError> {
    const target = this.resourceOf(identity);
    if (!target) return `unable to map ${identity.apiVersion}/${identity.kind}`;
    traceDecision(this.sim, GARBAGE_COLLECTOR, 'gc.removeOwnerReferences', refOfIdentity(identity), { owners: ownerUIDs });
    const patch = { metadata: { ownerReferences: ownerUIDs.map((uid) => ({ $patch: 'delete', uid })), uid: identity.uid } };
    const result = yield* wait(this.client.patch(target.resource, target.namespace, identity.name, 'strategic', patch));
    return result.ok || isNotFound(result) ? undefined : errorOf(result);
  }

  /**
   * removeFinalizer drops one finalizer with a merge patch that carries the resourceVersion it was
   * computed from (optimistic lock), re-reading and retrying on conflict.
   */
  *removeFinalizer(identity: ObjectIdentity, finalizer: string): Task<SyncError> {
    const target = this.resourceOf(identity);
    if (!target) return `unable to map ${identity.apiVersion}/${identity.kind}`;
    for (let attempt = 0; attempt < REMOVE_FINALIZER_ATTEMPTS; attempt++) {
      const latest = yield* wait(this.getObject(identity)!);
      if (isNotFound(latest)) return undefined;
      if (!latest.ok) return `cannot finalize owner ${identity.kind}/${identity.name}, because cannot get it: ${errorOf(latest)}. The garbage collector will retry later`;
      const finalizers = latest.object.metadata.finalizers ?? [];
      if (!finalizers.includes(finalizer)) return undefined;
      const remaining = finalizers.filter((f) => f !== finalizer);
      const patch = { metadata: { resourceVersion: latest.object.metadata.resourceVersion, finalizers: remaining.length > 0 ? remaining : null } };
      const result = yield* wait(this.client.patch(target.resource, target.namespace, identity.name, 'merge', patch));
      if (result.ok) traceDecision(this.sim, GARBAGE_COLLECTOR, 'gc.removeFinalizer', refOfIdentity(identity), { finalizer, attempts: attempt + 1 });
      if (!isConflict(result)) return result.ok || isNotFound(result) ? undefined : errorOf(result);
    }
    return `updateMaxRetries(${REMOVE_FINALIZER_ATTEMPTS}) has reached. The garbage collector will retry later for owner ${identity.kind}/${identity.name}`;
  }
}

export function refOfIdentity(identity: ObjectIdentity) {
  return { kind: identity.kind, namespace: identity.namespace || undefined, name: identity.name, uid: identity.uid };
}
