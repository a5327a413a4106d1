// Mirrors kubernetes pkg/scheduler/backend/queue/scheduling_queue.go (v1.32): activeQ,
// backoffQ and unschedulablePods, with the moveRequestCycle rule of the pre-QueueingHint queue.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { Future } from '../../sim/future';
import type { Simulator, Timer } from '../../sim/simulator';
import type { ClusterEvent } from '../framework/interface';
import { newPodInfo, type PodInfo } from '../framework/podInfo';
import type { Framework } from '../framework/runtime';
import { KeyedHeap } from './heap';
import { isPodUpdated, podBackoffDurationMs, QUEUE_DEFAULTS, type QueueTimings } from './backoff';

/** QueuedPodInfo is a pod waiting in the scheduling queue and its scheduling history. */
export interface QueuedPodInfo {
  podInfo: PodInfo;
  /** timestampMs: when the pod was last (re)added to the queue (PrioritySort's tie-break). */
  timestampMs: number;
  /** attempts: scheduling cycles run for this pod so far. */
  attempts: number;
  initialAttemptTimestampMs: number | undefined;
  /** unschedulablePlugins: plugins that rejected it last time; their events requeue it. */
  unschedulablePlugins: Set<string>;
}

export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods';

/**
 * SchedulingQueue feeds scheduleOne. New and ready pods wait in activeQ (PrioritySort order);
 * pods that failed wait in unschedulablePods until a cluster event that one of their rejecting
 * plugins cares about (a node added, a pod deleted...) moves them on, or 5 minutes pass; pods that
 * were retried too recently sit out a back-off of 1 s doubling per attempt up to 10 s in backoffQ.
 * A pod that failed while a move request arrived (moveRequestCycle ≥ its cycle) goes straight to
 * backoffQ, so the event is not lost.
 */
export class SchedulingQueue {
  private readonly activeQ: KeyedHeap<QueuedPodInfo>;
  private readonly backoffQ: KeyedHeap<QueuedPodInfo>;
  private readonly unschedulablePods = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, QueuedPodInfo>();
  private readonly waiters: Array<Future<QueuedPodInfo | undefined>> = [];
  private schedulingCycleCount = 0;
  private moveRequestCycle = -1;
  private backoffTimer: Timer | undefined;
  private leftoverTimer: Timer | undefined;
  private closed = false;

  constructor(
    private readonly sim: Simulator,
    private readonly framework: Framework,
    private readonly component: string,
    private readonly timings: QueueTimings = QUEUE_DEFAULTS,
  ) {
    const sort = framework.profile.queueSort;
    this.activeQ = new KeyedHeap((q) => q.podInfo.key, (a, b) => sort.less(a, b));
    this.backoffQ = new KeyedHeap((q) => q.podInfo.key, (a, b) => this.backoffTimeMs(a) < this.backoffTimeMs(b));
  }

  get schedulingCycle(): number {
    return this.schedulingCycleCount;
  }

  /** lengths reports the three sub-queues (the UI's queue panel). */
  lengths(): Record<QueueName, number> {
    return { activeQ: this.activeQ.length, backoffQ: this.backoffQ.length, unschedulablePods: this.unschedulablePods.size };
  }

  /** where tells which sub-queue holds a pod ('inFlight' while being scheduled). */
  where(key: string): QueueName | 'inFlight' | undefined {
    if (this.activeQ.has(key)) return 'activeQ';
    if (this.backoffQ.has(key)) return 'backoffQ';
    if (this.unschedulablePods.has(key)) return 'unschedulablePods';
    return this.inFlight.has(key) ? 'inFlight' : undefined;
  }

  /** add queues a new unscheduled pod in activeQ. */
  add(pod: Stored<Pod>): void {
    const podInfo = newPodInfo(pod);
    if (this.where(podInfo.key) !== undefined) return this.update(pod);
    this.toActive({ podInfo, timestampMs: this.sim.nowMs, attempts: 0, initialAttemptTimestampMs: undefined, unschedulablePlugins: new Set() }, 'PodAdd');
  }

  /**
   * update refreshes a queued pod. A pod parked in unschedulablePods moves on when its spec or
   * labels changed (isPodUpdated ignores status, so the scheduler's own condition write does not).
   */
  update(pod: Stored<Pod>): void {
    const podInfo = newPodInfo(pod);
    const key = podInfo.key;
    const active = this.activeQ.get(key);
    if (active) return this.activeQ.addOrUpdate({ ...active, podInfo });
    const backoff = this.backoffQ.get(key);
    if (backoff) return this.backoffQ.addOrUpdate({ ...backoff, podInfo });
    const flying = this.inFlight.get(key);
    if (flying) {
      flying.podInfo = podInfo;
      return;
    }
    const parked = this.unschedulablePods.get(key);
    if (!parked) return this.add(pod);
    const changed = isPodUpdated(parked.podInfo.pod, pod);
    parked.podInfo = podInfo;
    if (!changed) return;
    this.unschedulablePods.delete(key);
    this.requeue(parked, 'UnscheduledPodUpdate');
  }

  delete(key: string): void {
    this.activeQ.delete(key);
    this.backoffQ.delete(key);
    this.unschedulablePods.delete(key);
  }

