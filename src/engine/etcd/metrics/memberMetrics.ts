// The Prometheus metrics an etcd member counts as it runs (etcd 3.4 etcdserver/metrics.go,
// wal/metrics.go, mvcc/backend/metrics.go), for its /metrics endpoint. A process restart starts
// them from zero, as a new process does.
import { exponentialBuckets, Histogram } from '../../metrics/prometheus/histogram';

/** DISK_BUCKETS: wal and backend durations use prometheus.ExponentialBuckets(0.001, 2, 14): 1 ms … 8.192 s. */
export const DISK_BUCKETS = exponentialBuckets(0.001, 2, 14);

/**
 * FAST_FSYNC_S / FAST_COMMIT_S: what an fdatasync and a backend commit take on a fast disk, from
 * etcd 3.4.23 on this machine's SSD (11 WAL fsyncs summed 4.43 ms, 7 commits 3.21 ms).
 */
export const FAST_FSYNC_S = 0.000403;
export const FAST_COMMIT_S = 0.000459;

/** BATCH_INTERVAL_MS: the backend commits its batch every 100 ms (--backend-batch-interval). */
export const BATCH_INTERVAL_MS = 100;

export class MemberMetrics {
  walFsyncSeconds = new Histogram(DISK_BUCKETS);
  backendCommitSeconds = new Histogram(DISK_BUCKETS);
  leaderChangesSeen = 0;
  heartbeatSendFailures = 0;
  slowApplies = 0;
  proposalsFailed = 0;

  reset(): void {
    this.walFsyncSeconds = new Histogram(DISK_BUCKETS);
    this.backendCommitSeconds = new Histogram(DISK_BUCKETS);
    this.leaderChangesSeen = 0;
    this.heartbeatSendFailures = 0;
    this.slowApplies = 0;
    this.proposalsFailed = 0;
  }
}
