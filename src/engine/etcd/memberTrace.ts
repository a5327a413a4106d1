// Trace events of a member's Raft node, for views that draw terms, votes, timers and logs.
import type { Simulator } from '../sim/simulator';
import type { Raft } from './raft/raft';
import type { Ready } from './raft/rawNode';
import { None } from './raft/raftpb';

/** peerName: members are etcd-1..N with Raft ids 1..N. */
export function peerName(id: number): string {
  return `etcd-${id}`;
}

/** traceBecome: a role change, with the freshly drawn election timer (ticks × tickMs). */
export function traceBecome(sim: Simulator, name: string, r: Raft, tickMs: number): void {
  if (!sim.trace.enabled) return;
  sim.emit({
    component: name,
    kind: 'raft.become',
    state: r.state,
    term: r.term,
    lead: r.lead === None ? '' : peerName(r.lead),
    vote: r.vote === None ? '' : peerName(r.vote),
    randomizedElectionTimeoutTicks: r.randomizedElectionTimeout,
    tickMs,
  });
}

/** traceReady: what a Ready persisted (entries, HardState) and applied. */
export function traceReady(sim: Simulator, name: string, rd: Ready): void {
  if (!sim.trace.enabled) return;
  if (rd.entries.length > 0) {
    const first = rd.entries[0];
    const last = rd.entries[rd.entries.length - 1];
    sim.emit({ component: name, kind: 'raft.append', fromIndex: first.index, toIndex: last.index, term: last.term, entries: rd.entries.length });
  }
  if (rd.hardState) sim.emit({ component: name, kind: 'raft.hardstate', term: rd.hardState.term, vote: rd.hardState.vote === None ? '' : peerName(rd.hardState.vote), commit: rd.hardState.commit });
  if (rd.committedEntries.length > 0) sim.emit({ component: name, kind: 'raft.apply', fromIndex: rd.committedEntries[0].index, toIndex: rd.committedEntries[rd.committedEntries.length - 1].index });
}