  /** pop hands out the head of activeQ, waiting while it is empty (undefined once closed). */
  pop(): Future<QueuedPodInfo | undefined> {
    const future = new Future<QueuedPodInfo | undefined>();
    if (this.closed) future.resolve(undefined);
    else if (this.activeQ.length > 0) future.resolve(this.take());
    else this.waiters.push(future);
    return future;
  }

  /** done marks the end of a pod's scheduling cycle (SchedulingQueue.Done). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * addUnschedulableIfNotPresent parks a pod that failed its cycle: in backoffQ when a move
   * request arrived during that cycle or no plugin is to blame (an error), else in
   * unschedulablePods.
   */
  addUnschedulableIfNotPresent(queued: QueuedPodInfo, podSchedulingCycle: number): void {
    const key = queued.podInfo.key;
    this.inFlight.delete(key);
    if (this.where(key) !== undefined) return;
    queued.timestampMs = this.sim.nowMs;
    if (this.moveRequestCycle >= podSchedulingCycle || queued.unschedulablePlugins.size === 0) {
      this.toBackoff(queued, 'ScheduleAttemptFailure');
    } else {
      this.unschedulablePods.set(key, queued);
      this.traceMove(queued, 'unschedulablePods', 'ScheduleAttemptFailure');
      this.ensureLeftoverTicker();
    }
  }

  /** moveAllToActiveOrBackoffQueue requeues parked pods a cluster event may help. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent): void {
    this.moveRequestCycle = this.schedulingCycleCount;
    if (this.unschedulablePods.size === 0) return;
    const interested = this.framework.pluginsFor(event);
    for (const [key, queued] of [...this.unschedulablePods]) {
      if (!podMatchesEvent(queued, interested)) continue;
      this.unschedulablePods.delete(key);
      this.requeue(queued, event.label);
    }
  }

  close(): void {
    this.closed = true;
    this.sim.cancel(this.backoffTimer);
    this.sim.cancel(this.leftoverTimer);
    for (const waiter of this.waiters.splice(0)) waiter.resolve(undefined);
  }

  /** backoffTimeMs is when a pod's back-off ends: timestamp + 1 s × 2^(attempts-1), capped at 10 s. */
  backoffTimeMs(queued: QueuedPodInfo): number {
    return queued.timestampMs + podBackoffDurationMs(queued.attempts, this.timings);
  }

  private take(): QueuedPodInfo {
    const queued = this.activeQ.pop()!;
    this.schedulingCycleCount++;
    queued.attempts++;
    queued.initialAttemptTimestampMs ??= this.sim.nowMs;
    this.inFlight.set(queued.podInfo.key, queued);
    return queued;
  }

  private requeue(queued: QueuedPodInfo, event: string): void {
    if (this.backoffTimeMs(queued) > this.sim.nowMs) this.toBackoff(queued, event);
    else this.toActive(queued, event);
  }

  private toActive(queued: QueuedPodInfo, event: string): void {
    if (this.closed) return;
    this.activeQ.addOrUpdate(queued);
    this.traceMove(queued, 'activeQ', event);
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(this.take());
  }

  private toBackoff(queued: QueuedPodInfo, event: string): void {
    this.backoffQ.addOrUpdate(queued);
    this.traceMove(queued, 'backoffQ', event);
    this.ensureBackoffTicker();
  }

  /** flushBackoffQCompleted runs every second while backoffQ holds pods. */
  private ensureBackoffTicker(): void {
    if (this.backoffTimer || this.closed) return;
    this.backoffTimer = this.sim.after(this.timings.flushBackoffQIntervalMs, () => {
      this.backoffTimer = undefined;
      const nowMs = this.sim.nowMs;
      for (let head = this.backoffQ.peek(); head && this.backoffTimeMs(head) <= nowMs; head = this.backoffQ.peek()) {
        this.toActive(this.backoffQ.pop()!, 'BackoffComplete');
      }
      if (this.backoffQ.length > 0) this.ensureBackoffTicker();
    });
  }

  /** flushUnschedulablePodsLeftover runs every 30 s while pods are parked; 5 min parked → retried. */
  private ensureLeftoverTicker(): void {
    if (this.leftoverTimer || this.closed) return;
    this.leftoverTimer = this.sim.after(this.timings.flushUnschedulableIntervalMs, () => {
      this.leftoverTimer = undefined;
      const nowMs = this.sim.nowMs;
      for (const [key, queued] of [...this.unschedulablePods]) {
        if (nowMs - queued.timestampMs <= this.timings.maxInUnschedulablePodsMs) continue;
        this.unschedulablePods.delete(key);
        this.requeue(queued, 'UnschedulableTimeout');
      }
      if (this.unschedulablePods.size > 0) this.ensureLeftoverTicker();
    });
  }

  private traceMove(queued: QueuedPodInfo, to: QueueName, event: string): void {
    if (!this.sim.trace.enabled) return;
    const meta = queued.podInfo.pod.metadata;
    this.sim.emit({ component: this.component, kind: 'scheduler.queue', ref: { kind: 'Pod', namespace: meta.namespace, name: meta.name }, to, event, attempts: queued.attempts, ...this.lengths() });
  }
}

/** podMatchesEvent: a pod with no rejecting plugin (it hit an error) is moved by any event. */
function podMatchesEvent(queued: QueuedPodInfo, interested: ReadonlySet<string>): boolean {
  if (queued.unschedulablePlugins.size === 0) return true;
  for (const plugin of queued.unschedulablePlugins) if (interested.has(plugin)) return true;
  return false;
}
