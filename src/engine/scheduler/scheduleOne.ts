// Mirrors kubernetes pkg/scheduler/schedule_one.go (v1.32): ScheduleOne, schedulingCycle,
// bindingCycle, handleBindingCycleError, handleSchedulingFailure. The algorithm itself is in
// schedulePod.ts.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { ApiClient } from '../client/client';
import type { EventRecorder } from '../client/record/eventRecorder';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import { spawn, wait, type Task } from '../sim/task';
import { toRFC3339 } from '../sim/time';
import type { SchedulerCache } from './cache/cache';
import { cycleCostMs, type CycleCost } from './costModel';
import type { CycleState } from './framework/interface';
import { newPodInfo, type PodInfo } from './framework/podInfo';
import type { Framework } from './framework/runtime';
import { isRejected, statusMessage, type Status } from './framework/types';
import type { QueuedPodInfo, SchedulingQueue } from './queue/schedulingQueue';
import { schedulePod, type ScheduleOutcome } from './schedulePod';
import { cycleTable, traceCycle } from './traceCycle';

/** NOTE_LENGTH_LIMIT: event notes longer than this are cut and end in " ..." (validation.NoteLengthLimit). */
export const NOTE_LENGTH_LIMIT = 1024;

/** SchedulerState is what a scheduling cycle reads and moves (the Scheduler struct's fields). */
export interface SchedulerState {
  readonly sim: Simulator;
  readonly component: string;
  readonly rng: Rng;
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  readonly framework: Framework;
  readonly client: ApiClient;
  readonly recorder: EventRecorder;
  readonly epochMs: number;
  readonly cycleCost: CycleCost;
  /** podLister reads the informer's current copy of a pod (`namespace/name`). */
  podLister(key: string): Stored<Pod> | undefined;
  nextStartNodeIndex: number;
  /** nominated: pods preemption nominated to a node, until they bind (the queue's PodNominator). */
  readonly nominated: Map<string, { nodeName: string; podInfo: PodInfo }>;
}

/** nominatedPodsOn lists the pods nominated to a node. */
function nominatedPodsOn(sched: SchedulerState, nodeName: string): PodInfo[] {
  const out: PodInfo[] = [];
  for (const n of sched.nominated.values()) if (n.nodeName === nodeName) out.push(n.podInfo);
  return out;
}

/**
 * scheduleOne pops one pod and runs its scheduling cycle: the algorithm runs on the cache as it is
 * at the start of the cycle (the snapshot), then the cycle's modelled duration passes, then the
 * pod is assumed and bound in the background, or the failure is recorded. Returns false once the
 * queue is closed.
 */
export function* scheduleOne(sched: SchedulerState): Task<boolean> {
  const queued = yield* wait(sched.queue.pop());
  if (!queued) return false;
  const podInfo = queued.podInfo;
  if (skipPodSchedule(sched, podInfo)) {
    sched.queue.done(podInfo.key);
    return true;
  }
  const podSchedulingCycle = sched.queue.schedulingCycle;
  const startMs = sched.sim.nowMs;
  const { outcome, nextStartNodeIndex } = schedulePod(
    {
      framework: sched.framework, nodes: sched.cache.nodeInfos(), rng: sched.rng, nextStartNodeIndex: sched.nextStartNodeIndex, scoreEpoch: sched.cache.scoreEpoch,
      nominatedPods: sched.nominated.size > 0 ? (nodeName) => nominatedPodsOn(sched, nodeName) : undefined,
    },
    podInfo,
  );
  sched.nextStartNodeIndex = nextStartNodeIndex;
  const table = sched.sim.trace.enabled ? cycleTable(outcome) : undefined;
  yield* wait(sched.sim.sleep(cycleCostMs(outcome.evaluatedNodes, outcome.scores ? outcome.feasibleNodes.length : 0, sched.cycleCost)));
  const failure = outcome.suggestedHost === undefined ? outcome.status! : schedulingCycleTail(sched, outcome.state, podInfo, outcome.suggestedHost);
  if (table && sched.sim.trace.enabled) traceCycle(sched, queued, outcome, table, failure, sched.sim.nowMs - startMs);
  if (failure) {
    handleSchedulingFailure(sched, queued, failure, podSchedulingCycle, outcome);
    return true;
  }
  spawn(bindingCycle(sched, outcome.state, queued, outcome.suggestedHost!));
  return true;
}

