// The Raft safety properties (Raft paper, Figure 3) as checkers run after every step of a fault
// schedule. Each returns a description of the first violation, or undefined.
import type { Entry } from '../raftpb';
import type { ChaosCluster, ChaosNode } from './chaosCluster';

interface Slot {
  term: number;
  data: unknown;
  /** commitTerm: the term of the node that first reported the entry committed. */
  commitTerm?: number;
}

/** sameData compares entry payloads: strings by value, bootstrap objects by content. */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

/** logOf returns a node's entry at `index` from its retained log (stable + unstable, or storage only when crashed). */
function logOf(node: ChaosNode): { first: number; entries: Entry[] } {
  if (node.rawNode) {
    const log = node.rawNode.raft.raftLog;
    return { first: log.firstIndex(), entries: log.allEntries() };
  }
  const s = node.storage;
  return { first: s.firstIndex(), entries: s.entries(s.firstIndex(), s.lastIndex() + 1) };
}

/**
 * RaftCheckers accumulates what has been observed (leaders per term, committed entries, applied
 * entries, each leader's log) and checks every new observation against it.
 */
export class RaftCheckers {
  private readonly leaderOfTerm = new Map<number, number>();
  private readonly committed = new Map<number, Slot>();
  private readonly appliedAt = new Map<number, Slot>();
  private readonly leaderLogs = new Map<number, { term: number; entries: Entry[] }>();
  /** acked holds the data of proposals some node applied (what etcd acknowledges to a client). */
  readonly acked = new Set<string>();
  violation: string | undefined;

  /** leaderTerms: how many terms had a leader (coverage statistics). */
  leaderTerms(): number {
    return this.leaderOfTerm.size;
  }

  /** onApply: State Machine Safety: no two nodes apply different entries at the same index. */
  onApply(node: ChaosNode, e: Entry): void {
    const seen = this.appliedAt.get(e.index);
    if (seen && (seen.term !== e.term || !sameData(seen.data, e.data))) {
      this.fail(`State Machine Safety: node ${node.id} applied ${e.term}/${e.index} ${String(e.data)} but ${seen.term}/${e.index} ${String(seen.data)} was applied before`);
    }
    if (!seen) this.appliedAt.set(e.index, { term: e.term, data: e.data });
    if (typeof e.data === 'string') this.acked.add(e.data);
  }

  check(cluster: ChaosCluster): string | undefined {
    if (this.violation) return this.violation;
    const logs = cluster.nodes.map(logOf);
    this.electionSafety(cluster);
    this.recordCommitted(cluster, logs);
    this.logMatching(cluster, logs);
    this.leaderAppendOnlyAndCompleteness(cluster, logs);
    return this.violation;
  }

  private fail(text: string): void {
    this.violation ??= text;
  }

  /** Election Safety: at most one leader can be elected in a given term. */
  private electionSafety(cluster: ChaosCluster): void {
    for (const node of cluster.leaders()) {
      const term = node.rawNode!.raft.term;
      const known = this.leaderOfTerm.get(term);
      if (known !== undefined && known !== node.id) this.fail(`Election Safety: ${known} and ${node.id} both led term ${term}`);
      this.leaderOfTerm.set(term, node.id);
    }
  }

  /** recordCommitted remembers every entry a node considers committed; they must never change. */
  private recordCommitted(cluster: ChaosCluster, logs: Array<{ first: number; entries: Entry[] }>): void {
    cluster.nodes.forEach((node, i) => {
      if (!node.rawNode) return;
      const commit = node.rawNode.raft.raftLog.committed;
      for (const e of logs[i].entries) {
        if (e.index > commit) break;
        const seen = this.committed.get(e.index);
        if (seen && (seen.term !== e.term || !sameData(seen.data, e.data))) this.fail(`committed entry ${e.index} changed on node ${node.id}: ${seen.term} -> ${e.term}`);
        if (!seen) this.committed.set(e.index, { term: e.term, data: e.data, commitTerm: node.rawNode.raft.term });
      }
    });
  }

  /** Log Matching: if two logs hold an entry with the same index and term, all entries before it are equal. */
  private logMatching(cluster: ChaosCluster, logs: Array<{ first: number; entries: Entry[] }>): void {
    for (let a = 0; a < logs.length; a++) {
      for (let b = a + 1; b < logs.length; b++) {
        const la = logs[a];
        const lb = logs[b];
        const lo = Math.max(la.first, lb.first);
        const hi = Math.min(la.first + la.entries.length, lb.first + lb.entries.length) - 1;
        let matchedAbove = false;
        for (let i = hi; i >= lo; i--) {
          const ea = la.entries[i - la.first];
          const eb = lb.entries[i - lb.first];
          if (ea.term === eb.term) matchedAbove = true;
          if (matchedAbove && (ea.term !== eb.term || !sameData(ea.data, eb.data))) {
            this.fail(`Log Matching: nodes ${cluster.nodes[a].id} and ${cluster.nodes[b].id} agree above index ${i} but differ at it`);
            return;
          }
        }
      }
    }
  }

  /**
   * Leader Append-Only: a leader never overwrites or deletes its entries within its term.
   * Leader Completeness: a leader of a later term than the one an entry was committed in holds
   * that entry (entries compacted into its snapshot count: only committed entries are
   * snapshotted). A deposed leader that has not yet heard of the new term is exempt.
   */
  private leaderAppendOnlyAndCompleteness(cluster: ChaosCluster, logs: Array<{ first: number; entries: Entry[] }>): void {
    cluster.nodes.forEach((node, i) => {
      const r = node.rawNode?.raft;
      if (!r || r.state !== 'StateLeader') {
        this.leaderLogs.delete(node.id);
        return;
      }
      const log = logs[i];
      const before = this.leaderLogs.get(node.id);
      if (before && before.term === r.term) {
        for (const e of before.entries) {
          if (e.index < log.first) continue;
          const now = log.entries[e.index - log.first];
          if (!now || now.term !== e.term || !sameData(now.data, e.data)) this.fail(`Leader Append-Only: leader ${node.id} (term ${r.term}) lost or changed entry ${e.index}`);
        }
      }
      this.leaderLogs.set(node.id, { term: r.term, entries: log.entries });
      for (const [index, slot] of this.committed) {
        if (index < log.first || r.term <= slot.commitTerm!) continue;
        const e = log.entries[index - log.first];
        if (!e || e.term !== slot.term || !sameData(e.data, slot.data)) this.fail(`Leader Completeness: leader ${node.id} (term ${r.term}) lacks committed entry ${slot.term}/${index}`);
      }
    });
  }
}
