// Mirrors etcd-io/raft raft.go stepCandidate, stepFollower, handleAppendEntries,
// handleHeartbeat, handleSnapshot and restore.
import type { Raft, StepError } from './raft';
import { message, None, type Message, type Snapshot } from './raftpb';
import { send } from './replication';

/** stepCandidate serves both candidates and pre-candidates; each counts only its own vote type. */
export function stepCandidate(r: Raft, m: Message): StepError | undefined {
  const myVoteRespType = r.state === 'StatePreCandidate' ? 'MsgPreVoteResp' : 'MsgVoteResp';
  switch (m.type) {
    case 'MsgProp':
      r.logger?.info(`${r.id} no leader at term ${r.term}; dropping proposal`);
      return 'ErrProposalDropped';
    case 'MsgApp':
      r.becomeFollower(m.term, m.from); // always m.term === r.term here
      handleAppendEntries(r, m);
      break;
    case 'MsgHeartbeat':
      r.becomeFollower(m.term, m.from);
      handleHeartbeat(r, m);
      break;
    case 'MsgSnap':
      r.becomeFollower(m.term, m.from);
      handleSnapshot(r, m);
      break;
    case myVoteRespType: {
      const result = r.poll(m.from, m.type, !m.reject);
      if (result === 'VoteWon') {
        if (r.state === 'StatePreCandidate') r.campaign('CampaignElection');
        else {
          r.becomeLeader();
          r.broadcastAppend();
        }
      } else if (result === 'VoteLost') {
        // A rejected pre-vote carries a future term; stay at ours.
        r.becomeFollower(r.term, None);
      }
      break;
    }
    case 'MsgTimeoutNow':
      r.logger?.debug(`${r.id} [term ${r.term} state ${r.state}] ignored MsgTimeoutNow from ${m.from}`);
      break;
  }
  return undefined;
}

export function stepFollower(r: Raft, m: Message): StepError | undefined {
  switch (m.type) {
    case 'MsgProp':
      if (r.lead === None) {
        r.logger?.info(`${r.id} no leader at term ${r.term}; dropping proposal`);
        return 'ErrProposalDropped';
      }
      send(r, { ...m, to: r.lead });
      break;
    case 'MsgApp':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleAppendEntries(r, m);
      break;
    case 'MsgHeartbeat':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleHeartbeat(r, m);
      break;
    case 'MsgSnap':
      r.electionElapsed = 0;
      r.lead = m.from;
      handleSnapshot(r, m);
      break;
    case 'MsgTransferLeader':
      if (r.lead === None) {
        r.logger?.info(`${r.id} no leader at term ${r.term}; dropping leader transfer msg`);
        return undefined;
      }
      send(r, { ...m, to: r.lead });
      break;
    case 'MsgTimeoutNow':
      r.logger?.info(`${r.id} [term ${r.term}] received MsgTimeoutNow from ${m.from} and starts an election to get leadership.`);
      // A transfer skips PreVote: the old leader asked for it, no partition to protect against.
      r.hup('CampaignTransfer');
      break;
    case 'MsgReadIndex':
      if (r.lead === None) {
        r.logger?.info(`${r.id} no leader at term ${r.term}; dropping index reading msg`);
        return undefined;
      }
      send(r, { ...m, to: r.lead });
      break;
    case 'MsgReadIndexResp':
      r.readStates.push({ index: m.index, requestCtx: m.context ?? '' });
      break;
  }
  return undefined;
}

/**
 * handleAppendEntries accepts entries whose predecessor matches our log, or rejects with a hint:
 * the largest index ≤ min(m.index, our last) whose term is ≤ m.logTerm, so the leader can skip
 * our divergent tail a term at a time.
 */
export function handleAppendEntries(r: Raft, m: Message): void {
  if (m.index < r.raftLog.committed) {
    send(r, message({ type: 'MsgAppResp', to: m.from, index: r.raftLog.committed }));
    return;
  }
  const lastNewIndex = r.raftLog.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
  if (lastNewIndex !== undefined) {
    send(r, message({ type: 'MsgAppResp', to: m.from, index: lastNewIndex }));
    return;
  }
  r.logger?.debug(`${r.id} [logterm: ${r.raftLog.zeroTerm(m.index)}, index: ${m.index}] rejected MsgApp [logterm: ${m.logTerm}, index: ${m.index}] from ${m.from}`);
  const [hintIndex, hintTerm] = r.raftLog.findConflictByTerm(Math.min(m.index, r.raftLog.lastIndex()), m.logTerm);
  send(r, message({ type: 'MsgAppResp', to: m.from, index: m.index, reject: true, rejectHint: hintIndex, logTerm: hintTerm }));
}

export function handleHeartbeat(r: Raft, m: Message): void {
  r.raftLog.commitTo(m.commit);
  send(r, message({ type: 'MsgHeartbeatResp', to: m.from, context: m.context }));
}

export function handleSnapshot(r: Raft, m: Message): void {
  const s = m.snapshot!;
  const { index, term } = s.metadata;
  if (restore(r, s)) {
    r.logger?.info(`${r.id} [commit: ${r.raftLog.committed}] restored snapshot [index: ${index}, term: ${term}]`);
    send(r, message({ type: 'MsgAppResp', to: m.from, index: r.raftLog.lastIndex() }));
  } else {
    r.logger?.info(`${r.id} [commit: ${r.raftLog.committed}] ignored snapshot [index: ${index}, term: ${term}]`);
    send(r, message({ type: 'MsgAppResp', to: m.from, index: r.raftLog.committed }));
  }
}

/**
 * restore replaces our log with the snapshot unless we already have its last entry (then we only
 * fast-forward commit) or it is older than our commit index.
 */
function restore(r: Raft, s: Snapshot): boolean {
  const { index, term } = s.metadata;
  if (index <= r.raftLog.committed) return false;
  if (r.state !== 'StateFollower') {
    r.logger?.warn(`${r.id} attempted to restore snapshot as leader; should never happen`);
    r.becomeFollower(r.term + 1, None);
    return false;
  }
  if (r.raftLog.matchTerm(index, term)) {
    r.logger?.info(
      `${r.id} [commit: ${r.raftLog.committed}, lastindex: ${r.raftLog.lastIndex()}, lastterm: ${r.raftLog.lastTerm()}] fast-forwarded commit to snapshot [index: ${index}, term: ${term}]`,
    );
    r.raftLog.commitTo(index);
    return false;
  }
  r.raftLog.restore(s);
  const lastIndex = r.raftLog.lastIndex();
  for (const id of r.trk.voters) {
    const pr = r.trk.progress.get(id)!;
    pr.match = id === r.id ? lastIndex : 0;
    pr.next = lastIndex + 1;
  }
  r.logger?.info(
    `${r.id} [commit: ${r.raftLog.committed}, lastindex: ${lastIndex}, lastterm: ${r.raftLog.lastTerm()}] restored snapshot [index: ${index}, term: ${term}]`,
  );
  return true;
}
