// An etcd member's /metrics page (--listen-metrics-urls, http://127.0.0.1:2381 under kubeadm) in
// the Prometheus text format, families sorted by name as client_golang writes them, each with
// the HELP and TYPE lines etcd 3.4.23 writes (checked against its page on this machine). Only the
// etcd_ families this model measures are written: the disk latencies, leader, proposals, db size.
import { sample, writeFamilies, type MetricFamily, type MetricType } from '../../metrics/prometheus/textFormat';
import { ETCD_VERSION, dbUsage } from '../memberView';
import type { EtcdMember } from '../member';
import { None } from '../raft/raftpb';

/** QUOTA_BACKEND_BYTES: the default --quota-backend-bytes (2 GiB; kubeadm does not set it). */
const QUOTA_BACKEND_BYTES = 2 * 1024 ** 3;

/** metricsPage writes the member's families, one `name value` sample per line. */
export function metricsPage(member: EtcdMember): string {
  const m = member.metrics;
  const raft = member.raft;
  const { dbSizeBytes, dbSizeInUseBytes } = dbUsage(member);
  return writeFamilies([
    { name: 'etcd_disk_backend_commit_duration_seconds', type: 'histogram', help: 'The latency distributions of commit called by backend.', samples: m.backendCommitSeconds.lines('etcd_disk_backend_commit_duration_seconds') },
    { name: 'etcd_disk_wal_fsync_duration_seconds', type: 'histogram', help: 'The latency distributions of fsync called by WAL.', samples: m.walFsyncSeconds.lines('etcd_disk_wal_fsync_duration_seconds') },
    one('etcd_mvcc_db_total_size_in_bytes', 'gauge', 'Total size of the underlying database physically allocated in bytes.', dbSizeBytes),
    one('etcd_mvcc_db_total_size_in_use_in_bytes', 'gauge', 'Total size of the underlying database logically in use in bytes.', dbSizeInUseBytes),
    one('etcd_server_has_leader', 'gauge', 'Whether or not a leader exists. 1 is existence, 0 is not.', raft && raft.lead !== None ? 1 : 0),
    one('etcd_server_heartbeat_send_failures_total', 'counter', 'The total number of leader heartbeat send failures (likely overloaded from slow disk).', m.heartbeatSendFailures),
    one('etcd_server_id', 'gauge', "Server or member ID in hexadecimal format. 1 for 'server_id' label with current ID.", 1, [['server_id', member.config.memberId]]),
    one('etcd_server_is_leader', 'gauge', 'Whether or not this member is a leader. 1 if is, 0 otherwise.', raft?.state === 'StateLeader' ? 1 : 0),
    one('etcd_server_is_learner', 'gauge', 'Whether or not this member is a learner. 1 if is, 0 otherwise.', 0),
    one('etcd_server_leader_changes_seen_total', 'counter', 'The number of leader changes seen.', m.leaderChangesSeen),
    // etcd sets these two gauges from the Raft commit index and the applied index.
    one('etcd_server_proposals_applied_total', 'gauge', 'The total number of consensus proposals applied.', member.consistentIndex),
    one('etcd_server_proposals_committed_total', 'gauge', 'The total number of consensus proposals committed.', raft ? raft.raftLog.committed : 0),
    one('etcd_server_proposals_failed_total', 'counter', 'The total number of failed proposals seen.', m.proposalsFailed),
    one('etcd_server_proposals_pending', 'gauge', 'The current number of pending proposals to commit.', member.proposals.pending()),
    one('etcd_server_quota_backend_bytes', 'gauge', 'Current backend storage quota size in bytes.', QUOTA_BACKEND_BYTES),
    one('etcd_server_slow_apply_total', 'counter', 'The total number of slow apply requests (likely overloaded from slow disk).', m.slowApplies),
    one('etcd_server_version', 'gauge', "Which version is running. 1 for 'server_version' label with current version.", 1, [['server_version', ETCD_VERSION]]),
  ]);
}

/** one is a family of a single sample (the member's gauges and counters). */
function one(name: string, type: MetricType, help: string, value: number, labels: Array<[string, string]> = []): MetricFamily {
  return { name, type, help, samples: [sample(name, value, labels)] };
}
