// Mirrors kubernetes pkg/controller/garbagecollector/graph_builder.go.

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { RateLimitingQueue } from '../../client/workqueue/queue';
import {
  addDependent, beingDeleted, deletionStartsWithFinalizer, FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS, hasFinalizer, identityFromOwner, identityOf,
  NO_DEPENDENTS, NO_OWNERS, referencesDiffs, sortedDependents, type GraphNode, type ObjectIdentity,
} from './graph';

export type GraphEvent =
  | { type: 'add' | 'update'; obj: Stored<KubeObject>; oldObj?: Stored<KubeObject> }
  | { type: 'delete'; obj: Stored<KubeObject> }
  | { type: 'virtualDelete'; identity: ObjectIdentity };

/**
 * GraphBuilder keeps the uid → node graph current from informer events of every watched resource
 * (the "monitors") and feeds the collector's two queues: attemptToDelete (objects whose owners may
 * be gone, owners waiting for foreground deletion) and attemptToOrphan (owners deleted with
 * propagationPolicy Orphan). Events are processed in informer delivery order, one at a time.
 */
export class GraphBuilder {
  readonly uidToNode = new Map<string, GraphNode>();
  /** UIDs of owners known to be gone (absentOwnerCache), so dependents skip a live lookup. */
  readonly absentOwners = new Set<string>();

  constructor(
    readonly monitors: ReadonlyArray<SharedIndexInformer<KubeObject>>,
    private readonly attemptToDelete: RateLimitingQueue,
    private readonly attemptToOrphan: RateLimitingQueue,
  ) {
    for (const monitor of monitors) {
      monitor.addEventHandler({
        add: (obj) => this.processGraphChanges({ type: 'add', obj }),
        update: (oldObj, obj) => this.processGraphChanges({ type: 'update', obj, oldObj }),
        delete: (obj) => this.processGraphChanges({ type: 'delete', obj }),
      });
    }
  }

  get hasSynced(): boolean {
    return this.monitors.every((monitor) => monitor.hasSynced);
  }

  processGraphChanges(event: GraphEvent): void {
    if (event.type === 'virtualDelete') return this.removeAndNotify(event.identity, true);
    const uid = event.obj.metadata.uid ?? '';
    if (event.type === 'delete') return this.removeAndNotify(identityOf(event.obj), false);
    const existing = this.uidToNode.get(uid);
    if (existing && existing.virtual) {
      existing.virtual = false;
      existing.identity = identityOf(event.obj);
    }
    if (!existing) {
      const node: GraphNode = {
        identity: identityOf(event.obj), owners: event.obj.metadata.ownerReferences ?? NO_OWNERS, dependents: NO_DEPENDENTS as Set<string>, virtual: false,
        beingDeleted: beingDeleted(event.obj), deletingDependents: beingDeleted(event.obj) && hasFinalizer(event.obj, FINALIZER_DELETE_DEPENDENTS),
      };
      this.uidToNode.set(uid, node);
      this.addDependentToOwners(node, node.owners);
      this.processTransitions(event.oldObj, event.obj, node);
      return;
    }
    const { added, removed, changed } = referencesDiffs(existing.owners, event.obj.metadata.ownerReferences ?? []);
    if (added.length || removed.length || changed.length) {
      this.addUnblockedOwnersToDeleteQueue(removed, changed);
      existing.owners = event.obj.metadata.ownerReferences ?? NO_OWNERS;
      this.addDependentToOwners(existing, added);
      for (const ref of removed) this.uidToNode.get(ref.uid)?.dependents.delete(uid);
    }
    if (beingDeleted(event.obj)) existing.beingDeleted = true;
    this.processTransitions(event.oldObj, event.obj, existing);
  }

  /** insert a dependent under each owner, creating (and checking) virtual owners as needed. */
  private addDependentToOwners(node: GraphNode, owners: readonly OwnerReference[]): void {
    for (const ref of owners) {
      let owner = this.uidToNode.get(ref.uid);
      if (!owner) {
        owner = { identity: identityFromOwner(ref, node.identity.namespace), owners: NO_OWNERS, dependents: NO_DEPENDENTS as Set<string>, virtual: true, beingDeleted: false, deletingDependents: false };
        this.uidToNode.set(ref.uid, owner);
        this.attemptToDelete.add(ref.uid);
      }
      addDependent(owner, node.identity.uid);
    }
  }

  /** processTransitions starts orphaning or foreground deletion when an owner begins either. */
  private processTransitions(oldObj: KubeObject | undefined, obj: KubeObject, node: GraphNode): void {
    if (deletionStartsWithFinalizer(oldObj, obj, FINALIZER_ORPHAN_DEPENDENTS)) {
      this.attemptToOrphan.add(node.identity.uid);
      return;
    }
    if (deletionStartsWithFinalizer(oldObj, obj, FINALIZER_DELETE_DEPENDENTS)) {
      node.deletingDependents = true;
      for (const dep of sortedDependents(node)) this.attemptToDelete.add(dep);
      this.attemptToDelete.add(node.identity.uid);
    }
  }

  /** A dependent stopped blocking an owner in foreground deletion: let the owner re-check. */
  private addUnblockedOwnersToDeleteQueue(removed: OwnerReference[], changed: Array<{ old: OwnerReference; cur: OwnerReference }>): void {
    const unblocked = [
      ...removed.filter((ref) => ref.blockOwnerDeletion),
      ...changed.filter(({ old, cur }) => old.blockOwnerDeletion && !cur.blockOwnerDeletion).map(({ cur }) => cur),
    ];
    for (const ref of unblocked) if (this.uidToNode.get(ref.uid)?.deletingDependents) this.attemptToDelete.add(ref.uid);
  }

  /**
   * removeAndNotify drops a node, queues its dependents (their owner is gone) and wakes owners that
   * wait for this dependent in foreground deletion.
   */
  private removeAndNotify(identity: ObjectIdentity, virtual: boolean): void {
    const node = this.uidToNode.get(identity.uid);
    if (!node) return;
    if (virtual && !node.virtual && (node.identity.name !== identity.name || node.identity.kind !== identity.kind)) return;
    this.uidToNode.delete(identity.uid);
    for (const ref of node.owners) this.uidToNode.get(ref.uid)?.dependents.delete(identity.uid);
    if (node.dependents.size > 0) this.absentOwners.add(identity.uid);
    for (const dep of sortedDependents(node)) this.attemptToDelete.add(dep);
    for (const ref of node.owners) if (this.uidToNode.get(ref.uid)?.deletingDependents) this.attemptToDelete.add(ref.uid);
  }
}
