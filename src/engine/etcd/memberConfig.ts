// The settings of one etcd member (etcd's ServerConfig, reduced to what the simulation uses).
import type { Config } from './raft/config';

export interface EtcdMemberConfig {
  name: string;
  raftId: number;
  /** memberId: the 16-hex-digit id etcdctl prints. */
  memberId: string;
  /** peerMemberIds: every member's hex id, by raft id - 1 (to report the leader's id). */
  peerMemberIds: string[];
  clusterId: string;
  peerIds: number[];
  clientURL: string;
  peerURL: string;
  /** tickMs: etcd --heartbeat-interval (one Raft tick). */
  tickMs: number;
  /** electionTicks: --election-timeout / --heartbeat-interval. */
  electionTicks: number;
  preVote: boolean;
  /** snapshotCount: applied entries between snapshots (--snapshot-count, 100,000 in 3.4). */
  snapshotCount: number;
  /** catchUpEntries: entries kept after a snapshot for slow followers (5,000 in 3.4). */
  catchUpEntries: number;
  /** clientLatencyMs: one client round trip (reads and watch backlogs). */
  clientLatencyMs: number;
  /**
   * diskSyncMs: time from a Raft input to its Ready being persisted (WAL fsync) and acted on.
   * Everything arriving within it is handled as one batch, one fsync and one message per peer,
   * as etcd's raft loop batches proposals. Applied results go to clients at the end of it.
   */
  diskSyncMs: number;
  /** epochMs: the wall clock at sim time 0, for the timestamps of the member's log lines. */
  epochMs: number;
}

/**
 * raftConfig is the raft.Config etcd 3.4 starts a member's node with (etcdserver/raft.go
 * startNode): heartbeat every tick, CheckQuorum on, MaxSizePerMsg 1 MiB ≈ 512 of our entries,
 * MaxInflightMsgs 512, PreVote as configured.
 */
export function raftConfig(config: EtcdMemberConfig, rest: Pick<Config, 'storage' | 'applied' | 'rng' | 'onBecome'>): Config {
  return {
    id: config.raftId,
    peers: config.peerIds,
    electionTick: config.electionTicks,
    heartbeatTick: 1,
    checkQuorum: true,
    preVote: config.preVote,
    maxSizePerMsg: 512,
    maxInflightMsgs: 512,
    ...rest,
  };
}
