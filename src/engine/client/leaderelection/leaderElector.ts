// Mirrors client-go tools/leaderelection (leaderelection.go, resourcelock/leaselock.go) as
// kube-controller-manager and kube-scheduler use it in v1.32: a coordination.k8s.io/v1 Lease in
// kube-system, lease 15 s, renew deadline 10 s, retry period 2 s (component-base
// LeaderElectionConfiguration defaults), JitterUntil with jitter factor 1.2 while acquiring.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Rng } from '../../sim/rng';
import type { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { uuidV4 } from '../../sim/uuid';
import { fromRFC3339, toRFC3339Micro } from '../../sim/time';
import type { ApiClient } from '../client';
import type { EventRecorder } from '../record/eventRecorder';
import { LeaseLock, sameRecord, type LeaderElectionRecord } from './leaseLock';

/** JITTER_FACTOR: wait.JitterUntil(retryPeriod, JitterFactor=1.2) in acquire. */
export const JITTER_FACTOR = 1.2;

export interface LeaderElectionConfig {
  namespace: string;
  name: string;
  identity: string;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  /** epochMs: the cluster's wall-clock origin (Lease times are MicroTime). */
  epochMs?: number;
  /** component acts in the trace (kube-controller-manager, kube-scheduler); default the lease name. */
  component?: string;
  onStartedLeading(): void;
  onStoppedLeading(): void;
  onNewLeader?(identity: string): void;
}

export const DEFAULT_LEASE_TIMING = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

/**
 * LeaderElector runs one candidate (LeaderElector.Run): acquire retries tryAcquireOrRenew every
 * retryPeriod × [1, 2.2); once it holds the Lease it renews at once and then every retryPeriod,
 * each renewal a poll (every retryPeriod) bounded by the renew deadline; a poll that runs out
 * records "stopped leading" and calls onStoppedLeading. A record held by someone else counts as
 * expired only once leaseDuration has passed since *this candidate* last saw it change
 * (observedTime), so clock skew between hosts does not matter. stop() is the process dying: every
 * loop ends, no callback runs and the Lease is left to expire.
 */
export class LeaderElector {
  private readonly lock: LeaseLock;
  private observedRecord: LeaderElectionRecord | undefined;
  private observedTimeMs = 0;
  private leading = false;
  private generation = 0;
  private reportedLeader = '';

  constructor(
    private readonly sim: Simulator,
    client: ApiClient,
    private readonly rng: Rng,
    private readonly config: LeaderElectionConfig,
    recorder?: EventRecorder,
  ) {
    this.lock = new LeaseLock(client, config.namespace, config.name, config.identity, recorder);
  }

  /** isLeader is true between OnStartedLeading and losing the Lease or stop(). */
  get isLeader(): boolean {
    return this.leading;
  }

  /** leader is the holder this candidate last observed (GetLeader). */
  get leader(): string {
    return this.observedRecord?.holderIdentity ?? '';
  }

  run(): void {
    spawn(this.loop(++this.generation));
  }

  /** stop ends the candidate without releasing the Lease (the process was killed). */
  stop(): void {
    this.generation++;
    this.leading = false;
  }

  private alive(generation: number): boolean {
    return this.generation === generation;
  }

  private *loop(generation: number): Task<void> {
    const { retryPeriodMs } = this.config;
    while (!(yield* this.tryAcquireOrRenew())) {
      if (!this.alive(generation)) return;
      yield* wait(this.sim.sleep(Math.floor(retryPeriodMs * (1 + JITTER_FACTOR * this.rng.float()))));
      if (!this.alive(generation)) return;
    }
    if (!this.alive(generation)) return;
    this.leading = true;
    this.lock.recordEvent('became leader');
    this.trace('acquire');
    this.config.onStartedLeading();
    // renew: wait.Until runs the poll at once, then retryPeriod after each successful one.
    while (yield* this.renew(generation)) {
      yield* wait(this.sim.sleep(retryPeriodMs));
      if (!this.alive(generation)) return;
    }
    if (!this.alive(generation)) return;
    this.leading = false;
    this.lock.recordEvent('stopped leading');
    this.trace('lost');
    this.config.onStoppedLeading();
  }

  /** renew is wait.PollImmediateUntil(retryPeriod, tryAcquireOrRenew) under the renew deadline. */
  private *renew(generation: number): Task<boolean> {
    const deadline = this.sim.nowMs + this.config.renewDeadlineMs;
    for (;;) {
      const ok = yield* this.tryAcquireOrRenew();
      if (!this.alive(generation)) return false;
      if (ok && this.sim.nowMs <= deadline) {
        if (this.sim.trace.enabled) this.trace('renew');
        return true;
      }
      if (this.sim.nowMs + this.config.retryPeriodMs >= deadline) return false;
      yield* wait(this.sim.sleep(this.config.retryPeriodMs));
      if (!this.alive(generation)) return false;
    }
  }

  /**
   * tryAcquireOrRenew takes or renews the Lease. The leader whose lease is still valid updates
   * straight from its last copy (upstream's fast path: one PUT per renewal, no GET); otherwise it
   * reads the Lease, backs off while another holder's lease is valid, and writes itself in,
   * counting a transition when the holder changes.
   */
  private *tryAcquireOrRenew(): Task<boolean> {
    const now = toRFC3339Micro(this.sim.nowMs, this.config.epochMs);
    const record: LeaderElectionRecord = { holderIdentity: this.config.identity, leaseDurationSeconds: this.config.leaseDurationMs / 1000, acquireTime: now, renewTime: now, leaderTransitions: 0 };
    const observed = this.observedRecord;
    if (observed && this.holdsObserved() && this.isLeaseValid()) {
      const renewed = { ...record, acquireTime: observed.acquireTime, leaderTransitions: observed.leaderTransitions };
      if (yield* this.lock.update(renewed)) {
        this.setObservedRecord(renewed);
        return true;
      }
    }
    const got = yield* this.lock.get();
    if (!got.ok) {
      if (!got.notFound || !(yield* this.lock.create(record))) return false;
      this.setObservedRecord(record);
      return true;
    }
    if (!sameRecord(this.observedRecord, got.record)) this.setObservedRecord(got.record);
    if (got.record.holderIdentity !== '' && this.isLeaseValid() && !this.holdsObserved()) {
      if (this.sim.trace.enabled) this.trace('held', got.record.holderIdentity);
      return false;
    }
    if (this.holdsObserved()) {
      record.acquireTime = got.record.acquireTime;
      record.leaderTransitions = got.record.leaderTransitions;
    } else record.leaderTransitions = got.record.leaderTransitions + 1;
    if (!(yield* this.lock.update(record))) return false;
    this.setObservedRecord(record);
    return true;
  }

  /** holdsObserved: the last observed record names this candidate (upstream IsLeader). */
  private holdsObserved(): boolean {
    return this.observedRecord?.holderIdentity === this.config.identity;
  }

  private setObservedRecord(record: LeaderElectionRecord): void {
    this.observedRecord = record;
    this.observedTimeMs = this.sim.nowMs;
    if (record.holderIdentity && record.holderIdentity !== this.reportedLeader) {
      this.reportedLeader = record.holderIdentity;
      this.config.onNewLeader?.(record.holderIdentity);
    }
  }

  /** isLeaseValid: the observed record changed less than its leaseDuration ago, by this candidate's clock. */
  private isLeaseValid(): boolean {
    return this.observedTimeMs + (this.observedRecord?.leaseDurationSeconds ?? 0) * 1000 > this.sim.nowMs;
  }

  private trace(event: 'acquire' | 'renew' | 'held' | 'lost', holder = this.config.identity): void {
    if (!this.sim.trace.enabled) return;
    const { namespace, name, identity } = this.config;
    this.sim.emit({ component: this.config.component ?? name, kind: `leaderelection.${event}`, ref: { kind: 'Lease', namespace, name }, holder, identity });
  }
}

/** leaseRenewAgeMs is how long ago a Lease was renewed (for tests and the UI). */
export function leaseRenewAgeMs(lease: Lease, nowMs: number, epochMs?: number): number {
  return nowMs - fromRFC3339((lease.spec?.renewTime ?? '').replace(/(\.\d{3})\d{3}Z$/, '$1Z'), epochMs);
}

/**
 * candidateIdentity is `<hostname>_<uuid>`, as kube-controller-manager and kube-scheduler build
 * their leader-election identity (a new uuid for every process start).
 */
export function candidateIdentity(host: string, rng: Rng): string {
  return `${host}_${uuidV4(rng)}`;
}

/** STATIC_POD_RESTART_MS: the kubelet restarts a control-plane static pod that exited after this back-off. */
export const STATIC_POD_RESTART_MS = 10_000;
