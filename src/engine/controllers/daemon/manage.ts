// Mirrors kubernetes pkg/controller/daemon/daemon_controller.go (v1.32) podsShouldBeOnNode,
// getUnscheduledPodsWithoutNode and podByCreationTimestampAndPhase: what manage does per node.

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { namespacedName, type Stored } from '../../api/object';
import { fromRFC3339 } from '../../sim/time';
import { isPodAvailable, isPodReady } from '../podutil';
import { FAILED_DAEMON_POD_REASON, SUCCEEDED_DAEMON_POD_REASON, type DaemonSetsController } from './daemonSetController';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import type { NodeToDaemonPods } from './update';
import { allowsSurge, CONTROLLER_REVISION_HASH_LABEL } from './util/daemonSetUtil';

/**
 * podsShouldBeOnNode: a qualifying node without a pod needs one; on a node whose pod may keep
 * running, failed pods are deleted (with back-off), succeeded ones too, and extra pods pruned
 * (oldest kept; with surge, one old and one new while the new one becomes available); a node
 * that no longer qualifies loses all its daemon pods.
 */
export function podsShouldBeOnNode(dsc: DaemonSetsController, node: Stored<Node>, nodeToDaemonPods: NodeToDaemonPods, ds: Stored<DaemonSet>, hash: string): { nodesNeedingDaemonPods: string[]; podsToDelete: string[] } {
  const nodesNeedingDaemonPods: string[] = [];
  const podsToDelete: string[] = [];
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const nodeName = node.metadata.name;
  const daemonPods = nodeToDaemonPods.get(nodeName);
  if (shouldRun && !daemonPods) {
    nodesNeedingDaemonPods.push(nodeName);
  } else if (shouldContinueRunning) {
    const running: Stored<Pod>[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      if (pod.status?.phase === 'Failed') {
        const backoffKey = `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
        const now = dsc.sim.nowMs;
        if (dsc.failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now)) {
          dsc.queue.addAfter(namespacedName(ds), dsc.failedPodsBackoff.getMs(backoffKey));
          continue;
        }
        dsc.failedPodsBackoff.next(backoffKey, now, now);
        dsc.recorder.event(ds, 'Warning', FAILED_DAEMON_POD_REASON, `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`);
        podsToDelete.push(pod.metadata.name);
      } else if (pod.status?.phase === 'Succeeded') {
        dsc.recorder.event(ds, 'Normal', SUCCEEDED_DAEMON_POD_REASON, `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to delete it`);
        podsToDelete.push(pod.metadata.name);
      } else {
        running.push(pod);
      }
    }
    running.sort(podByCreationTimestampAndPhase);
    if (!allowsSurge(ds)) {
      // Without surge a node keeps its oldest pod only.
      for (const pod of running.slice(1)) podsToDelete.push(pod.metadata.name);
    } else if (running.length <= 1) {
      if (running.length === 0 && shouldRun) nodesNeedingDaemonPods.push(nodeName);
    } else {
      let oldestNewPod: Stored<Pod> | undefined;
      let oldestOldPod: Stored<Pod> | undefined;
      for (const pod of running) {
        const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
        if (isNew && !oldestNewPod) oldestNewPod = pod;
        else if (!isNew && !oldestOldPod) oldestOldPod = pod;
        else podsToDelete.push(pod.metadata.name);
      }
      if (oldestNewPod && oldestOldPod) {
        if (!isPodReady(oldestOldPod) || isPodAvailable(oldestNewPod, ds.spec?.minReadySeconds ?? 0, dsc.sim.nowMs, dsc.epochMs)) podsToDelete.push(oldestOldPod.metadata.name);
      }
    }
  } else if (daemonPods) {
    for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) podsToDelete.push(pod.metadata.name);
  }
  return { nodesNeedingDaemonPods, podsToDelete };
}


/** podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name. */
export function podByCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const aScheduled = !!a.spec?.nodeName;
  const bScheduled = !!b.spec?.nodeName;
  if (aScheduled !== bScheduled) return aScheduled ? -1 : 1;
  const at = a.metadata?.creationTimestamp ?? '';
  const bt = b.metadata?.creationTimestamp ?? '';
  if (at === bt) return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : (a.metadata?.name ?? '') > (b.metadata?.name ?? '') ? 1 : 0;
  return fromRFC3339(at, 0) - fromRFC3339(bt, 0);
}

/** getUnscheduledPodsWithoutNode: unscheduled pods pinned to nodes that no longer exist (PodGC cannot see them). */
export function getUnscheduledPodsWithoutNode(nodeList: readonly Node[], nodeToDaemonPods: NodeToDaemonPods): string[] {
  const existing = new Set(nodeList.map((n) => n.metadata?.name ?? ''));
  const results: string[] = [];
  for (const [nodeName, pods] of [...nodeToDaemonPods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (existing.has(nodeName)) continue;
    for (const pod of pods) if (!pod.spec?.nodeName) results.push(pod.metadata.name);
  }
  return results;
}

