// Mirrors kubernetes pkg/controller/controller_ref_manager.go (BaseControllerRefManager.ClaimObject,
// ClaimPods, ClaimReplicaSets, AdoptX/ReleaseX patches).

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { matches, type Selector } from '../api/labels';
import type { KubeObject, Stored } from '../api/object';
import { wait, type Task } from '../sim/task';
import { getControllerOf } from './controllerUtils';
import { errorOf, isNotFound, type ControllerClient, type SyncError } from './types';

export interface ControllerRefManager {
  client: ControllerClient;
  /** Plural resource of the claimed objects (`pods`, `replicasets`). */
  resource: string;
  controller: Stored<KubeObject>;
  selector: Selector;
  /** controllerRef the controller puts on what it adopts. */
  controllerRef: OwnerReference;
  /** canAdopt re-checks the controller with a live read before the first adoption (RecheckDeletionTimestamp). */
  canAdopt: () => Task<SyncError>;
  /** filter narrows what counts as matching besides the selector (ClaimPods' filters: the StatefulSet's isMemberOf). */
  filter?: (obj: Stored<KubeObject>) => boolean;
}

/**
 * claimObjects returns the objects the controller owns after reconciling ownership: owned and
 * matching objects are kept, owned but no longer matching ones are released (ownerReference
 * removed), orphans that match are adopted (ownerReference added), and anything owned by another
 * controller is left alone. Adoption and release are strategic-merge patches on ownerReferences
 * (merge key uid), so they never overwrite a concurrent change.
 */
export function* claimObjects<T extends Stored<KubeObject>>(m: ControllerRefManager, objects: readonly T[]): Task<{ claimed: T[]; err: SyncError }> {
  const claimed: T[] = [];
  let adoptChecked: SyncError | 'unchecked' = 'unchecked';
  let firstErr: SyncError;
  const controllerDeleting = !!m.controller.metadata.deletionTimestamp;
  for (const obj of objects) {
    const ref = getControllerOf(obj);
    const selected = matches(m.selector, obj.metadata.labels) && (m.filter?.(obj) ?? true);
    if (ref) {
      if (ref.uid !== m.controller.metadata.uid) continue;
      if (selected) {
        claimed.push(obj);
        continue;
      }
      if (controllerDeleting) continue;
      firstErr ??= yield* release(m, obj);
      continue;
    }
    if (controllerDeleting || !selected || obj.metadata.deletionTimestamp) continue;
    if (adoptChecked === 'unchecked') adoptChecked = yield* m.canAdopt();
    if (adoptChecked !== undefined) {
      firstErr ??= adoptChecked;
      continue;
    }
    const adopted = yield* adopt(m, obj);
    if (adopted.err) firstErr ??= adopted.err;
    else if (adopted.obj) claimed.push(adopted.obj as T);
  }
  return { claimed, err: firstErr };
}

function* adopt(m: ControllerRefManager, obj: Stored<KubeObject>): Task<{ obj?: Stored<KubeObject>; err: SyncError }> {
  const patch = { metadata: { ownerReferences: [m.controllerRef], uid: obj.metadata.uid } };
  const result = yield* wait(m.client.patch(m.resource, obj.metadata.namespace, obj.metadata.name, 'strategic', patch));
  if (result.ok) return { obj: result.object, err: undefined };
  return { err: isNotFound(result) ? undefined : errorOf(result) };
}

function* release(m: ControllerRefManager, obj: Stored<KubeObject>): Task<SyncError> {
  const patch = { metadata: { ownerReferences: [{ $patch: 'delete', uid: m.controller.metadata.uid }], uid: obj.metadata.uid } };
  const result = yield* wait(m.client.patch(m.resource, obj.metadata.namespace, obj.metadata.name, 'strategic', patch));
  return result.ok || isNotFound(result) ? undefined : errorOf(result);
}

/**
 * recheckDeletionTimestamp is controller.RecheckDeletionTimestamp: a live GET of the controller
 * must show the same UID and no deletionTimestamp before anything is adopted.
 */
export function recheckDeletionTimestamp(client: ControllerClient, resource: string, controller: Stored<KubeObject>): () => Task<SyncError> {
  return function* () {
    const fresh = yield* wait(client.get(resource, controller.metadata.namespace, controller.metadata.name));
    if (!fresh.ok) return errorOf(fresh);
    const { namespace, name, uid } = controller.metadata;
    if (fresh.object.metadata.uid !== uid) return `original ${controller.kind ?? resource} ${namespace}/${name} is gone: got uid ${fresh.object.metadata.uid}, wanted ${uid}`;
    if (fresh.object.metadata.deletionTimestamp) return `${namespace}/${name} has just been deleted at ${fresh.object.metadata.deletionTimestamp}`;
    return undefined;
  };
}
