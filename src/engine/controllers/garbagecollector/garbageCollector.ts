// Mirrors kubernetes pkg/controller/garbagecollector/garbagecollector.go.

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { isNotFound, errorOf, type ControllerClient, type SyncError } from '../types';
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS, hasFinalizer, sortedDependents, type GraphNode } from './graph';
import { GraphBuilder } from './graphBuilder';
import { GARBAGE_COLLECTOR, GCOperations, type DeletionPropagation } from './operations';

export interface GarbageCollectorOptions {
  sim: Simulator;
  client: ControllerClient;
  /** One informer per deletable resource (events excluded, as upstream ignores them). */
  monitors: ReadonlyArray<SharedIndexInformer<KubeObject>>;
}

/** The collector never gives up on an item: it keeps retrying with back-off. */
const NEVER_DROP = Number.MAX_SAFE_INTEGER;

/**
 * GarbageCollector deletes objects whose owners are gone (background deletion), deletes the
 * blocking dependents of owners in foreground deletion before removing their `foregroundDeletion`
 * finalizer, and strips owner references from dependents of owners deleted with the `orphan`
 * finalizer before removing it.
 */
export class GarbageCollector {
  readonly attemptToDelete: RateLimitingQueue;
  readonly attemptToOrphan: RateLimitingQueue;
  readonly graph: GraphBuilder;
  readonly ops: GCOperations;

  constructor(private readonly options: GarbageCollectorOptions) {
    this.attemptToDelete = new RateLimitingQueue(options.sim, 'garbage_collector_attempt_to_delete', GARBAGE_COLLECTOR);
    this.attemptToOrphan = new RateLimitingQueue(options.sim, 'garbage_collector_attempt_to_orphan', GARBAGE_COLLECTOR);
    this.graph = new GraphBuilder(options.monitors, this.attemptToDelete, this.attemptToOrphan);
    this.ops = new GCOperations(options.sim, options.client);
  }

  /** run starts `workers` delete workers and as many orphan workers once every monitor synced (--concurrent-gc-syncs, 20). */
  run(workers: number): void {
    waitForCacheSync(this.options.sim, this.options.monitors).then(() => {
      runWorkers(this.options.sim, this.attemptToDelete, workers, GARBAGE_COLLECTOR, (uid) => this.attemptToDeleteWorker(uid), NEVER_DROP);
      runWorkers(this.options.sim, this.attemptToOrphan, workers, GARBAGE_COLLECTOR, (uid) => this.attemptToOrphanWorker(uid), NEVER_DROP);
    });
  }

  private *attemptToDeleteWorker(uid: string): Task<SyncError> {
    const node = this.graph.uidToNode.get(uid);
    if (!node) return undefined;
    const result = yield* this.attemptToDeleteItem(node);
    if (result.err) return result.err;
    if (result.virtualDeleted) return undefined;
    if (node.virtual && this.ops.resourceOf(node.identity)) return `item ${node.identity.kind}/${node.identity.name} hasn't been observed via informer yet`;
    return undefined;
  }

  /**
   * attemptToDeleteItem looks at one object's owners (live): if some owner still exists, only
   * dangling or waiting references are removed; if all owners are gone, the object is deleted
   * (foreground when an owner waits and it has dependents itself).
   */
  private *attemptToDeleteItem(node: GraphNode): Task<{ err?: SyncError; virtualDeleted?: boolean }> {
    if (node.beingDeleted && !node.deletingDependents) return {};
    const lookup = this.ops.getObject(node.identity);
    if (!lookup) return {};
    const latest = yield* wait(lookup);
    if (isNotFound(latest) || (latest.ok && latest.object.metadata.uid !== node.identity.uid)) {
      this.graph.processGraphChanges({ type: 'virtualDelete', identity: node.identity });
      return { virtualDeleted: true };
    }
    if (!latest.ok) return { err: errorOf(latest) };
    if (node.deletingDependents) return { err: yield* this.processDeletingDependentsItem(node) };
    const ownerReferences = latest.object.metadata.ownerReferences ?? [];
    if (ownerReferences.length === 0) return {};
    const refs = yield* this.classifyReferences(node, ownerReferences);
    if (refs.err) return { err: refs.err };
    if (refs.solid.length > 0) {
      const stale = [...refs.dangling, ...refs.waiting].map((ref) => ref.uid);
      return stale.length === 0 ? {} : { err: yield* this.ops.deleteOwnerReferences(node.identity, stale) };
    }
    if (refs.waiting.length > 0 && node.dependents.size > 0) return { err: yield* this.ops.deleteObject(node.identity, 'Foreground') };
    return { err: yield* this.ops.deleteObject(node.identity, policyFromFinalizers(latest.object)) };
  }

