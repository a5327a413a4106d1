// Mirrors kubernetes pkg/controller/daemon/update.go (v1.32): rolling updates with maxUnavailable
// or maxSurge, and the ControllerRevision history (constructHistory, snapshot, cleanupHistory).

import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../../api/labels';
import type { Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { newControllerRef } from '../controllerUtils';
import { computeHash } from '../deployment/util/hash';
import { goMarshalSorted } from '../history/goMarshal';
import { templatePatch, type TemplatePatch } from '../history/templatePatch';
import { isPodAvailable } from '../podutil';
import { refOf, traceDecision } from '../trace';
import { errorOf, isAlreadyExists, type SyncError } from '../types';
import { DAEMONSET_CONTROLLER, type DaemonSetsController } from './daemonSetController';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import { CONTROLLER_REVISION_HASH_LABEL, getTemplateGeneration, isPodUpdated, surgeCount, unavailableCount } from './util/daemonSetUtil';

export type NodeToDaemonPods = Map<string, Stored<Pod>[]>;

/**
 * rollingUpdate picks the old pods to replace. Without surge it deletes old pods (unavailable ones
 * first, then available ones while fewer than maxUnavailable nodes are unavailable) and lets manage
 * create the new ones; with surge it creates new pods next to old ones (up to maxSurge at once)
 * and deletes each old pod once its replacement is available.
 */
export function* rollingUpdate(dsc: DaemonSetsController, ds: Stored<DaemonSet>, nodeList: readonly Stored<Node>[], hash: string): Task<SyncError> {
  const got = yield* dsc.getNodesToDaemonPods(ds, false);
  if (got.err) return `couldn't get node to daemon pod mapping for daemon set "${ds.metadata.name}": ${got.err}`;
  const nodeToDaemonPods = got.nodeToDaemonPods;
  const { maxSurge, maxUnavailable, desiredNumberScheduled } = updatedDesiredNodeCounts(ds, nodeList, nodeToDaemonPods);
  const available = (pod: Pod) => isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, dsc.sim.nowMs, dsc.epochMs);
  // Go ranges over a map in random order; nodes are visited by name here so runs repeat.
  const nodeNames = [...nodeToDaemonPods.keys()].sort();

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacementPods: string[] = [];
    const candidatePodsToDelete: string[] = [];
    for (const nodeName of nodeNames) {
      const found = findUpdatedPodsOnNode(ds, nodeToDaemonPods.get(nodeName)!, hash);
      if (!found) {
        numUnavailable++;
        continue;
      }
      const { newPod, oldPod } = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (!available(oldPod!)) {
        allowedReplacementPods.push(oldPod!.metadata.name);
        numUnavailable++;
      } else if (numUnavailable < maxUnavailable) {
        candidatePodsToDelete.push(oldPod!.metadata.name);
      }
    }
    const remainingUnavailable = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidatePodsToDelete.length);
    const oldPodsToDelete = [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remainingUnavailable)];
    traceDecision(dsc.sim, DAEMONSET_CONTROLLER, 'daemonset.rollingUpdate', refOf(ds), { maxUnavailable, numUnavailable, deleting: oldPodsToDelete });
    return yield* dsc.syncNodes(ds, oldPodsToDelete, [], hash);
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRunPodsToDelete: string[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  const nodesByName = new Map(nodeList.map((n) => [n.metadata.name, n]));
  for (const nodeName of nodeNames) {
    const found = findUpdatedPodsOnNode(ds, nodeToDaemonPods.get(nodeName)!, hash);
    if (!found) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      const node = nodesByName.get(nodeName);
      if (!node) return `couldn't get node for nodeName "${nodeName}": node "${nodeName}" not found`;
      const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
      if (!available(oldPod)) {
        if (!shouldRun) oldPodsToDelete.push(oldPod.metadata.name);
        else allowedNewNodes.push(nodeName);
        continue;
      }
      if (!shouldRun) {
        shouldNotRunPodsToDelete.push(oldPod.metadata.name);
        continue;
      }
      if (numSurge >= maxSurge) continue;
      candidateNewNodes.push(nodeName);
      continue;
    }
    // Already surged here: wait for the new pod, then retire the old one.
    if (!available(newPod)) {
      numSurge++;
      continue;
    }
    oldPodsToDelete.push(oldPod.metadata.name);
  }
  // With surge the owner expects full availability: a pod on a node that no longer qualifies goes
  // only once another node's pod is available in its place.
  const deletable = Math.min(numAvailable - desiredNumberScheduled, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNewNodes.length);
  const newNodesToCreate = [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)];
  traceDecision(dsc.sim, DAEMONSET_CONTROLLER, 'daemonset.rollingUpdate', refOf(ds), { maxSurge, numSurge, creatingOn: newNodesToCreate, deleting: oldPodsToDelete });
  return yield* dsc.syncNodes(ds, oldPodsToDelete, newNodesToCreate, hash);
}

