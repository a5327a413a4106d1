import type { EtcdMemberView } from '../commands/shellEnv';
import type { EtcdMember } from './member';
import { None } from './raft/raftpb';
import { storedValue } from './revisionStamp';

/** ETCD_VERSION is the etcd server version the simulation reports (etcd 3.4 behaviour). */
export const ETCD_VERSION = '3.4.23';

/**
 * memberView reports one member as etcdctl sees it (etcd 3.4 maintenance Status): leader as the
 * member believes it, raftTerm = term of the last applied entry (so right after an election it can
 * still show the old term), raftIndex = committed index, raftAppliedIndex, and "etcdserver: no
 * leader" when it knows none. The db size is estimated from the JSON size of the live keys plus
 * bbolt's page overhead; only computed when asked.
 */
export function memberView(member: EtcdMember): EtcdMemberView {
  const { dbSizeInUseBytes, dbSizeBytes } = dbUsage(member);
  const { config } = member;
  const raft = member.raft;
  const lead = raft ? raft.lead : None;
  const leaderId = lead === None ? '0' : hexIdOfPeer(member, lead);
  return {
    name: config.name,
    id: config.memberId,
    clientURL: config.clientURL,
    peerURL: config.peerURL,
    running: member.running,
    isLeader: raft?.state === 'StateLeader',
    leaderId,
    raftTerm: member.appliedTerm,
    raftIndex: raft ? raft.raftLog.committed : member.storage.hardState.commit,
    raftAppliedIndex: member.consistentIndex,
    dbSizeBytes,
    dbSizeInUseBytes,
    revision: member.store.currentRevision,
    clusterId: config.clusterId,
    version: ETCD_VERSION,
    errors: lead === None ? ['etcdserver: no leader'] : [],
  };
}

/**
 * dbUsage estimates the member's bbolt file: `bytes` of live keys and values, the pages in use,
 * and the file size, which holds freed pages too (about twice the data) until a defrag rewrites it.
 */
export function dbUsage(member: EtcdMember): { bytes: number; dbSizeInUseBytes: number; dbSizeBytes: number } {
  let bytes = 0;
  for (const kv of member.store.range('/')) bytes += kv.key.length + JSON.stringify(storedValue(kv.value)).length;
  const dbSizeInUseBytes = roundToPage(bytes * 1.3 + 8192);
  const since = member.defragmented;
  const grown = since ? roundToPage(since.inUseBytes + Math.max(0, bytes - since.bytes) * 2) : roundToPage(bytes * 2 + 20480);
  return { bytes, dbSizeInUseBytes, dbSizeBytes: Math.max(dbSizeInUseBytes, grown) };
}

/** defragment rewrites the member's db file without its free pages (`etcdctl defrag`). */
export function defragment(member: EtcdMember): void {
  const { bytes, dbSizeInUseBytes } = dbUsage(member);
  member.defragmented = { bytes, inUseBytes: dbSizeInUseBytes };
}

function hexIdOfPeer(member: EtcdMember, raftId: number): string {
  return member.peerMemberIds[raftId - 1];
}

function roundToPage(bytes: number): number {
  return Math.ceil(bytes / 4096) * 4096;
}

/** RaftView is one member's Raft state as the Raft diagram draws it (cheap: no store scan). */
export interface RaftView {
  name: string;
  raftId: number;
  running: boolean;
  state: 'StateFollower' | 'StateCandidate' | 'StatePreCandidate' | 'StateLeader' | 'StateStopped';
  term: number;
  /** vote and lead are member names ('' for none). */
  vote: string;
  lead: string;
  commit: number;
  lastIndex: number;
  applied: number;
  /** electionElapsed of randomizedElectionTimeout ticks: the election timer's progress. */
  electionElapsed: number;
  electionTimeout: number;
  /** group is the member's side of a partition (0 when none). */
  group: number;
  /** fsyncMs: how long its disk's fdatasync takes (`sim etcd disk`; 0 is a fast disk). */
  fsyncMs: number;
  /** syncing: its Raft loop is blocked in a WAL fdatasync right now. */
  syncing: boolean;
}

/** raftView reads a member's Raft state; a stopped member shows its persisted hard state. */
export function raftView(member: EtcdMember, group: number, nameOf: (raftId: number) => string): RaftView {
  const raft = member.raft;
  const hard = member.storage.hardState;
  return {
    name: member.config.name,
    raftId: member.config.raftId,
    running: member.running,
    state: raft ? raft.state : 'StateStopped',
    term: raft ? raft.term : hard.term,
    vote: nameOf(raft ? raft.vote : hard.vote),
    lead: raft ? nameOf(raft.lead) : '',
    commit: raft ? raft.raftLog.committed : hard.commit,
    lastIndex: raft ? raft.raftLog.lastIndex() : hard.commit,
    applied: member.consistentIndex,
    electionElapsed: raft ? raft.electionElapsed : 0,
    electionTimeout: raft ? raft.randomizedElectionTimeout : 0,
    group,
    fsyncMs: member.disk.fsyncMs,
    syncing: member.disk.syncing,
  };
}
