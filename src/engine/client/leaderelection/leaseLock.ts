// Mirrors kubernetes staging/src/k8s.io/client-go/tools/leaderelection/resourcelock/leaselock.go
// and interface.go (v1.32): a coordination.k8s.io/v1 Lease as the lock, its spec the record.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Stored } from '../../api/object';
import type { ApiClient } from '../client';
import type { EventRecorder } from '../record/eventRecorder';
import { wait, type Task } from '../../sim/task';

/** LeaderElectionRecord is what the lock stores (resourcelock.LeaderElectionRecord). */
export interface LeaderElectionRecord {
  holderIdentity: string;
  leaseDurationSeconds: number;
  /** MicroTime strings (RFC 3339 with microseconds). */
  acquireTime: string;
  renewTime: string;
  leaderTransitions: number;
}

export type LockResult = { ok: true; record: LeaderElectionRecord } | { ok: false; notFound: boolean };

/**
 * LeaseLock keeps the last Lease it read or wrote, so that an update carries its resourceVersion
 * (an update from a stale copy gets a Conflict, as upstream).
 */
export class LeaseLock {
  private lease: Stored<Lease> | undefined;

  constructor(
    private readonly client: ApiClient,
    readonly namespace: string,
    readonly name: string,
    readonly identity: string,
    private readonly recorder?: EventRecorder,
  ) {}

  /** get reads the Lease and returns its record (LeaseLock.Get). */
  *get(): Task<LockResult> {
    const got = yield* wait(this.client.get<Lease>('leases', this.namespace, this.name));
    if (!got.ok) return { ok: false, notFound: got.status.code === 404 };
    this.lease = got.object;
    return { ok: true, record: leaseSpecToRecord(got.object) };
  }

  /** create writes a new Lease holding the record (LeaseLock.Create). */
  *create(record: LeaderElectionRecord): Task<boolean> {
    const lease: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.name, namespace: this.namespace }, spec: recordToLeaseSpec(record) };
    const created = yield* wait(this.client.create<Lease>('leases', lease));
    if (created.ok) this.lease = created.object;
    return created.ok;
  }

  /** update replaces the spec of the Lease last seen (LeaseLock.Update); false before any get. */
  *update(record: LeaderElectionRecord): Task<boolean> {
    if (!this.lease) return false;
    const updated = yield* wait(this.client.update<Lease>('leases', { ...this.lease, spec: recordToLeaseSpec(record) }));
    if (updated.ok) this.lease = updated.object;
    return updated.ok;
  }

  /** recordEvent emits `<identity> <what>` (reason LeaderElection) on the Lease (LeaseLock.RecordEvent). */
  recordEvent(what: string): void {
    if (!this.recorder || !this.lease) return;
    this.recorder.event({ ...this.lease, apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' }, 'Normal', 'LeaderElection', `${this.identity} ${what}`);
  }

  /** describe is `<namespace>/<name>`, as the lock's log lines name it. */
  describe(): string {
    return `${this.namespace}/${this.name}`;
  }
}

/** leaseSpecToRecord (resourcelock.LeaseSpecToLeaderElectionRecord). */
export function leaseSpecToRecord(lease: Lease): LeaderElectionRecord {
  const spec = lease.spec ?? {};
  return {
    holderIdentity: spec.holderIdentity ?? '',
    leaseDurationSeconds: spec.leaseDurationSeconds ?? 0,
    acquireTime: spec.acquireTime ?? '',
    renewTime: spec.renewTime ?? '',
    leaderTransitions: spec.leaseTransitions ?? 0,
  };
}

/** recordToLeaseSpec (resourcelock.LeaderElectionRecordToLeaseSpec). */
export function recordToLeaseSpec(record: LeaderElectionRecord): NonNullable<Lease['spec']> {
  return {
    holderIdentity: record.holderIdentity,
    leaseDurationSeconds: record.leaseDurationSeconds,
    acquireTime: record.acquireTime,
    renewTime: record.renewTime,
    leaseTransitions: record.leaderTransitions,
  };
}

/** sameRecord compares records field by field (upstream compares the raw JSON). */
export function sameRecord(a: LeaderElectionRecord | undefined, b: LeaderElectionRecord): boolean {
  return !!a && a.holderIdentity === b.holderIdentity && a.leaseDurationSeconds === b.leaseDurationSeconds && a.acquireTime === b.acquireTime && a.renewTime === b.renewTime && a.leaderTransitions === b.leaderTransitions;
}
