// Mirrors kubernetes pkg/controller/history/controller_history.go: the ControllerRevisions the
// DaemonSet and StatefulSet controllers keep as their rollout history.

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { matches, type Selector } from '../../api/labels';
import type { KubeObject, Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { wait, type Task } from '../../sim/task';
import { byCreationTimestamp, getControllerOf, newControllerRef } from '../controllerUtils';
import { safeEncodeString, utf8 } from '../deployment/util/hash';
import { errorOf, isAlreadyExists, isNotFound, type ControllerClient, type SyncError } from '../types';
import { goMarshalSorted } from './goMarshal';

/** CONTROLLER_REVISION_HASH_LABEL is history.ControllerRevisionHashLabel. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

/** controllerRevisionName is `prefix-hash`, the prefix cut to 223 bytes so the name fits 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** fnv32 is the 32-bit FNV-1 hash (hash/fnv New32: multiply, then xor; not the 1a variant). */
export function fnv32(bytes: ArrayLike<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) h = (Math.imul(h, 0x01000193) ^ bytes[i]) >>> 0;
  return h;
}

/** revisionRaw is the revision's Data.Raw: the JSON bytes a Go client would send (keys sorted). */
export function revisionRaw(revision: ControllerRevision): string {
  return revision.data === undefined ? '' : goMarshalSorted(revision.data);
}

/**
 * hashControllerRevision is FNV-1 over Data.Raw, then the decimal collision count (the probe) when
 * given, printed in decimal and safe-encoded: the `controller-revision-hash` pods carry.
 */
export function hashControllerRevision(revision: ControllerRevision, probe?: number): string {
  let h = fnv32(utf8(revisionRaw(revision)));
  if (probe !== undefined) h = fnv32(utf8(String(probe)), h);
  return safeEncodeString(String(h));
}

/**
 * newControllerRevision builds an (unnamed-yet) revision owned by `parent`: the template's labels
 * plus the hash label, the data and the revision number; named `<parent>-<hash>`.
 */
export function newControllerRevision(parent: Stored<KubeObject>, apiVersion: string, kind: string, templateLabels: Record<string, string> | undefined, data: unknown, revision: number, collisionCount: number | undefined): ControllerRevision {
  const cr: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { labels: { ...(templateLabels ?? {}) }, ownerReferences: [newControllerRef(parent, apiVersion, kind)] },
    data: data as ControllerRevision['data'],
    revision,
  };
  const hash = hashControllerRevision(cr, collisionCount);
  cr.metadata!.name = controllerRevisionName(parent.metadata.name, hash);
  cr.metadata!.labels![CONTROLLER_REVISION_HASH_LABEL] = hash;
  return cr;
}

/** sortControllerRevisions orders by revision, then creation time, then name (byRevision). */
export function sortControllerRevisions<T extends ControllerRevision>(revisions: T[]): T[] {
  return revisions.sort((a, b) => a.revision - b.revision || byCreationTimestamp(a, b) || ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : (a.metadata?.name ?? '') > (b.metadata?.name ?? '') ? 1 : 0));
}

/** equalRevision: same hash label (when both parse) and byte-equal data. */
export function equalRevision(lhs: ControllerRevision | undefined, rhs: ControllerRevision | undefined): boolean {
  if (!lhs || !rhs) return lhs === rhs;
  const lh = lhs.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  const rh = rhs.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
  // Upstream parses both as int32; safe-encoded hashes never parse, so this check rarely applies.
  if (lh !== undefined && rh !== undefined && /^-?\d+$/.test(lh) && /^-?\d+$/.test(rh) && Number(lh) !== Number(rh)) return false;
  return revisionRaw(lhs) === revisionRaw(rhs);
}