/**
 * findUpdatedPodsOnNode splits a node's live pods into one new and one old pod; undefined when
 * there are two of either (manage prunes the extras first).
 */
export function findUpdatedPodsOnNode(ds: DaemonSet, podsOnNode: readonly Stored<Pod>[], hash: string): { newPod?: Stored<Pod>; oldPod?: Stored<Pod> } | undefined {
  let newPod: Stored<Pod> | undefined;
  let oldPod: Stored<Pod> | undefined;
  const generation = getTemplateGeneration(ds);
  for (const pod of podsOnNode) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { newPod, oldPod };
}

/**
 * updatedDesiredNodeCounts counts the nodes that should run the pod (adding an empty entry for
 * each that has none) and resolves maxSurge and maxUnavailable against that count; a RollingUpdate
 * that allows neither gets maxUnavailable 1.
 */
export function updatedDesiredNodeCounts(ds: DaemonSet, nodeList: readonly Node[], nodeToDaemonPods: NodeToDaemonPods): { maxSurge: number; maxUnavailable: number; desiredNumberScheduled: number } {
  let desiredNumberScheduled = 0;
  for (const node of nodeList) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desiredNumberScheduled++;
    const name = node.metadata?.name ?? '';
    if (!nodeToDaemonPods.has(name)) nodeToDaemonPods.set(name, []);
  }
  let maxUnavailable = unavailableCount(ds, desiredNumberScheduled);
  const maxSurge = surgeCount(ds, desiredNumberScheduled);
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desiredNumberScheduled };
}

/** getPatch is the revision's data: the pod template as a replacing strategic merge patch. */
export function getPatch(ds: DaemonSet): TemplatePatch {
  return templatePatch(ds);
}

/** match: the revision's data is byte-for-byte the DaemonSet's current patch. */
export function match(ds: DaemonSet, history: ControllerRevision): boolean {
  return goMarshalSorted(history.data) === goMarshalSorted(getPatch(ds));
}

/**
 * constructHistory claims the DaemonSet's revisions, labels any without the hash label, splits
 * them into the current one (matching the template) and old ones, then creates the current
 * revision (numbered max(old)+1) or renumbers it if an older one is being rolled back to.
 */
export function* constructHistory(dsc: DaemonSetsController, ds: Stored<DaemonSet>): Task<{ cur?: Stored<ControllerRevision>; old: Stored<ControllerRevision>[]; err: SyncError }> {
  const claimed = yield* controlledHistories(dsc, ds);
  if (claimed.err) return { old: [], err: claimed.err };
  const old: Stored<ControllerRevision>[] = [];
  const current: Stored<ControllerRevision>[] = [];
  for (let history of claimed.histories) {
    if (history.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
      // Labelled with the name (not a recomputed hash): no collision handling needed.
      const labels = { ...(history.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: history.metadata.name };
      const updated = yield* wait(dsc.client.update<ControllerRevision>('controllerrevisions', { ...history, metadata: { ...history.metadata, labels } }));
      if (!updated.ok) return { old: [], err: errorOf(updated) };
      history = updated.object;
    }
    (match(ds, history) ? current : old).push(history);
  }
  const currRevision = old.reduce((max, h) => Math.max(max, h.revision), 0) + 1;
  if (current.length === 0) {
    const snap = yield* snapshot(dsc, ds, currRevision);
    return { cur: snap.revision, old, err: snap.err };
  }
  const deduped = yield* dedupCurHistories(dsc, ds, current);
  if (deduped.err) return { old, err: deduped.err };
  let cur = deduped.cur!;
  if (cur.revision < currRevision) {
    const updated = yield* wait(dsc.client.update<ControllerRevision>('controllerrevisions', { ...cur, revision: currRevision }));
    if (!updated.ok) return { old, err: errorOf(updated) };
    cur = updated.object;
  }
  return { cur, old, err: undefined };
}

/** controlledHistories: the namespace's revisions claimed by the DaemonSet's selector (adopt/release). */
function* controlledHistories(dsc: DaemonSetsController, ds: Stored<DaemonSet>): Task<{ histories: Stored<ControllerRevision>[]; err: SyncError }> {
  const all = dsc.revisions.indexer.byIndex('namespace', ds.metadata.namespace ?? '') as Stored<ControllerRevision>[];
  const claimed = yield* claimObjects(
    {
      client: dsc.client, resource: 'controllerrevisions', controller: ds, selector: fromLabelSelector(ds.spec?.selector),
      controllerRef: newControllerRef(ds, 'apps/v1', 'DaemonSet'), canAdopt: recheckDeletionTimestamp(dsc.client, 'daemonsets', ds),
    },
    all,
  );
  return { histories: claimed.claimed, err: claimed.err };
}

/** dedupCurHistories keeps the highest-numbered of several equal revisions and relabels pods to it. */
function* dedupCurHistories(dsc: DaemonSetsController, ds: Stored<DaemonSet>, curHistories: Stored<ControllerRevision>[]): Task<{ cur?: Stored<ControllerRevision>; err: SyncError }> {
  if (curHistories.length === 1) return { cur: curHistories[0], err: undefined };
  let keepCur = curHistories[0];
  for (const cur of curHistories) if (cur.revision >= keepCur.revision) keepCur = cur;
  const keepHash = keepCur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
  for (const cur of curHistories) {
    if (cur.metadata.name === keepCur.metadata.name) continue;
    const pods = yield* dsc.getDaemonPods(ds);
    if (pods.err) return { err: pods.err };
    for (const pod of pods.pods) {
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === keepHash) continue;
      const patched = yield* wait(dsc.client.patch('pods', pod.metadata.namespace, pod.metadata.name, 'strategic', { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: keepHash } } }));
      if (!patched.ok) return { err: errorOf(patched) };
    }
    const deleted = yield* wait(dsc.client.delete('controllerrevisions', cur.metadata.namespace, cur.metadata.name));
    if (!deleted.ok) return { err: errorOf(deleted) };
  }
  return { cur: keepCur, err: undefined };
}

