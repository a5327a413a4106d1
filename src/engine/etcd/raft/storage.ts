// Mirrors etcd-io/raft storage.go: the stable part of the log (what etcd's WAL and snap files
// hold). It survives a member's stop/start; the unstable tail (log_unstable.go) does not.
import { EMPTY_HARD_STATE, type ConfState, type Entry, type HardState, type Snapshot } from './raftpb';

/**
 * MemoryStorage keeps the persisted HardState, the latest snapshot and the entries after it.
 * `ents[0]` is a dummy entry standing for the snapshot (its index and term), so `ents[i].index`
 * is `ents[0].index + i` and the term of the compaction point stays known.
 */
export class MemoryStorage {
  hardState: HardState = EMPTY_HARD_STATE;
  private snap: Snapshot = { metadata: { index: 0, term: 0, confState: { voters: [] } } };
  private ents: Entry[] = [{ term: 0, index: 0, type: 'EntryNormal' }];

  /** initialState is what a restarting node loads: HardState and membership. */
  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: this.hardState, confState: this.snap.metadata.confState };
  }

  setHardState(hs: HardState): void {
    this.hardState = hs;
  }

  firstIndex(): number {
    return this.ents[0].index + 1;
  }

  lastIndex(): number {
    return this.ents[0].index + this.ents.length - 1;
  }

  /** term returns the term of entry `i`, or undefined when compacted or beyond the end. */
  term(i: number): number | undefined {
    const offset = this.ents[0].index;
    if (i < offset || i - offset >= this.ents.length) return undefined;
    return this.ents[i - offset].term;
  }

  /** entries returns [lo, hi); callers check lo ≥ firstIndex() and hi ≤ lastIndex() + 1. */
  entries(lo: number, hi: number): Entry[] {
    const offset = this.ents[0].index;
    return this.ents.slice(lo - offset, hi - offset);
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  /** applySnapshot replaces the whole log with a received snapshot (a follower catching up). */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index <= this.snap.metadata.index) return;
    this.snap = snap;
    this.ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: 'EntryNormal' }];
  }

  /** createSnapshot records the state machine at applied index `i` (etcd's snapshot-count trigger). */
  createSnapshot(i: number, confState: ConfState, data: unknown): Snapshot {
    if (i <= this.snap.metadata.index) return this.snap;
    const term = this.term(i);
    if (term === undefined) throw new Error(`snapshot ${i} is out of bound lastindex(${this.lastIndex()})`);
    this.snap = { metadata: { index: i, term, confState }, data };
    return this.snap;
  }

  /** compact discards entries before `compactIndex`; that entry becomes the new dummy. */
  compact(compactIndex: number): void {
    const offset = this.ents[0].index;
    if (compactIndex <= offset) return;
    if (compactIndex > this.lastIndex()) throw new Error(`compact ${compactIndex} is out of bound lastindex(${this.lastIndex()})`);
    const kept = this.ents.slice(compactIndex - offset);
    kept[0] = { term: kept[0].term, index: kept[0].index, type: 'EntryNormal' };
    this.ents = kept;
  }

  /** append persists entries, truncating a conflicting suffix first (entries are contiguous). */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = entries[0].index + entries.length - 1;
    if (last < first) return;
    const fresh = first > entries[0].index ? entries.slice(first - entries[0].index) : entries;
    const offset = fresh[0].index - this.ents[0].index;
    if (offset > this.ents.length) throw new Error(`missing log entry [last: ${this.lastIndex()}, append at: ${fresh[0].index}]`);
    if (offset < this.ents.length) this.ents.length = offset;
    for (const e of fresh) this.ents.push(e);
  }
}
