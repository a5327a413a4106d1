// Mirrors etcd-io/raft util.go (DescribeMessage, DescribeEntry, DescribeReady): one-line texts
// for messages, entries and Ready batches, used by the golden traces and the sim trace.
import type { Ready } from './rawNode';
import type { Entry, Message, Snapshot } from './raftpb';

/** describeEntry: `term/index type "data"`, data shown as text (or JSON for objects). */
export function describeEntry(e: Entry): string {
  return `${e.term}/${e.index} ${e.type}${e.data === undefined ? '' : ` ${describeData(e.data)}`}`;
}

function describeData(data: unknown): string {
  if (typeof data === 'string') return JSON.stringify(data);
  if (data && typeof data === 'object' && 'describe' in data && typeof (data as { describe: unknown }).describe === 'string') return (data as { describe: string }).describe;
  return JSON.stringify(data);
}

export function describeSnapshot(s: Snapshot): string {
  return `Index:${s.metadata.index} Term:${s.metadata.term} ConfState:Voters:[${s.metadata.confState.voters.join(' ')}]`;
}

/**
 * describeMessage: `1->2 MsgApp Term:1 Log:1/2 Commit:2 Entries:[1/3 EntryNormal]`. `entry`
 * formats each entry (the sim trace passes a short summary instead of whole payloads).
 */
export function describeMessage(m: Message, entry: (e: Entry) => string = describeEntry): string {
  let out = `${m.from}->${m.to} ${m.type} Term:${m.term} Log:${m.logTerm}/${m.index}`;
  if (m.reject) out += ` Rejected (Hint: ${m.rejectHint})`;
  if (m.commit !== 0) out += ` Commit:${m.commit}`;
  if (m.context) out += ` Context:${m.context}`;
  if (m.entries.length > 0) out += ` Entries:[${m.entries.map(entry).join(', ')}]`;
  if (m.snapshot) out += ` Snapshot: ${describeSnapshot(m.snapshot)}`;
  return out;
}

/** describeReady lists what a Ready asks the member to do, one item per line. */
export function describeReady(rd: Ready): string[] {
  const lines = [`Ready MustSync=${rd.mustSync}:`];
  if (rd.softState) lines.push(`Lead:${rd.softState.lead} State:${rd.softState.raftState}`);
  if (rd.hardState) lines.push(`HardState Term:${rd.hardState.term}${rd.hardState.vote ? ` Vote:${rd.hardState.vote}` : ''} Commit:${rd.hardState.commit}`);
  if (rd.entries.length > 0) lines.push('Entries:', ...rd.entries.map(describeEntry));
  if (rd.snapshot) lines.push(`Snapshot ${describeSnapshot(rd.snapshot)}`);
  if (rd.committedEntries.length > 0) lines.push('CommittedEntries:', ...rd.committedEntries.map(describeEntry));
  if (rd.messages.length > 0) lines.push('Messages:', ...rd.messages.map((m) => describeMessage(m)));
  if (rd.readStates.length > 0) lines.push('ReadStates:', ...rd.readStates.map((rs) => `Index:${rs.index} Ctx:${rs.requestCtx}`));
  return lines;
}
