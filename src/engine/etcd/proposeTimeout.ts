// Mirrors etcd v3.4 etcdserver/server.go parseProposeCtxErr: which timeout error a client gets.
import { ErrTimeout, ErrTimeoutDueToConnectionLost, ErrTimeoutDueToLeaderFail } from './errors';
import { None } from './raft/raftpb';
import type { EtcdError } from './types';

export interface ProposeTimeoutInput {
  /** startMs: when the request was proposed. */
  startMs: number;
  /** leadElectedAtMs: when this member last saw a new leader. */
  leadElectedAtMs: number;
  electionTimeoutMs: number;
  self: number;
  lead: number;
  peerIds: readonly number[];
  /** activeSince: since when the link to a peer is up (undefined while down), rafthttp's view. */
  activeSince(peer: number): number | undefined;
}

/**
 * proposeTimeoutError explains a proposal that did not apply within ReqTimeout: a leader
 * elected shortly after it started means the previous leader failed (the proposal died with it);
 * a leader that has not been connected to a quorum, or a follower not connected to its leader,
 * since the start means the connection was lost; otherwise a plain timeout (no leader at all ends
 * here too, as in etcd 3.4).
 *
 * Example: proposed at 10,000 ms, a new leader seen at 11,300 ms with a 1,000 ms election
 * timeout: 10,000 lies in (11,300 − 2,000, 11,300) → "possibly due to previous leader failure".
 */
export function proposeTimeoutError(input: ProposeTimeoutInput): EtcdError {
  const { startMs, leadElectedAtMs, self, lead, peerIds } = input;
  const prevLeadLostMs = leadElectedAtMs - 2 * input.electionTimeoutMs;
  if (startMs > prevLeadLostMs && startMs < leadElectedAtMs) return ErrTimeoutDueToLeaderFail;
  const connectedSinceStart = (peer: number) => (input.activeSince(peer) ?? Infinity) <= startMs;
  if (lead === self) {
    const connected = peerIds.filter((id) => id === self || connectedSinceStart(id)).length;
    if (connected < Math.floor(peerIds.length / 2) + 1) return ErrTimeoutDueToConnectionLost;
  } else if (lead !== None && !connectedSinceStart(lead)) {
    return ErrTimeoutDueToConnectionLost;
  }
  return ErrTimeout;
}