  /** classifyReferences sorts owners into solid (exist), dangling (gone) and waiting (foreground-deleting). */
  private *classifyReferences(node: GraphNode, refs: OwnerReference[]): Task<{ solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[]; err?: SyncError }> {
    const out = { solid: [] as OwnerReference[], dangling: [] as OwnerReference[], waiting: [] as OwnerReference[] };
    for (const ref of refs) {
      if (this.graph.absentOwners.has(ref.uid)) {
        out.dangling.push(ref);
        continue;
      }
      const lookup = this.ops.getObject({ apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace: node.identity.namespace });
      if (!lookup) return { ...out, err: `unable to map ${ref.apiVersion}/${ref.kind}` };
      const owner = yield* wait(lookup);
      if (isNotFound(owner) || (owner.ok && owner.object.metadata.uid !== ref.uid)) {
        this.graph.absentOwners.add(ref.uid);
        out.dangling.push(ref);
      } else if (!owner.ok) {
        return { ...out, err: errorOf(owner) };
      } else if (owner.object.metadata.deletionTimestamp && hasFinalizer(owner.object, FINALIZER_DELETE_DEPENDENTS)) {
        out.waiting.push(ref);
      } else {
        out.solid.push(ref);
      }
    }
    return out;
  }

  /**
   * processDeletingDependentsItem: an owner in foreground deletion loses its finalizer once no
   * dependent with blockOwnerDeletion is left; until then its blocking dependents are (re)queued.
   */
  private *processDeletingDependentsItem(node: GraphNode): Task<SyncError> {
    const blocking = sortedDependents(node)
      .map((uid) => this.graph.uidToNode.get(uid))
      .filter((dep): dep is GraphNode => !!dep && dep.owners.some((ref) => ref.uid === node.identity.uid && ref.blockOwnerDeletion === true));
    if (blocking.length === 0) return yield* this.ops.removeFinalizer(node.identity, FINALIZER_DELETE_DEPENDENTS);
    for (const dep of blocking) if (!dep.deletingDependents) this.attemptToDelete.add(dep.identity.uid);
    return undefined;
  }

  /** attemptToOrphanWorker removes the owner from every dependent, then the `orphan` finalizer. */
  private *attemptToOrphanWorker(uid: string): Task<SyncError> {
    const owner = this.graph.uidToNode.get(uid);
    if (!owner) return undefined;
    for (const depUID of sortedDependents(owner)) {
      const dep = this.graph.uidToNode.get(depUID);
      if (!dep) continue;
      const err = yield* this.ops.deleteOwnerReferences(dep.identity, [uid]);
      if (err) return `remove owner reference from dependents failed for owner ${owner.identity.kind}/${owner.identity.name}: ${err}`;
    }
    return yield* this.ops.removeFinalizer(owner.identity, FINALIZER_ORPHAN_DEPENDENTS);
  }
}

/** policyFromFinalizers honours an orphan or foreground finalizer already on the object. */
function policyFromFinalizers(obj: Stored<KubeObject>): DeletionPropagation {
  if (hasFinalizer(obj, FINALIZER_ORPHAN_DEPENDENTS)) return 'Orphan';
  if (hasFinalizer(obj, FINALIZER_DELETE_DEPENDENTS)) return 'Foreground';
  return 'Background';
}
