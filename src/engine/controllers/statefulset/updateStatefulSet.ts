// Mirrors kubernetes pkg/controller/statefulset/stateful_set_control.go (v1.32) updateStatefulSet,
// processReplica, processCondemned, runForAll and slowStartBatch: the pod loop of one sync.

import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { Task } from '../../sim/task';
import { slowStartBatch } from '../replicaset/manageReplicas';
import { refOf, traceDecision } from '../trace';
import type { SyncError } from '../types';
import { applyRevision } from './revision';
import { rollingUpdateStatefulSet } from './rollingUpdate';
import type { DefaultStatefulSetControl } from './statefulSetControl';
import { STATEFULSET_CONTROLLER, type PodPass, type StepResult } from './podPass';
import {
  allowsBurst, byOrdinalDescending, getEndOrdinal, getOrdinal, getStartOrdinal, identityMatches, isCreated, isFailed, isPending, isRunningAndAvailable,
  isRunningAndReady, isSucceeded, isTerminating, isUnavailable, newVersionedStatefulSetPod, podInOrdinalRange, specReplicas, storageMatches,
} from './statefulSetUtils';
import { updateStatus, type StatusClock } from './status';

/**
 * updateStatefulSet brings the pods to the target: pods [start, end] exist and are Running and
 * Ready, pods outside are gone, and (RollingUpdate) pods from the partition up run the update
 * revision. The status it returns is written even when an error stopped the pass.
 */
export function* updateStatefulSet(ssc: DefaultStatefulSetControl, set: Stored<StatefulSet>, currentRevision: ControllerRevision, updateRevision: ControllerRevision, collisionCount: number, pods: readonly Stored<Pod>[]): Task<{ status?: StatefulSetStatus; err: SyncError }> {
  const currentSet = applyRevision(set, currentRevision);
  const updateSet = applyRevision(set, updateRevision);
  const status: StatefulSetStatus = {
    replicas: 0, observedGeneration: set.metadata.generation, currentRevision: currentRevision.metadata!.name, updateRevision: updateRevision.metadata!.name, collisionCount,
  };
  const clock: StatusClock = { minReadySeconds: set.spec?.minReadySeconds ?? 0, nowMs: ssc.sim.nowMs, epochMs: ssc.epochMs };
  updateStatus(status, clock, [pods]);

  const { replicas, condemned } = partitionPods(set, pods);
  for (let ord = getStartOrdinal(set); ord <= getEndOrdinal(set); ord++) {
    const i = ord - getStartOrdinal(set);
    replicas[i] ??= newVersionedStatefulSetPod(currentSet, updateSet, currentRevision.metadata!.name!, updateRevision.metadata!.name!, ord);
  }
  const firstUnavailablePod = findFirstUnavailable(replicas as Pod[], condemned, clock);
  // A set being deleted only gets its status updated.
  if (set.metadata.deletionTimestamp) return { status, err: undefined };

  const pass: PodPass = { ssc, set, updateSet, monotonic: !allowsBurst(set), clock };
  const all = replicas as Pod[];
  const recount = () => updateStatus(status, clock, [all, condemned]);
  for (const step of [
    () => runForAll(all, (i) => processReplica(pass, all, i), pass.monotonic),
    () => runForAll(condemned, (i) => fixPodClaim(pass, condemned[i]), pass.monotonic),
    () => runForAll(condemned, (i) => processCondemned(pass, firstUnavailablePod, condemned, i), pass.monotonic),
  ]) {
    const result = yield* step();
    if (result.shouldExit || result.err) {
      recount();
      return { status, err: result.err };
    }
  }
  recount();
  // OnDelete: pods are replaced only when someone deletes them.
  if (set.spec?.updateStrategy?.type === 'OnDelete') return { status, err: undefined };
  return yield* rollingUpdateStatefulSet(pass, all, updateRevision.metadata!.name!, status);
}

/**
 * partitionPods puts each pod whose ordinal is in range at index ordinal - start of `replicas`;
 * the others with a valid ordinal are condemned, highest ordinal first. Pods whose name has no
 * ordinal are ignored.
 */
export function partitionPods<T extends Pod>(set: StatefulSet, pods: readonly T[]): { replicas: Array<T | Pod | undefined>; condemned: T[] } {
  const replicas = new Array<T | Pod | undefined>(specReplicas(set)).fill(undefined);
  const condemned: T[] = [];
  for (const pod of pods) {
    if (podInOrdinalRange(pod, set)) replicas[getOrdinal(pod) - getStartOrdinal(set)] = pod;
    else if (getOrdinal(pod) >= 0) condemned.push(pod);
  }
  condemned.sort(byOrdinalDescending);
  return { replicas, condemned };
}

/** findFirstUnavailable: the lowest-ordinal unavailable replica, else the lowest-ordinal unavailable condemned pod. */
function findFirstUnavailable(replicas: readonly Pod[], condemned: readonly Pod[], clock: StatusClock): Pod | undefined {
  const unavailable = (pod: Pod) => isUnavailable(pod, clock.minReadySeconds, clock.nowMs, clock.epochMs);
  return replicas.find(unavailable) ?? [...condemned].reverse().find(unavailable);
}

