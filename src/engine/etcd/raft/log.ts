// Mirrors etcd-io/raft log.go: the Raft log seen as one sequence over storage + unstable.
import { Unstable } from './logUnstable';
import type { Entry, Snapshot } from './raftpb';
import type { MemoryStorage } from './storage';

/**
 * RaftLog is the log a Raft node reasons about: persisted entries in `storage`, newer ones in
 * `unstable`, and two cursors: `committed` (known replicated on a quorum) and `applied` (handed
 * to the state machine). Invariant: applied ≤ committed ≤ lastIndex().
 */
export class RaftLog {
  readonly unstable: Unstable;
  committed: number;
  applied: number;

  constructor(readonly storage: MemoryStorage) {
    const firstIndex = storage.firstIndex();
    this.unstable = new Unstable(storage.lastIndex() + 1);
    this.committed = firstIndex - 1;
    this.applied = firstIndex - 1;
  }

  firstIndex(): number {
    return this.unstable.maybeFirstIndex() ?? this.storage.firstIndex();
  }

  lastIndex(): number {
    return this.unstable.maybeLastIndex() ?? this.storage.lastIndex();
  }

  /** term of entry `i`; undefined when compacted away or past the end. */
  term(i: number): number | undefined {
    const dummyIndex = this.firstIndex() - 1;
    if (i < dummyIndex || i > this.lastIndex()) return undefined;
    return this.unstable.maybeTerm(i) ?? this.storage.term(i);
  }

  /** zeroTermOnOutOfBounds: the term, or 0 where the log cannot tell (as etcd logs it). */
  zeroTerm(i: number): number {
    return this.term(i) ?? 0;
  }

  lastTerm(): number {
    return this.zeroTerm(this.lastIndex());
  }

  matchTerm(i: number, term: number): boolean {
    const t = this.term(i);
    return t !== undefined && t === term;
  }

  /**
   * isUpToDate is the voting rule (§5.4.1): a candidate whose last entry has a higher term, or
   * the same term and at least our index, has a log at least as complete as ours.
   */
  isUpToDate(lastIndex: number, lastTerm: number): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /**
   * maybeAppend is the follower side of AppendEntries: if our entry at `index` has `logTerm`, the
   * logs match up to there; append what is new (cutting a conflicting suffix) and advance commit to
   * min(leader's commit, last new index). Returns the last new index, or undefined on mismatch.
   */
  maybeAppend(index: number, logTerm: number, committed: number, ents: readonly Entry[]): number | undefined {
    if (!this.matchTerm(index, logTerm)) return undefined;
    const lastNewIndex = index + ents.length;
    const conflict = this.findConflict(ents);
    if (conflict !== 0) {
      if (conflict <= this.committed) throw new Error(`entry ${conflict} conflict with committed entry [committed(${this.committed})]`);
      this.append(ents.slice(conflict - (index + 1)));
    }
    this.commitTo(Math.min(committed, lastNewIndex));
    return lastNewIndex;
  }

  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0].index - 1;
    if (after < this.committed) throw new Error(`after(${after}) is out of range [committed(${this.committed})]`);
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /**
   * findConflict returns the index of the first entry whose term differs from ours (or that we
   * lack), 0 when every entry is already present. Example: ours 1/1 2/1 3/2, theirs 2/1 3/3 4/3
   * → 3.
   */
  findConflict(ents: readonly Entry[]): number {
    for (const e of ents) if (!this.matchTerm(e.index, e.term)) return e.index;
    return 0;
  }

  /**
   * findConflictByTerm returns the largest index ≤ `index` whose term is ≤ `term`, with that term:
   * everything above it cannot match a leader whose entry at `index` has `term` (terms only grow
   * along a log), so the leader can skip a whole divergent term per round trip.
   */
  findConflictByTerm(index: number, term: number): [number, number] {
    for (; index > 0; index--) {
      const ourTerm = this.term(index);
      if (ourTerm === undefined) return [index, 0];
      if (ourTerm <= term) return [index, ourTerm];
    }
    return [0, 0];
  }

  unstableEntries(): Entry[] {
    return this.unstable.entries;
  }

  hasNextCommittedEnts(): boolean {
    return this.committed > this.applied && this.applied + 1 >= this.firstIndex() && !this.unstable.snapshot;
  }

  /** nextCommittedEnts: committed entries not yet applied (the member persists, then applies). */
  nextCommittedEnts(): Entry[] {
    if (!this.hasNextCommittedEnts()) return [];
    return this.slice(this.applied + 1, this.committed + 1);
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  commitTo(toCommit: number): void {
    if (toCommit <= this.committed) return;
    if (this.lastIndex() < toCommit) throw new Error(`tocommit(${toCommit}) is out of range [lastIndex(${this.lastIndex()})]`);
    this.committed = toCommit;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    if (this.committed < i || i < this.applied) throw new Error(`applied(${i}) is out of range [prevApplied(${this.applied}), committed(${this.committed})]`);
    this.applied = i;
  }

  stableTo(index: number, term: number): void {
    this.unstable.stableTo(index, term);
  }

  stableSnapTo(index: number): void {
    this.unstable.stableSnapTo(index);
  }

  /** maybeCommit commits `index` only if it carries `term`, the leader's current term (§5.4.2). */
  maybeCommit(index: number, term: number): boolean {
    if (term !== 0 && index > this.committed && this.matchTerm(index, term)) {
      this.commitTo(index);
      return true;
    }
    return false;
  }

  restore(snap: Snapshot): void {
    this.committed = snap.metadata.index;
    this.unstable.restore(snap);
  }

  /**
   * entries returns up to `maxEntries` entries from `lo`, or undefined if `lo` was compacted (the
   * leader must then send a snapshot).
   */
  entries(lo: number, maxEntries: number): Entry[] | undefined {
    const last = this.lastIndex();
    if (lo > last) return [];
    if (lo < this.firstIndex()) return undefined;
    return this.slice(lo, Math.min(last + 1, lo + maxEntries));
  }

  /** slice returns [lo, hi) across storage and unstable (bounds already checked). */
  slice(lo: number, hi: number): Entry[] {
    const offset = this.unstable.offset;
    if (hi <= offset) return this.storage.entries(lo, hi);
    if (lo >= offset) return this.unstable.slice(lo, hi);
    return [...this.storage.entries(lo, offset), ...this.unstable.slice(offset, hi)];
  }

  /** allEntries is for tests and checkers: the whole retained log. */
  allEntries(): Entry[] {
    return this.slice(this.firstIndex(), this.lastIndex() + 1);
  }
}
