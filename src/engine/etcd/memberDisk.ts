// A member's disk as `sim etcd disk` makes it: how long an fdatasync takes. etcd's raftNode blocks
// on each WAL save that must sync (wal.Save → fdatasync) and the apply loop waits for the
// backend's commit, which bbolt fdatasyncs on the same disk; so a slow disk stretches every write
// to about two fdatasyncs, as measured on etcd 3.4.23 (testdata/slow_disk_*ms.txt).
import type { Simulator } from '../sim/simulator';
import type { EtcdRequest } from './apply';
import { WARN_APPLY_MS, WARN_SYNC_MS, type MemberLog } from './memberLog';
import { BATCH_INTERVAL_MS, FAST_COMMIT_S, FAST_FSYNC_S, type MemberMetrics } from './metrics/memberMetrics';

export class MemberDisk {
  /** fsyncMs: how long one fdatasync takes; 0 is a disk fast enough not to matter. */
  fsyncMs = 0;
  /** syncing: the raft loop is blocked in a WAL fdatasync. */
  syncing = false;
  /** tickWaiting: a tick came while syncing; the ticker's one-slot channel keeps one, drops the rest. */
  tickWaiting = false;
  /** slowApplies: the requests applied since the last backend commit, for etcd's slow-apply warnings. */
  private slowApplies: Array<{ req: EtcdRequest; revision: number }> = [];

  /** nextCommitMs: when a fast backend next commits its batch (one per batch interval with writes). */
  private nextCommitMs = 0;

  constructor(
    private readonly sim: Simulator,
    private readonly log: MemberLog,
    private readonly metrics: MemberMetrics,
  ) {}

  /** fastSync is a WAL save on a fast disk: it costs nothing here, but etcd still measures it. */
  fastSync(): void {
    this.metrics.walFsyncSeconds.observe(FAST_FSYNC_S);
  }

  /** walSave blocks the raft loop for one fdatasync, then runs `done` unless the process is gone (`alive`). */
  walSave(alive: () => boolean, done: () => void): void {
    this.syncing = true;
    this.sim.after(this.fsyncMs, () => {
      if (!alive()) return;
      this.syncing = false;
      this.metrics.walFsyncSeconds.observe(this.fsyncMs / 1000);
      if (this.fsyncMs > WARN_SYNC_MS) this.log.slowFdatasync(this.sim.nowMs, this.fsyncMs);
      done();
    });
  }

  noteApplied(req: EtcdRequest, revision: number): void {
    if (this.fsyncMs > 0) this.slowApplies.push({ req, revision });
    else if (this.sim.nowMs >= this.nextCommitMs) {
      this.metrics.backendCommitSeconds.observe(FAST_COMMIT_S);
      this.nextCommitMs = this.sim.nowMs + BATCH_INTERVAL_MS;
    }
  }

  /**
   * backendCommit answers a batch's clients: at once on a fast disk; on a slow one after the
   * backend's fdatasync, logging each apply that took longer than etcd's 100 ms warning.
   */
  backendCommit(hasResponses: boolean, alive: () => boolean, respond: () => void): void {
    if (this.fsyncMs === 0 || (!hasResponses && this.slowApplies.length === 0)) {
      respond();
      return;
    }
    const applied = this.slowApplies;
    this.slowApplies = [];
    this.sim.after(this.fsyncMs, () => {
      if (!alive()) return;
      this.metrics.backendCommitSeconds.observe(this.fsyncMs / 1000);
      if (this.fsyncMs > WARN_APPLY_MS) {
        for (const { req, revision } of applied) this.log.slowApply(this.sim.nowMs, this.fsyncMs, req, revision);
        this.metrics.slowApplies += applied.length;
      }
      respond();
    });
  }

  /** reset is a process restart: nothing is in flight any more. */
  reset(): void {
    this.syncing = false;
    this.tickWaiting = false;
    this.slowApplies = [];
  }
}