/** findEqualRevisions keeps the revisions equal to `needle`, in order. */
export function findEqualRevisions<T extends ControllerRevision>(revisions: readonly T[], needle: ControllerRevision): T[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

/**
 * History is history.realHistory: ControllerRevisions read from the informer cache and written
 * through the controller's client.
 */
export class History {
  constructor(
    private readonly client: ControllerClient,
    private readonly revisions: SharedIndexInformer<ControllerRevision>,
  ) {}

  /** listControllerRevisions: revisions in the parent's namespace matching `selector`, owned by it or by nobody. */
  listControllerRevisions(parent: Stored<KubeObject>, selector: Selector): Stored<ControllerRevision>[] {
    const all = this.revisions.indexer.byIndex('namespace', parent.metadata.namespace ?? '') as Stored<ControllerRevision>[];
    return all.filter((r) => {
      if (!matches(selector, r.metadata.labels)) return false;
      const ref = getControllerOf(r);
      return !ref || ref.uid === parent.metadata.uid;
    });
  }

  /**
   * createControllerRevision creates `revision` named by its hash with the collision count; on a
   * name clash with different data it bumps the count and tries the next name. Returns the count
   * as it ended (the caller stores it in status.collisionCount).
   */
  *createControllerRevision(parent: Stored<KubeObject>, revision: ControllerRevision, collisionCount: number): Task<{ revision?: Stored<ControllerRevision>; collisionCount: number; err: SyncError }> {
    const namespace = parent.metadata.namespace;
    for (;;) {
      const hash = hashControllerRevision(revision, collisionCount);
      const clone: ControllerRevision = { ...revision, metadata: { ...revision.metadata, name: controllerRevisionName(parent.metadata.name, hash), namespace } };
      const created = yield* wait(this.client.create<ControllerRevision>('controllerrevisions', clone));
      if (created.ok) return { revision: created.object, collisionCount, err: undefined };
      if (!isAlreadyExists(created)) return { collisionCount, err: errorOf(created) };
      const exists = yield* wait(this.client.get<ControllerRevision>('controllerrevisions', namespace, clone.metadata!.name!));
      if (!exists.ok) return { collisionCount, err: errorOf(exists) };
      if (revisionRaw(exists.object) === revisionRaw(clone)) return { revision: exists.object, collisionCount, err: undefined };
      collisionCount++;
    }
  }

  /** updateControllerRevision sets `revision` to newRevision (one retry from the cache on conflict). */
  *updateControllerRevision(revision: Stored<ControllerRevision>, newRevision: number): Task<{ revision?: Stored<ControllerRevision>; err: SyncError }> {
    if (revision.revision === newRevision) return { revision, err: undefined };
    let current = revision;
    for (let attempt = 0; attempt < 5; attempt++) {
      const updated = yield* wait(this.client.update<ControllerRevision>('controllerrevisions', { ...current, revision: newRevision }));
      if (updated.ok) return { revision: updated.object, err: undefined };
      const cached = this.revisions.indexer.get(`${current.metadata.namespace}/${current.metadata.name}`) as Stored<ControllerRevision> | undefined;
      if (!cached) return { err: errorOf(updated) };
      current = cached;
    }
    return { err: `update of ControllerRevision ${revision.metadata.name} kept conflicting` };
  }

  *deleteControllerRevision(revision: Stored<ControllerRevision>): Task<SyncError> {
    const deleted = yield* wait(this.client.delete('controllerrevisions', revision.metadata.namespace, revision.metadata.name));
    return deleted.ok || isNotFound(deleted) ? undefined : errorOf(deleted);
  }

  /** adoptControllerRevision adds the parent's controllerRef (strategic merge on ownerReferences). */
  *adoptControllerRevision(parent: Stored<KubeObject>, apiVersion: string, kind: string, revision: Stored<ControllerRevision>): Task<{ revision?: Stored<ControllerRevision>; err: SyncError }> {
    const owner = getControllerOf(revision);
    if (owner) return { err: `attempt to adopt revision owned by ${JSON.stringify(owner)}` };
    const ref: OwnerReference = newControllerRef(parent, apiVersion, kind);
    const patched = yield* wait(this.client.patch<ControllerRevision>('controllerrevisions', revision.metadata.namespace, revision.metadata.name, 'strategic', { metadata: { ownerReferences: [ref], uid: revision.metadata.uid } }));
    return patched.ok ? { revision: patched.object, err: undefined } : { err: errorOf(patched) };
  }

  /** releaseControllerRevision removes the parent's ownerReference; NotFound and Invalid are ignored. */
  *releaseControllerRevision(parent: Stored<KubeObject>, revision: Stored<ControllerRevision>): Task<SyncError> {
    const patched = yield* wait(this.client.patch('controllerrevisions', revision.metadata.namespace, revision.metadata.name, 'strategic', { metadata: { ownerReferences: [{ $patch: 'delete', uid: parent.metadata.uid }], uid: revision.metadata.uid } }));
    if (patched.ok || isNotFound(patched) || (!patched.ok && patched.status.reason === 'Invalid')) return undefined;
    return errorOf(patched);
  }
}
