// Mirrors kubernetes pkg/controller/daemon/daemon_controller.go (v1.32) updateDaemonSetStatus and
// storeDaemonSetStatus: the counts kubectl get daemonset prints.

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { namespacedName, type Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { isPodAvailable, isPodReady } from '../podutil';
import { errorOf, type SyncError } from '../types';
import type { DaemonSetsController } from './daemonSetController';
import { podByCreationTimestampAndPhase } from './manage';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import { getTemplateGeneration, isPodUpdated } from './util/daemonSetUtil';

/** STATUS_UPDATE_RETRIES: one re-read and retry of a conflicting status write. */
const STATUS_UPDATE_RETRIES = 1;

/** updateDaemonSetStatus counts per qualifying node (oldest pod) and writes the status if it changed. */
export function* updateDaemonSetStatus(dsc: DaemonSetsController, ds: Stored<DaemonSet>, nodeList: Stored<Node>[], hash: string, updateObservedGen: boolean): Task<SyncError> {
  const got = yield* dsc.getNodesToDaemonPods(ds, false);
  if (got.err) return `couldn't get node to daemon pod mapping for daemon set "${ds.metadata.name}": ${got.err}`;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const generation = getTemplateGeneration(ds);
  let desiredNumberScheduled = 0, currentNumberScheduled = 0, numberMisscheduled = 0, numberReady = 0, updatedNumberScheduled = 0, numberAvailable = 0;
  for (const node of nodeList) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = got.nodeToDaemonPods.get(node.metadata.name) ?? [];
    if (!shouldRun) {
      if (pods.length > 0) numberMisscheduled++;
      continue;
    }
    desiredNumberScheduled++;
    if (pods.length === 0) continue;
    currentNumberScheduled++;
    const pod = [...pods].sort(podByCreationTimestampAndPhase)[0];
    if (isPodReady(pod)) {
      numberReady++;
      if (isPodAvailable(pod, minReadySeconds, dsc.sim.nowMs, dsc.epochMs)) numberAvailable++;
    }
    if (isPodUpdated(pod, hash, generation)) updatedNumberScheduled++;
  }
  const numberUnavailable = desiredNumberScheduled - numberAvailable;
  const counts = { desiredNumberScheduled, currentNumberScheduled, numberMisscheduled, numberReady, updatedNumberScheduled, numberAvailable, numberUnavailable };
  const err = yield* storeDaemonSetStatus(dsc, ds, counts, updateObservedGen);
  if (err) return `error storing status for daemon set "${ds.metadata.name}": ${err}`;
  if (minReadySeconds > 0 && numberReady !== numberAvailable) dsc.queue.addAfter(namespacedName(ds), minReadySeconds * 1000);
  return undefined;
}

function* storeDaemonSetStatus(dsc: DaemonSetsController, ds: Stored<DaemonSet>, counts: Record<string, number>, updateObservedGen: boolean): Task<SyncError> {
  const status = (ds.status ?? {}) as Record<string, unknown>;
  const same = Object.entries(counts).every(([k, v]) => (status[k] ?? 0) === v);
  if (same && ((ds.status?.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0))) return undefined;
  let toUpdate: Stored<DaemonSet> = ds;
  for (let i = 0; ; i++) {
    const next = { ...toUpdate.status!, ...counts } as DaemonSet['status'] & Record<string, unknown>;
    // status.numberUnavailable is omitempty: 0 is not written.
    if (counts.numberUnavailable === 0) delete next.numberUnavailable;
    if (updateObservedGen) next!.observedGeneration = ds.metadata.generation;
    const updated = yield* wait(dsc.client.updateStatus<DaemonSet>('daemonsets', { ...toUpdate, status: next }));
    if (updated.ok) return undefined;
    if (i >= STATUS_UPDATE_RETRIES) return errorOf(updated);
    const fresh = yield* wait(dsc.client.get<DaemonSet>('daemonsets', ds.metadata.namespace, ds.metadata.name));
    if (!fresh.ok) return errorOf(fresh);
    toUpdate = fresh.object;
  }
}

