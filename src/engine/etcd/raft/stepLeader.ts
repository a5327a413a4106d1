// Mirrors etcd-io/raft raft.go stepLeader: what a leader does with each message.
import type { Raft, StepError } from './raft';
import { None, type Message } from './raftpb';
import {
  appendEntry,
  bcastAppend,
  bcastHeartbeat,
  maybeSendAppend,
  releasePendingReadIndexMessages,
  responseToReadIndexReq,
  send,
  sendAppend,
  sendMsgReadIndexResponse,
  sendTimeoutNow,
} from './replication';

export function stepLeader(r: Raft, m: Message): StepError | undefined {
  switch (m.type) {
    case 'MsgBeat':
      bcastHeartbeat(r);
      return undefined;
    case 'MsgCheckQuorum':
      checkQuorum(r);
      return undefined;
    case 'MsgProp':
      if (m.entries.length === 0) throw new Error(`${r.id} stepped empty MsgProp`);
      if (r.leadTransferee !== None) {
        r.logger?.debug(`${r.id} [term ${r.term}] transfer leadership to ${r.leadTransferee} is in progress; dropping proposal`);
        return 'ErrProposalDropped';
      }
      appendEntry(r, m.entries);
      bcastAppend(r);
      return undefined;
    case 'MsgReadIndex':
      stepReadIndex(r, m);
      return undefined;
  }
  const pr = r.trk.progress.get(m.from);
  if (!pr) {
    r.logger?.debug(`${r.id} no progress available for ${m.from}`);
    return undefined;
  }
  switch (m.type) {
    case 'MsgAppResp':
      pr.recentActive = true;
      if (m.reject) handleAppendRejection(r, m);
      else handleAppendSuccess(r, m);
      break;
    case 'MsgHeartbeatResp':
      handleHeartbeatResp(r, m);
      break;
    case 'MsgSnapStatus':
      if (pr.state !== 'StateSnapshot') return undefined;
      if (m.reject) pr.pendingSnapshot = 0;
      pr.becomeProbe();
      r.logger?.debug(`${r.id} snapshot ${m.reject ? 'failed' : 'succeeded'}, resumed sending replication messages to ${m.from} [${pr}]`);
      // Wait for the follower's MsgAppResp (or the next heartbeat) before the next MsgApp.
      pr.msgAppFlowPaused = true;
      break;
    case 'MsgUnreachable':
      // An optimistic MsgApp to an unreachable peer was probably lost: probe again.
      if (pr.state === 'StateReplicate') pr.becomeProbe();
      break;
    case 'MsgTransferLeader':
      transferLeader(r, m.from);
      break;
  }
  return undefined;
}

/** checkQuorum steps down a leader that has not heard from a quorum within an election timeout. */
function checkQuorum(r: Raft): void {
  if (!r.trk.quorumActive()) {
    r.logger?.warn(`${r.id} stepped down to follower since quorum is not active`);
    r.becomeFollower(r.term, None);
  }
  for (const id of r.trk.voters) if (id !== r.id) r.trk.progress.get(id)!.recentActive = false;
}

function stepReadIndex(r: Raft, m: Message): void {
  if (r.trk.isSingleton()) {
    const resp = responseToReadIndexReq(r, m, r.raftLog.committed);
    if (resp) send(r, resp);
    return;
  }
  // A new leader does not know the commit index until it commits an entry of its own term.
  if (!r.committedEntryInCurrentTerm()) {
    r.pendingReadIndexMessages.push(m);
    return;
  }
  sendMsgReadIndexResponse(r, m);
}

/**
 * handleAppendRejection moves `next` back using the follower's hint. Example: leader terms by
 * index 1..9 = 1 3 3 3 5 5 5 5 5, follower 1 1 1 1 2 2; the probe at 9 is rejected with hint
 * (6, term 2); every leader index above 1 has a term > 2, so they cannot match either and the
 * next probe goes straight to index 1 (findConflictByTerm), one round trip per term.
 */
