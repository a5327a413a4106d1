// Mirrors etcd-io/raft raft.go send / sendAppend / maybeSendSnapshot / sendHeartbeat /
// bcastAppend / appendEntry and the read-index helpers: how a leader ships its log.
import type { Raft } from './raft';
import { message, None, type Entry, type Message } from './raftpb';

/**
 * send stamps a message with our id and term and puts it in the outbox. Vote traffic carries an
 * explicit term (a pre-vote asks for a future one); MsgProp and MsgReadIndex carry none, being
 * forwarded local requests.
 */
export function send(r: Raft, m: Message): void {
  if (m.from === None) m.from = r.id;
  const voteTraffic = m.type === 'MsgVote' || m.type === 'MsgVoteResp' || m.type === 'MsgPreVote' || m.type === 'MsgPreVoteResp';
  if (voteTraffic) {
    if (m.term === 0) throw new Error(`term should be set when sending ${m.type}`);
  } else {
    if (m.term !== 0) throw new Error(`term should not be set when sending ${m.type} (was ${m.term})`);
    if (m.type !== 'MsgProp' && m.type !== 'MsgReadIndex') m.term = r.term;
  }
  r.msgs.push(m);
}

export function sendAppend(r: Raft, to: number): void {
  maybeSendAppend(r, to, true);
}

/**
 * maybeSendAppend sends `to` the entries from its `next` with the commit index; a follower whose
 * `next` was compacted away gets a snapshot instead. With `sendIfEmpty` false nothing is sent
 * when there is nothing new (used when pumping several messages in a row).
 */
export function maybeSendAppend(r: Raft, to: number, sendIfEmpty: boolean): boolean {
  const pr = r.trk.progress.get(to);
  if (!pr || pr.isPaused()) return false;
  const prevIndex = pr.next - 1;
  const prevTerm = r.raftLog.term(prevIndex);
  if (prevTerm === undefined) return maybeSendSnapshot(r, to);
  let ents: Entry[] | undefined = [];
  if (pr.state !== 'StateReplicate' || !pr.inflights.full()) ents = r.raftLog.entries(pr.next, r.maxMsgSize);
  if (ents === undefined) return maybeSendSnapshot(r, to);
  if (ents.length === 0 && !sendIfEmpty) return false;
  send(r, message({ type: 'MsgApp', to, index: prevIndex, logTerm: prevTerm, entries: ents, commit: r.raftLog.committed }));
  pr.sentEntries(ents.length);
  pr.sentCommit = r.raftLog.committed;
  return true;
}

/** maybeSendSnapshot ships the latest snapshot to a follower heard from recently. */
export function maybeSendSnapshot(r: Raft, to: number): boolean {
  const pr = r.trk.progress.get(to)!;
  if (!pr.recentActive) {
    r.logger?.debug(`ignore sending snapshot to ${to} since it is not recently active`);
    return false;
  }
  const snapshot = r.raftLog.snapshot();
  if (snapshot.metadata.index === 0) throw new Error('need non-empty snapshot');
  const { index, term } = snapshot.metadata;
  r.logger?.debug(`${r.id} [firstindex: ${r.raftLog.firstIndex()}, commit: ${r.raftLog.committed}] sent snapshot[index: ${index}, term: ${term}] to ${to} [${pr}]`);
  pr.becomeSnapshot(index);
  send(r, message({ type: 'MsgSnap', to, snapshot }));
  return true;
}

/**
 * sendHeartbeat carries commit = min(match, committed): the follower must not learn a commit
 * index beyond what it is known to hold.
 */
export function sendHeartbeat(r: Raft, to: number, ctx: string | undefined): void {
  const pr = r.trk.progress.get(to)!;
  const commit = Math.min(pr.match, r.raftLog.committed);
  send(r, message({ type: 'MsgHeartbeat', to, commit, context: ctx || undefined }));
  pr.sentCommit = commit;
}

export function bcastAppend(r: Raft): void {
  for (const id of r.trk.voters) if (id !== r.id) sendAppend(r, id);
}

export function bcastHeartbeat(r: Raft): void {
  bcastHeartbeatWithCtx(r, r.readOnly.lastPendingRequestCtx());
}

export function bcastHeartbeatWithCtx(r: Raft, ctx: string): void {
  for (const id of r.trk.voters) if (id !== r.id) sendHeartbeat(r, id, ctx);
}

/**
 * appendEntry stamps proposals with our term and the next indexes, appends them, counts our own
 * copy towards the quorum (etcd persists in parallel with replication) and commits if that is
 * already enough (single member).
 */
export function appendEntry(r: Raft, es: readonly Entry[]): void {
  let li = r.raftLog.lastIndex();
  const stamped = es.map((e, i) => ({ term: r.term, index: li + 1 + i, type: e.type, data: e.data }));
  li = r.raftLog.append(stamped);
  r.trk.progress.get(r.id)!.maybeUpdate(li);
  r.maybeCommit();
}

export function sendTimeoutNow(r: Raft, to: number): void {
  send(r, message({ type: 'MsgTimeoutNow', to }));
}

/** responseToReadIndexReq answers a read: locally via readStates, or to the forwarding follower. */
export function responseToReadIndexReq(r: Raft, req: Message, readIndex: number): Message | undefined {
  if (req.from === None || req.from === r.id) {
    r.readStates.push({ index: readIndex, requestCtx: req.context ?? '' });
    return undefined;
  }
  return message({ type: 'MsgReadIndexResp', to: req.from, index: readIndex, context: req.context });
}

/** sendMsgReadIndexResponse starts a heartbeat round proving leadership for this read (ReadOnlySafe). */
export function sendMsgReadIndexResponse(r: Raft, m: Message): void {
  r.readOnly.addRequest(r.raftLog.committed, m);
  r.readOnly.recvAck(r.id, m.context ?? '');
  bcastHeartbeatWithCtx(r, m.context ?? '');
}

/** releasePendingReadIndexMessages serves reads held until this term's first commit. */
export function releasePendingReadIndexMessages(r: Raft): void {
  if (r.pendingReadIndexMessages.length === 0 || !r.committedEntryInCurrentTerm()) return;
  const msgs = r.pendingReadIndexMessages;
  r.pendingReadIndexMessages = [];
  for (const m of msgs) sendMsgReadIndexResponse(r, m);
}