/**
 * snapshot creates the revision `<ds>-<hash>` (the pod-template hash with the collision count),
 * labelled with the template's labels and the hash, carrying the DaemonSet's annotations. A name
 * taken by different data bumps status.collisionCount and fails the sync, which retries.
 */
function* snapshot(dsc: DaemonSetsController, ds: Stored<DaemonSet>, revision: number): Task<{ revision?: Stored<ControllerRevision>; err: SyncError }> {
  const hash = computeHash(ds.spec!.template!, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const history: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
    },
    data: getPatch(ds) as unknown as ControllerRevision['data'],
    revision,
  };
  const created = yield* wait(dsc.client.create<ControllerRevision>('controllerrevisions', history));
  if (created.ok) return { revision: created.object, err: undefined };
  if (!isAlreadyExists(created)) return { err: errorOf(created) };
  const existing = yield* wait(dsc.client.get<ControllerRevision>('controllerrevisions', ds.metadata.namespace, name));
  if (!existing.ok) return { err: errorOf(existing) };
  if (match(ds, existing.object)) return { revision: existing.object, err: undefined };
  const fresh = yield* wait(dsc.client.get<DaemonSet>('daemonsets', ds.metadata.namespace, ds.metadata.name));
  if (!fresh.ok) return { err: errorOf(fresh) };
  if ((fresh.object.status?.collisionCount ?? null) !== (ds.status?.collisionCount ?? null)) {
    return { err: `found a stale collision count (${ds.status?.collisionCount ?? 0}, expected ${fresh.object.status?.collisionCount ?? 0}) of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated` };
  }
  const bumped = { ...fresh.object, status: { ...fresh.object.status!, collisionCount: (fresh.object.status?.collisionCount ?? 0) + 1 } };
  const updated = yield* wait(dsc.client.updateStatus<DaemonSet>('daemonsets', bumped));
  if (!updated.ok) return { err: errorOf(updated) };
  return { err: errorOf(created) };
}

/**
 * cleanupHistory deletes the oldest old revisions beyond revisionHistoryLimit, skipping any that
 * a live pod still runs.
 */
export function* cleanupHistory(dsc: DaemonSetsController, ds: Stored<DaemonSet>, old: Stored<ControllerRevision>[]): Task<SyncError> {
  const got = yield* dsc.getNodesToDaemonPods(ds, true);
  if (got.err) return `couldn't get node to daemon pod mapping for daemon set "${ds.metadata.name}": ${got.err}`;
  let toKill = old.length - (ds.spec?.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return undefined;
  const liveHashes = new Set<string>();
  for (const pods of got.nodeToDaemonPods.values()) {
    for (const pod of pods) {
      const hash = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (hash) liveHashes.add(hash);
    }
  }
  for (const history of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (liveHashes.has(history.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
    const deleted = yield* wait(dsc.client.delete('controllerrevisions', history.metadata.namespace, history.metadata.name));
    if (!deleted.ok) return errorOf(deleted);
    toKill--;
  }
  return undefined;
}
