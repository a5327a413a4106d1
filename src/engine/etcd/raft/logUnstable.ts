// Mirrors etcd-io/raft log_unstable.go: entries and a snapshot not yet written to storage.
import type { Entry, Snapshot } from './raftpb';

/**
 * Unstable holds what Raft decided but the member has not persisted yet: a snapshot received
 * from the leader and/or log entries starting at `offset`. A member that stops loses it, exactly
 * as an etcd process killed before its WAL fsync loses the tail.
 */
export class Unstable {
  snapshot: Snapshot | undefined;
  entries: Entry[] = [];

  constructor(public offset: number) {}

  /** maybeFirstIndex is the first index if a snapshot is pending (its index + 1). */
  maybeFirstIndex(): number | undefined {
    return this.snapshot ? this.snapshot.metadata.index + 1 : undefined;
  }

  maybeLastIndex(): number | undefined {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    return this.snapshot ? this.snapshot.metadata.index : undefined;
  }

  maybeTerm(i: number): number | undefined {
    if (i < this.offset) {
      if (this.snapshot && this.snapshot.metadata.index === i) return this.snapshot.metadata.term;
      return undefined;
    }
    const last = this.maybeLastIndex();
    if (last === undefined || i > last) return undefined;
    return this.entries[i - this.offset].term;
  }

  /** stableTo drops entries up to `index` once persisted, unless they were replaced meanwhile. */
  stableTo(index: number, term: number): void {
    const got = this.maybeTerm(index);
    if (got === undefined || got !== term || index < this.offset) return;
    this.entries = this.entries.slice(index + 1 - this.offset);
    this.offset = index + 1;
  }

  stableSnapTo(index: number): void {
    if (this.snapshot && this.snapshot.metadata.index === index) this.snapshot = undefined;
  }

  restore(snap: Snapshot): void {
    this.offset = snap.metadata.index + 1;
    this.entries = [];
    this.snapshot = snap;
  }

  /**
   * truncateAndAppend appends `ents`, first cutting the tail when they overlap it (a new leader
   * overwriting uncommitted entries).
   */
  truncateAndAppend(ents: readonly Entry[]): void {
    const fromIndex = ents[0].index;
    if (fromIndex === this.offset + this.entries.length) {
      for (const e of ents) this.entries.push(e);
    } else if (fromIndex <= this.offset) {
      this.offset = fromIndex;
      this.entries = ents.slice();
    } else {
      this.entries = this.entries.slice(0, fromIndex - this.offset);
      for (const e of ents) this.entries.push(e);
    }
  }

  /** slice returns [lo, hi) from the unstable entries (callers check the bounds). */
  slice(lo: number, hi: number): Entry[] {
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
