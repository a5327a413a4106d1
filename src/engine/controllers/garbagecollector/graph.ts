// Mirrors kubernetes pkg/controller/garbagecollector/graph.go.

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';

/** FINALIZER_ORPHAN_DEPENDENTS and FINALIZER_DELETE_DEPENDENTS are metav1's GC finalizers. */
export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

/** ObjectIdentity is objectReference: an owner reference plus the namespace it lives in. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  namespace: string;
}

/**
 * GraphNode is one object in the dependency graph: its owners (from ownerReferences) and its
 * dependents (objects naming it as owner). A virtual node stands for an owner that dependents
 * name but no informer has shown yet; the collector looks it up live to tell whether it exists.
 */
export interface GraphNode {
  identity: ObjectIdentity;
  /** owners is the object's own (frozen) ownerReferences list. */
  owners: readonly OwnerReference[];
  /**
   * UIDs of dependents (iterate sorted: Set order must not decide behaviour). Nodes without
   * dependents share NO_DEPENDENTS until their first one arrives (see addDependent): most nodes
   * are pods, and an empty Set each was ~130 bytes per pod.
   */
  dependents: Set<string>;
  virtual: boolean;
  beingDeleted: boolean;
  deletingDependents: boolean;
}

/** NO_DEPENDENTS is the shared empty dependents set; addDependent replaces it, never adds to it. */
export const NO_DEPENDENTS: ReadonlySet<string> = new Set<string>();
export const NO_OWNERS: readonly OwnerReference[] = Object.freeze([]);

/** addDependent records `uid` as a dependent of `owner`, giving it a Set of its own first. */
export function addDependent(owner: GraphNode, uid: string): void {
  if (owner.dependents === NO_DEPENDENTS) owner.dependents = new Set();
  owner.dependents.add(uid);
}

export function identityOf(obj: KubeObject): ObjectIdentity {
  const meta = obj.metadata ?? {};
  return { apiVersion: obj.apiVersion ?? '', kind: obj.kind ?? '', name: meta.name ?? '', uid: meta.uid ?? '', namespace: meta.namespace ?? '' };
}

export function identityFromOwner(ref: OwnerReference, namespace: string): ObjectIdentity {
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace };
}

export function beingDeleted(obj: KubeObject): boolean {
  return !!obj.metadata?.deletionTimestamp;
}

export function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return (obj.metadata?.finalizers ?? []).includes(finalizer);
}

/**
 * deletionStartsWithFinalizer: the object is (now) being deleted with `finalizer`, and was not
 * before — the moment foreground deletion or orphaning begins.
 */
export function deletionStartsWithFinalizer(oldObj: KubeObject | undefined, newObj: KubeObject, finalizer: string): boolean {
  if (!beingDeleted(newObj) || !hasFinalizer(newObj, finalizer)) return false;
  if (!oldObj) return true;
  return !beingDeleted(oldObj) || !hasFinalizer(oldObj, finalizer);
}

/** sortedDependents returns a node's dependents in UID order. */
export function sortedDependents(node: GraphNode): string[] {
  return [...node.dependents].sort();
}

/**
 * referencesDiffs compares two ownerReference lists by UID: added, removed, and changed (same UID,
 * different content — e.g. blockOwnerDeletion flipped).
 */
export function referencesDiffs(old: readonly OwnerReference[], cur: readonly OwnerReference[]): { added: OwnerReference[]; removed: OwnerReference[]; changed: Array<{ old: OwnerReference; cur: OwnerReference }> } {
  // The graph keeps the object's own frozen list, and versions share unchanged lists: same list, no diff.
  if (old === cur) return { added: [], removed: [], changed: [] };
  const oldByUID = new Map(old.map((ref) => [ref.uid, ref]));
  const curByUID = new Map(cur.map((ref) => [ref.uid, ref]));
  const added = cur.filter((ref) => !oldByUID.has(ref.uid));
  const removed = old.filter((ref) => !curByUID.has(ref.uid));
  const changed = cur.filter((ref) => oldByUID.has(ref.uid) && JSON.stringify(oldByUID.get(ref.uid)) !== JSON.stringify(ref)).map((ref) => ({ old: oldByUID.get(ref.uid)!, cur: ref }));
  return { added, removed, changed };
}