/**
 * runForAll runs `fn` over the pods: in order, stopping at the first that says exit
 * (OrderedReady), or all at once in slow-start batches (Parallel).
 */
export function* runForAll(pods: readonly Pod[], fn: (i: number) => Task<StepResult>, monotonic: boolean): Task<StepResult> {
  if (monotonic) {
    for (let i = 0; i < pods.length; i++) {
      const result = yield* fn(i);
      if (result.shouldExit || result.err) return { shouldExit: true, err: result.err };
    }
    return { shouldExit: false, err: undefined };
  }
  let next = 0;
  const batch = yield* slowStartBatch(pods.length, 1, function* () {
    return (yield* fn(next++)).err;
  });
  return batch.err ? { shouldExit: true, err: batch.err } : { shouldExit: false, err: undefined };
}

/**
 * processReplica handles one pod in range: a finished pod is deleted (recreated next sync), a
 * missing one created with its claims, and in OrderedReady mode the pass stops at any pod not
 * yet Running, Ready and available. A healthy pod whose identity, storage or claim owners drifted
 * is fixed in place.
 */
function* processReplica(pass: PodPass, replicas: readonly Pod[], i: number): Task<StepResult> {
  const { ssc, set, monotonic, clock } = pass;
  const pod = replicas[i];
  // Succeeded too: an evicted or node-rebooted pod's phase comes from its exit code.
  if (isFailed(pod) || isSucceeded(pod)) {
    if (!pod.metadata?.deletionTimestamp) {
      traceDecision(ssc.sim, STATEFULSET_CONTROLLER, 'statefulset.recreateFailedPod', refOf(set), { pod: pod.metadata?.name, phase: pod.status?.phase });
      const deleted = yield* ssc.podControl.deleteStatefulPod(set, pod);
      if (deleted.err) return { shouldExit: true, err: deleted.err };
    }
    return { shouldExit: true, err: undefined };
  }
  if (!isCreated(pod)) {
    if (ssc.podControl.podClaimIsStale(set, pod)) return { shouldExit: true, err: undefined };
    traceDecision(ssc.sim, STATEFULSET_CONTROLLER, 'statefulset.createPod', refOf(set), { pod: pod.metadata?.name });
    const err = yield* ssc.podControl.createStatefulPod(set, pod);
    if (err) return { shouldExit: true, err };
    if (monotonic) return { shouldExit: true, err: undefined };
  }
  if (isPending(pod)) {
    const err = yield* ssc.podControl.createMissingPersistentVolumeClaims(set, pod);
    if (err) return { shouldExit: true, err };
  }
  if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isRunningAndAvailable(pod, clock.minReadySeconds, clock.nowMs, clock.epochMs))) {
    return { shouldExit: true, err: undefined };
  }
  // A claim lookup error counts as a match: the pod may simply not be fully updated yet.
  const retention = yield* ssc.podControl.claimsMatchRetentionPolicy(pass.updateSet, pod);
  if (identityMatches(set, pod) && storageMatches(set, pod) && (retention.err !== undefined || retention.match)) return { shouldExit: false, err: undefined };
  const err = yield* ssc.podControl.updateStatefulPod(pass.updateSet, pod);
  return { shouldExit: !!err, err };
}

/** fixPodClaim gives a condemned pod's claims the owners of a scaled-down pod (whenScaled Delete: the pod). */
function* fixPodClaim(pass: PodPass, pod: Pod): Task<StepResult> {
  const matched = yield* pass.ssc.podControl.claimsMatchRetentionPolicy(pass.updateSet, pod);
  if (matched.err) return { shouldExit: true, err: matched.err };
  if (matched.match) return { shouldExit: false, err: undefined };
  const err = yield* pass.ssc.podControl.updatePodClaimForRetentionPolicy(pass.updateSet, pod);
  return { shouldExit: !!err, err };
}

/**
 * processCondemned deletes a pod beyond the range. In OrderedReady mode it waits for a
 * terminating pod to go, and deletes nothing while some other pod is unhealthy; the first
 * unhealthy pod itself may go.
 */
function* processCondemned(pass: PodPass, firstUnhealthyPod: Pod | undefined, condemned: readonly Pod[], i: number): Task<StepResult> {
  const { ssc, set, monotonic, clock } = pass;
  const pod = condemned[i];
  if (isTerminating(pod)) return { shouldExit: monotonic, err: undefined };
  const healthy = isRunningAndReady(pod) && isRunningAndAvailable(pod, clock.minReadySeconds, clock.nowMs, clock.epochMs);
  if (monotonic && !healthy && pod !== firstUnhealthyPod) return { shouldExit: true, err: undefined };
  traceDecision(ssc.sim, STATEFULSET_CONTROLLER, 'statefulset.scaleDown', refOf(set), { pod: pod.metadata?.name });
  const deleted = yield* ssc.podControl.deleteStatefulPod(set, pod);
  return { shouldExit: true, err: deleted.err };
}
