// Mirrors etcd-io/raft raftpb/raft.proto: the messages, entries and persisted state that the
// Raft state machine consumes and produces. Plain data, so a trace or a test can print them.

/** None is the placeholder id for "no node" (no leader, no vote). */
export const None = 0;

/**
 * MessageType is the closed set of Raft messages. Local ones (MsgHup, MsgBeat, MsgCheckQuorum,
 * MsgUnreachable, MsgSnapStatus) never travel; the others are sent between members.
 */
export type MessageType =
  | 'MsgHup'
  | 'MsgBeat'
  | 'MsgProp'
  | 'MsgApp'
  | 'MsgAppResp'
  | 'MsgVote'
  | 'MsgVoteResp'
  | 'MsgSnap'
  | 'MsgHeartbeat'
  | 'MsgHeartbeatResp'
  | 'MsgUnreachable'
  | 'MsgSnapStatus'
  | 'MsgCheckQuorum'
  | 'MsgTransferLeader'
  | 'MsgTimeoutNow'
  | 'MsgReadIndex'
  | 'MsgReadIndexResp'
  | 'MsgPreVote'
  | 'MsgPreVoteResp';

/** EntryType: etcd bootstraps membership with conf-change entries, everything else is normal. */
export type EntryType = 'EntryNormal' | 'EntryConfChange';

/** Entry is one log slot. `data` undefined is the empty entry a new leader appends. */
export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  data?: unknown;
}

/** ConfState lists the voting members (etcd's clusters here never change membership). */
export interface ConfState {
  voters: number[];
}

export interface SnapshotMetadata {
  index: number;
  term: number;
  confState: ConfState;
}

/** Snapshot carries the state machine as of `metadata.index` (`data` is opaque to Raft). */
export interface Snapshot {
  metadata: SnapshotMetadata;
  data?: unknown;
}

/** HardState is what must reach stable storage before a message that depends on it is sent. */
export interface HardState {
  term: number;
  vote: number;
  commit: number;
}

/**
 * Message is every Raft RPC. Fields not used by a type stay at their zero value, as in the
 * protobuf: `index`/`logTerm` are the entry preceding `entries` for MsgApp, the candidate's last
 * entry for votes, the acknowledged index for MsgAppResp; `rejectHint` is the follower's guess of
 * the last matching index (fast backtracking); `context` tags read-index rounds and transfers.
 */
export interface Message {
  type: MessageType;
  to: number;
  from: number;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: number;
  context?: string;
}

const NO_ENTRIES: Entry[] = [];

/** message builds a Message with protobuf zero values for the fields not given. */
export function message(fields: Partial<Message> & { type: MessageType }): Message {
  return {
    to: None,
    from: None,
    term: 0,
    logTerm: 0,
    index: 0,
    entries: NO_ENTRIES,
    commit: 0,
    reject: false,
    rejectHint: 0,
    ...fields,
  };
}

export const EMPTY_HARD_STATE: HardState = { term: 0, vote: None, commit: 0 };

export function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0 && hs.vote === None && hs.commit === 0;
}

export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

/** isLocalMsg: messages a node gives itself; they must never arrive from the network. */
export function isLocalMsg(type: MessageType): boolean {
  return type === 'MsgHup' || type === 'MsgBeat' || type === 'MsgUnreachable' || type === 'MsgSnapStatus' || type === 'MsgCheckQuorum';
}

/** isResponseMsg: answers a node may receive from peers it does not track (dropped then). */
export function isResponseMsg(type: MessageType): boolean {
  return type === 'MsgAppResp' || type === 'MsgVoteResp' || type === 'MsgHeartbeatResp' || type === 'MsgUnreachable' || type === 'MsgPreVoteResp';
}

/** voteRespMsgType maps a vote request to its response type. */
export function voteRespMsgType(type: MessageType): MessageType {
  if (type === 'MsgVote') return 'MsgVoteResp';
  if (type === 'MsgPreVote') return 'MsgPreVoteResp';
  throw new Error(`not a vote message: ${type}`);
}
