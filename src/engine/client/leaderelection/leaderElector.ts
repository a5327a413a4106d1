// Mirrors client-go tools/leaderelection (leaderelection.go, resourcelock/leaselock.go) as
// kube-controller-manager and kube-scheduler use it in v1.32: a coordination.k8s.io/v1 Lease in
// kube-system, lease 15 s, renew deadline 10 s, retry period 2 s (component-base
// LeaderElectionConfiguration defaults), JitterUntil with jitter factor 1.2 while acquiring.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Stored } from '../../api/object';
import type { Rng } from '../../sim/rng';
import type { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { fromRFC3339, toRFC3339Micro } from '../../sim/time';
import type { ApiClient } from '../client';
import type { EventRecorder } from '../record/eventRecorder';

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
  onStartedLeading(): void;
  onStoppedLeading(): void;
  onNewLeader?(identity: string): void;
}

export const DEFAULT_LEASE_TIMING = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

/**
 * LeaderElector runs one candidate: acquire (retrying every retryPeriod with jitter), then renew
 * every retryPeriod; when renewals keep failing past the renew deadline the leader gives up
 * ("leaderelection lost") and calls onStoppedLeading. A record held by someone else counts as
 * expired only once leaseDuration has passed since *this candidate* last saw it change
 * (observedTime), so clock skew between hosts does not matter.
 */
export class LeaderElector {
  private observedRecord: { holder: string; renewTime: string; transitions: number } | undefined;
  private observedTimeMs = 0;
  private leading = false;
  private stopped = false;
  private reportedLeader = '';

  constructor(
    private readonly sim: Simulator,
    private readonly client: ApiClient,
    private readonly rng: Rng,
    private readonly config: LeaderElectionConfig,
    private readonly recorder?: EventRecorder,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  run(): void {
    spawn(this.loop());
  }

  /** stop ends the candidate without releasing the Lease (the process was killed). */
  stop(): void {
    this.stopped = true;
    this.leading = false;
  }

  private *loop(): Task<void> {
    while (!this.stopped && !(yield* this.tryAcquireOrRenew())) {
      yield* wait(this.sim.sleep(Math.round(this.config.retryPeriodMs * (1 + JITTER_FACTOR * this.rng.float()))));
    }
    if (this.stopped) return;
    this.leading = true;
    this.trace('acquire');
    this.config.onStartedLeading();
    let lastRenewMs = this.sim.nowMs;
    while (!this.stopped) {
      yield* wait(this.sim.sleep(this.config.retryPeriodMs));
      if (this.stopped) return;
      if (yield* this.tryAcquireOrRenew()) {
        lastRenewMs = this.sim.nowMs;
        continue;
      }
      if (this.sim.nowMs - lastRenewMs >= this.config.renewDeadlineMs) break;
    }
    if (this.stopped) return;
    this.leading = false;
    this.trace('lost');
    this.config.onStoppedLeading();
  }

  /** tryAcquireOrRenew reads the Lease and takes or renews it when free, expired or ours. */
  private *tryAcquireOrRenew(): Task<boolean> {
    const { namespace, name, identity } = this.config;
    const now = toRFC3339Micro(this.sim.nowMs, this.config.epochMs);
    const got = yield* wait(this.client.get<Lease>('leases', namespace, name));
    if (!got.ok && got.status.code !== 404) return false;
    if (!got.ok) {
      const spec = { holderIdentity: identity, leaseDurationSeconds: this.config.leaseDurationMs / 1000, acquireTime: now, renewTime: now, leaseTransitions: 0 };
      const created = yield* wait(this.client.create<Lease>('leases', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace }, spec }));
      if (!created.ok) return false;
      this.observe(created.object);
      this.becameLeader(created.object);
      return true;
    }
    const lease = got.object;
    this.observe(lease);
    const holder = lease.spec?.holderIdentity ?? '';
    if (holder !== '' && holder !== identity && this.observedTimeMs + this.config.leaseDurationMs > this.sim.nowMs) return false;
    const ours = holder === identity;
    const spec = {
      ...lease.spec,
      holderIdentity: identity,
      leaseDurationSeconds: this.config.leaseDurationMs / 1000,
      renewTime: now,
      acquireTime: ours ? lease.spec?.acquireTime : now,
      leaseTransitions: ours ? (lease.spec?.leaseTransitions ?? 0) : (lease.spec?.leaseTransitions ?? 0) + 1,
    };
    const updated = yield* wait(this.client.update<Lease>('leases', { ...lease, spec }));
    if (!updated.ok) return false;
    this.observe(updated.object);
    if (!ours) this.becameLeader(updated.object);
    return true;
  }

  private becameLeader(lease: Stored<Lease>): void {
    // resourcelock LeaseLock.RecordEvent: "<identity> became leader" on the Lease.
    this.recorder?.event(lease, 'Normal', 'LeaderElection', `${this.config.identity} became leader`);
  }

  /** observe remembers when the record last changed, by this candidate's clock. */
  private observe(lease: Stored<Lease>): void {
    const record = { holder: lease.spec?.holderIdentity ?? '', renewTime: lease.spec?.renewTime ?? '', transitions: lease.spec?.leaseTransitions ?? 0 };
    const o = this.observedRecord;
    if (!o || o.holder !== record.holder || o.renewTime !== record.renewTime || o.transitions !== record.transitions) {
      this.observedRecord = record;
      this.observedTimeMs = this.sim.nowMs;
    }
    if (record.holder && record.holder !== this.reportedLeader) {
      this.reportedLeader = record.holder;
      this.config.onNewLeader?.(record.holder);
    }
  }

  private trace(event: 'acquire' | 'lost'): void {
    if (this.sim.trace.enabled) this.sim.emit({ component: this.config.identity, kind: `leaderelection.${event}`, ref: { kind: 'Lease', namespace: this.config.namespace, name: this.config.name }, holder: this.config.identity });
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
  const hex = (n: number) => rng.nextU32().toString(16).padStart(8, '0').slice(0, n);
  const variant = (8 + rng.int(4)).toString(16);
  return `${host}_${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(8)}${hex(4)}`;
}

/** STATIC_POD_RESTART_MS: the kubelet restarts a control-plane static pod that exited after this back-off. */
export const STATIC_POD_RESTART_MS = 10_000;