function handleAppendRejection(r: Raft, m: Message): void {
  const pr = r.trk.progress.get(m.from)!;
  r.logger?.debug(`${r.id} received MsgAppResp(rejected, hint: (index ${m.rejectHint}, term ${m.logTerm})) from ${m.from} for index ${m.index}`);
  let nextProbeIdx = m.rejectHint;
  if (m.logTerm > 0) nextProbeIdx = r.raftLog.findConflictByTerm(m.rejectHint, m.logTerm)[0];
  if (pr.maybeDecrTo(m.index, nextProbeIdx)) {
    r.logger?.debug(`${r.id} decreased progress of ${m.from} to [${pr}]`);
    if (pr.state === 'StateReplicate') pr.becomeProbe();
    sendAppend(r, m.from);
  }
}

function handleAppendSuccess(r: Raft, m: Message): void {
  const pr = r.trk.progress.get(m.from)!;
  if (!(pr.maybeUpdate(m.index) || (pr.match === m.index && pr.state === 'StateProbe'))) return;
  if (pr.state === 'StateProbe') pr.becomeReplicate();
  else if (pr.state === 'StateSnapshot' && pr.match + 1 >= r.raftLog.firstIndex()) {
    r.logger?.debug(`${r.id} recovered from needing snapshot, resumed sending replication messages to ${m.from} [${pr}]`);
    pr.becomeProbe();
    pr.becomeReplicate();
  } else if (pr.state === 'StateReplicate') pr.inflights.freeLE(m.index);

  if (r.maybeCommit()) {
    // The commit index moved within this term: reads waiting for it may proceed.
    releasePendingReadIndexMessages(r);
    bcastAppend(r);
  } else if (pr.canBumpCommit(r.raftLog.committed)) {
    sendAppend(r, m.from);
  }
  while (maybeSendAppend(r, m.from, false)) {
    // pump as many messages as flow control allows
  }
  if (m.from === r.leadTransferee && pr.match === r.raftLog.lastIndex()) {
    r.logger?.info(`${r.id} sent MsgTimeoutNow to ${m.from} after received MsgAppResp`);
    sendTimeoutNow(r, m.from);
  }
}

function handleHeartbeatResp(r: Raft, m: Message): void {
  const pr = r.trk.progress.get(m.from)!;
  pr.recentActive = true;
  pr.msgAppFlowPaused = false;
  if (pr.match < r.raftLog.lastIndex() || pr.state === 'StateProbe') sendAppend(r, m.from);
  if (!m.context) return;
  if (r.readOnly.recvAck(m.from, m.context) < r.trk.quorum()) return;
  for (const rs of r.readOnly.advance(m.context)) {
    const resp = responseToReadIndexReq(r, rs.req, rs.index);
    if (resp) send(r, resp);
  }
}

/**
 * transferLeader hands leadership to `transferee`: once its log is up to date it gets
 * MsgTimeoutNow and campaigns at once (ignoring leases); proposals are refused meanwhile, and the
 * transfer is abandoned after an election timeout.
 */
function transferLeader(r: Raft, transferee: number): void {
  const last = r.leadTransferee;
  if (last !== None) {
    if (last === transferee) {
      r.logger?.info(`${r.id} [term ${r.term}] transfer leadership to ${transferee} is in progress, ignores request to same node ${transferee}`);
      return;
    }
    r.abortLeaderTransfer();
    r.logger?.info(`${r.id} [term ${r.term}] abort previous transferring leadership to ${last}`);
  }
  if (transferee === r.id) {
    r.logger?.debug(`${r.id} is already leader. Ignored transferring leadership to self`);
    return;
  }
  r.logger?.info(`${r.id} [term ${r.term}] starts to transfer leadership to ${transferee}`);
  r.electionElapsed = 0;
  r.leadTransferee = transferee;
  if (r.trk.progress.get(transferee)!.match === r.raftLog.lastIndex()) {
    sendTimeoutNow(r, transferee);
    r.logger?.info(`${r.id} sends MsgTimeoutNow to ${transferee} immediately as ${transferee} already has up-to-date log`);
  } else {
    sendAppend(r, transferee);
  }
}
