// Mirrors kubernetes pkg/controller/replicaset/replica_set.go (manageReplicas, slowStartBatch,
// getPodsToDelete, getIndirectlyRelatedPods).

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { namespacedName, type Stored } from '../../api/object';
import { spawn, type Task } from '../../sim/task';
import { sortActivePodsWithRanks } from '../activePodsWithRanks';
import { getControllerOf, isPodActive, newControllerRef, podKey, specReplicas } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { waitAll } from '../waitAll';
import { REPLICASET_CONTROLLER, type ReplicaSetController } from './replicaSetController';

/** SLOW_START_INITIAL_BATCH_SIZE is controller.SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/**
 * manageReplicas creates or deletes pods to close the gap between the active pods and
 * spec.replicas, at most burstReplicas per sync. Creations run in slow-start batches (1, 2, 4, ...)
 * so a template that can never be created (quota, admission) fails after one request instead of
 * hundreds; deletions pick the least valuable pods first (getPodsToDelete).
 */
export function* manageReplicas(rsc: ReplicaSetController, activePods: Stored<Pod>[], rs: Stored<ReplicaSet>): Task<SyncError> {
  const key = namespacedName(rs);
  let diff = activePods.length - specReplicas(rs);
  if (diff <= 0) return yield* createShortfall(rsc, activePods.length, rs);
  diff = Math.min(diff, rsc.burstReplicas);
  const podsToDelete = getPodsToDelete(activePods, getIndirectlyRelatedPods(rsc, rs), diff, rsc.sim.nowMs, rsc.epochMs);
  rsc.expectations.expectPodDeletions(key, podsToDelete.map(podKey));
  traceDecision(rsc.sim, REPLICASET_CONTROLLER, 'replicaset.deletePods', refOf(rs), { need: specReplicas(rs), have: activePods.length, deleting: podsToDelete.map((p) => p.metadata.name) });
  const results = yield* waitAll(podsToDelete.map((pod) => spawn(rsc.podControl.deletePod(rs.metadata.namespace ?? '', pod.metadata.name, rs))));
  let firstErr: SyncError;
  results.forEach((result, i) => {
    if (!result.err) return;
    rsc.expectations.podDeletionObserved(key, podKey(podsToDelete[i]));
    if (!result.notFound) firstErr ??= result.err;
  });
  return firstErr;
}

/**
 * createShortfall is manageReplicas when there are `have` ≤ spec.replicas active pods: create the
 * difference (up to burstReplicas), which needs only the count, not the pods.
 */
export function* createShortfall(rsc: ReplicaSetController, have: number, rs: Stored<ReplicaSet>): Task<SyncError> {
  const key = namespacedName(rs);
  if (have >= specReplicas(rs)) return undefined;
  const diff = Math.min(specReplicas(rs) - have, rsc.burstReplicas);
  rsc.expectations.expectCreations(key, diff);
  traceDecision(rsc.sim, REPLICASET_CONTROLLER, 'replicaset.createPods', refOf(rs), { need: specReplicas(rs), have, creating: diff });
  const controllerRef = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
  const created = yield* slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, function* () {
    const result = yield* rsc.podControl.createPods(rs.metadata.namespace ?? '', rs.spec!.template!, rs, controllerRef);
    return result.namespaceTerminating ? undefined : result.err;
  });
  for (let skipped = diff - created.successes; skipped > 0; skipped--) rsc.expectations.creationObserved(key);
  return created.err;
}

/**
 * slowStartBatch calls `fn` `count` times in batches of 1, 2, 4, ... (each batch in parallel) and
 * stops after the first batch with an error. Returns how many calls succeeded.
 */
export function* slowStartBatch(count: number, initialBatchSize: number, fn: () => Task<SyncError>): Task<{ successes: number; err: SyncError }> {
  let remaining = count;
  let successes = 0;
  for (let batchSize = Math.min(remaining, initialBatchSize); batchSize > 0; batchSize = Math.min(2 * batchSize, remaining)) {
    const errors = (yield* waitAll(Array.from({ length: batchSize }, () => spawn(fn())))).filter((err) => err !== undefined);
    successes += batchSize - errors.length;
    if (errors.length > 0) return { successes, err: errors[0] };
    remaining -= batchSize;
  }
  return { successes, err: undefined };
}

/**
 * getPodsToDelete returns the first `diff` pods in deletion order (ActivePodsWithRanks), where a
 * pod's rank is how many related pods (of any RS owned by the same Deployment) share its node.
 */
export function getPodsToDelete<T extends Pod>(filteredPods: T[], relatedPods: readonly Pod[], diff: number, nowMs: number, epochMs: number): T[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranked = filteredPods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  return sortActivePodsWithRanks(ranked, nowMs, epochMs).slice(0, diff).map((r) => r.pod as T);
}

/** getIndirectlyRelatedPods: pods selected by any RS that shares this RS's controller. */
export function getIndirectlyRelatedPods(rsc: ReplicaSetController, rs: Stored<ReplicaSet>): Stored<Pod>[] {
  const ref = getControllerOf(rs);
  if (!ref) return [];
  const namespace = rs.metadata.namespace ?? '';
  const related = (rsc.replicaSets.indexer.byIndex('namespace', namespace) as Stored<ReplicaSet>[]).filter((r) => getControllerOf(r)?.uid === ref.uid);
  const seen = new Set<string>();
  const pods: Stored<Pod>[] = [];
  for (const relatedRS of related) {
    const selector = fromLabelSelector(relatedRS.spec?.selector);
    for (const pod of rsc.pods.indexer.byIndex('namespace', namespace) as Stored<Pod>[]) {
      if (!matches(selector, pod.metadata.labels) || seen.has(pod.metadata.uid ?? '')) continue;
      seen.add(pod.metadata.uid ?? '');
      pods.push(pod);
    }
  }
  return pods;
}