/** skipPodSchedule: a pod being deleted, or already assumed, is not scheduled again. */
function skipPodSchedule(sched: SchedulerState, podInfo: PodInfo): boolean {
  const pod = podInfo.pod;
  if (pod.metadata.deletionTimestamp) {
    sched.recorder.event(pod, 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${pod.metadata.namespace}/${pod.metadata.name}`, { action: 'Scheduling' });
    return true;
  }
  return sched.cache.isAssumedPod(podInfo.key);
}

/** schedulingCycleTail: assume the pod on the chosen node, then Reserve and Permit. */
function schedulingCycleTail(sched: SchedulerState, state: CycleState, podInfo: PodInfo, host: string): Status | null {
  sched.cache.assumePod(podInfo, host);
  const reserve = sched.framework.runReservePluginsReserve(state, podInfo, host);
  const refused = reserve ?? sched.framework.runPermitPlugins(state, podInfo, host);
  if (refused === null || refused.code === 'Wait') return null;
  sched.framework.runReservePluginsUnreserve(state, podInfo, host);
  sched.cache.forgetPod(podInfo.key);
  return refused;
}

/** bindingCycle runs PreBind and Bind in the background; failures release the assumed pod. */
function* bindingCycle(sched: SchedulerState, state: CycleState, queued: QueuedPodInfo, host: string): Task<void> {
  const podInfo = queued.podInfo;
  sched.queue.done(podInfo.key);
  let status = yield* sched.framework.runPreBindPlugins(state, podInfo, host);
  if (status === null) status = yield* sched.framework.runBindPlugins(state, podInfo, host);
  sched.cache.finishBinding(podInfo.key);
  if (status === null) {
    sched.nominated.delete(podInfo.key);
    const { namespace, name } = podInfo.pod.metadata;
    sched.recorder.event(podInfo.pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${host}`, { action: 'Binding' });
    sched.framework.runPostBindPlugins(state, podInfo, host);
    return;
  }
  sched.framework.runReservePluginsUnreserve(state, podInfo, host);
  sched.cache.forgetPod(podInfo.key);
  sched.queue.moveAllToActiveOrBackoffQueue({ resource: 'AssignedPod', action: 'Delete', label: 'AssignedPodDelete' });
  handleSchedulingFailure(sched, queued, status, sched.queue.schedulingCycle, undefined);
}

/**
 * handleSchedulingFailure records the FailedScheduling event, puts the pod back in the queue (if
 * it still exists and is still unbound) and sets PodScheduled=False with reason Unschedulable
 * (or SchedulerError for errors) and the message.
 */
export function handleSchedulingFailure(sched: SchedulerState, queued: QueuedPodInfo, status: Status, podSchedulingCycle: number, outcome: ScheduleOutcome | undefined): void {
  const reason = isRejected(status) ? 'Unschedulable' : 'SchedulerError';
  const key = queued.podInfo.key;
  if (outcome) queued.unschedulablePlugins = new Set([...outcome.diagnosis.unschedulablePlugins].filter(Boolean));
  else queued.unschedulablePlugins = new Set();
  const cached = sched.podLister(key);
  if (cached && !cached.spec?.nodeName) {
    queued.podInfo = newPodInfo(cached);
    sched.queue.addUnschedulableIfNotPresent(queued, podSchedulingCycle);
  } else {
    sched.queue.done(key);
  }
  const message = statusMessage(status);
  const pod = cached ?? queued.podInfo.pod;
  sched.recorder.event(pod, 'Warning', 'FailedScheduling', truncateMessage(message), { action: 'Scheduling' });
  if (!cached) sched.nominated.delete(key);
  if (outcome?.nominatedNodeName && cached) {
    sched.nominated.set(key, { nodeName: outcome.nominatedNodeName, podInfo: newPodInfo(cached) });
    spawn(preemptVictims(sched, cached, outcome.nominatedNodeName, outcome.victims ?? []));
  }
  if (cached && !cached.spec?.nodeName) updatePodScheduledCondition(sched, cached, reason, message, outcome?.nominatedNodeName);
}

/**
 * preemptVictims is prepareCandidate: each victim gets the DisruptionTarget condition, is deleted
 * (with its grace period) and gets the `Preempted` event naming the preemptor's uid; the
 * preemptor waits in the queue, nominated to the node, until they are gone.
 */
function* preemptVictims(sched: SchedulerState, preemptor: Stored<Pod>, nodeName: string, victims: readonly PodInfo[]): Task<void> {
  for (const victim of victims) {
    const { namespace, name } = victim.pod.metadata;
    const condition: PodCondition = {
      type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: toRFC3339(sched.sim.nowMs, sched.epochMs),
      reason: 'PreemptionByScheduler', message: `${sched.framework.schedulerName}: preempting to accommodate a higher priority pod`,
    };
    yield* wait(sched.client.patch('pods', namespace, name, 'strategic', { status: { conditions: [condition] } }, { subresource: 'status' }));
    const deleted = yield* wait(sched.client.delete('pods', namespace, name));
    if (!deleted.ok && deleted.status.code !== 404) continue;
    sched.recorder.event(victim.pod, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`, { action: 'Preempting' });
  }
}

/** truncateMessage cuts a note to NOTE_LENGTH_LIMIT characters, ending in " ...". */
export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  return `${message.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

/** updatePodScheduledCondition patches status.conditions when the condition actually changes (UpdatePodCondition). */
function updatePodScheduledCondition(sched: SchedulerState, pod: Stored<Pod>, reason: string, message: string, nominatedNodeName?: string): void {
  const old = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const nominationChanges = nominatedNodeName !== undefined && pod.status?.nominatedNodeName !== nominatedNodeName;
  if (old && old.status === 'False' && old.reason === reason && old.message === message && !nominationChanges) return;
  const lastTransitionTime = old && old.status === 'False' ? old.lastTransitionTime : toRFC3339(sched.sim.nowMs, sched.epochMs);
  const condition: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null as unknown as string, lastTransitionTime, reason, message };
  const { namespace, name } = pod.metadata;
  const status = nominationChanges ? { conditions: [condition], nominatedNodeName } : { conditions: [condition] };
  sched.client.patch('pods', namespace, name, 'strategic', { status }, { subresource: 'status' });
}
