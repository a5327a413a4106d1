// Mirrors etcd-io/raft raft.go's Config and the small types around it (StateType, CampaignType,
// the logger and the random source a node is built with).
import type { Raft } from './raft';
import type { MemoryStorage } from './storage';

export type StateType = 'StateFollower' | 'StateCandidate' | 'StateLeader' | 'StatePreCandidate';

/** CampaignType: a normal election, its PreVote phase, or one forced by a leader transfer. */
export type CampaignType = 'CampaignPreElection' | 'CampaignElection' | 'CampaignTransfer';

/** StepError is returned when a proposal cannot be taken (no leader, transfer in progress). */
export type StepError = 'ErrProposalDropped';

export interface RaftLogger {
  debug(text: string): void;
  info(text: string): void;
  warn(text: string): void;
}

/** RandomSource is the slice of Rng that Raft needs (so tests can pin it, as raft's testing hook). */
export interface RandomSource {
  int(n: number): number;
}

export interface Config {
  id: number;
  /** peers bootstraps the voter set when storage has no ConfState yet. */
  peers?: number[];
  /** electionTick: ticks without leader contact before campaigning (etcd default 10). */
  electionTick: number;
  /** heartbeatTick: ticks between leader heartbeats (etcd default 1). */
  heartbeatTick: number;
  storage: MemoryStorage;
  /** applied: last index the state machine already has (etcd's consistent index on restart). */
  applied?: number;
  /** maxSizePerMsg in entries: etcd's 1 MiB ≈ 512 entries of ~2 KiB. */
  maxSizePerMsg?: number;
  /** maxInflightMsgs: etcd 3.4 uses 4096 / 8 = 512. */
  maxInflightMsgs?: number;
  /** checkQuorum: always on in etcd 3.4. */
  checkQuorum: boolean;
  /** preVote: off by default in etcd 3.4, on in 3.5. */
  preVote: boolean;
  rng: RandomSource;
  logger?: RaftLogger;
  /** onBecome is told every role change (the member turns it into a trace event). */
  onBecome?: (r: Raft) => void;
}
