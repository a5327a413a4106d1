// Mirrors etcd-io/raft tracker/progress.go, inflights.go and tracker.go (majority config only:
// etcd's clusters here have a fixed voter set).

export type ProgressStateType = 'StateProbe' | 'StateReplicate' | 'StateSnapshot';

/**
 * Inflights bounds the MsgApps in flight to one follower in StateReplicate (etcd 3.4:
 * MaxInflightMsgs = 4096 / 8 = 512); each slot remembers the last index of one message.
 */
export class Inflights {
  private readonly buffer: number[] = [];

  constructor(readonly size: number) {}

  get count(): number {
    return this.buffer.length;
  }

  full(): boolean {
    return this.buffer.length >= this.size;
  }

  add(lastIndex: number): void {
    this.buffer.push(lastIndex);
  }

  /** freeLE frees every message whose last index is ≤ `to` (acknowledged). */
  freeLE(to: number): void {
    let n = 0;
    while (n < this.buffer.length && this.buffer[n] <= to) n++;
    if (n > 0) this.buffer.splice(0, n);
  }

  reset(): void {
    this.buffer.length = 0;
  }
}

/**
 * Progress is the leader's view of one follower: `match` (highest index known replicated) and
 * `next` (next index to send). In StateProbe the leader sends one MsgApp per heartbeat round
 * until it finds where the logs agree; in StateReplicate it streams optimistically; in
 * StateSnapshot it waits for a snapshot to land.
 */
export class Progress {
  match = 0;
  next = 1;
  state: ProgressStateType = 'StateProbe';
  /** pendingSnapshot is the index of the snapshot in flight (StateSnapshot only). */
  pendingSnapshot = 0;
  /** recentActive: heard from this peer since the last check-quorum round. */
  recentActive = false;
  /** msgAppFlowPaused: a probe is outstanding, or the inflight window is full. */
  msgAppFlowPaused = false;
  /** sentCommit is the highest commit index sent to this peer. */
  sentCommit = 0;
  readonly inflights: Inflights;

  constructor(next: number, maxInflight: number) {
    this.next = next;
    this.inflights = new Inflights(maxInflight);
  }

  private resetState(state: ProgressStateType): void {
    this.msgAppFlowPaused = false;
    this.pendingSnapshot = 0;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    if (this.state === 'StateSnapshot') {
      const pendingSnapshot = this.pendingSnapshot;
      this.resetState('StateProbe');
      this.next = Math.max(this.match + 1, pendingSnapshot + 1);
    } else {
      this.resetState('StateProbe');
      this.next = this.match + 1;
    }
    this.sentCommit = Math.min(this.sentCommit, this.next - 1);
  }

  becomeReplicate(): void {
    this.resetState('StateReplicate');
    this.next = this.match + 1;
  }

  becomeSnapshot(snapshotIndex: number): void {
    this.resetState('StateSnapshot');
    this.pendingSnapshot = snapshotIndex;
    this.next = snapshotIndex + 1;
    this.sentCommit = snapshotIndex;
  }

  /** sentEntries updates flow control after a MsgApp carrying `entries` entries went out. */
  sentEntries(entries: number): void {
    if (this.state === 'StateReplicate') {
      if (entries > 0) {
        this.next += entries;
        this.inflights.add(this.next - 1);
      }
      this.msgAppFlowPaused = this.inflights.full();
    } else if (this.state === 'StateProbe' && entries > 0) {
      this.msgAppFlowPaused = true;
    }
  }

  /** canBumpCommit: the follower may lag our commit index and has entries to learn it for. */
  canBumpCommit(index: number): boolean {
    return index > this.sentCommit && this.sentCommit < this.next - 1;
  }

  /** maybeUpdate records an acknowledgement of `n`; false if it is stale. */
  maybeUpdate(n: number): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = Math.max(this.next, n + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * maybeDecrTo handles a rejected MsgApp at index `rejected` with the follower's hint: in
   * StateReplicate fall back to match + 1; in StateProbe jump to the hint (never below match).
   * Returns false for stale rejections.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'StateReplicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      this.sentCommit = Math.min(this.sentCommit, this.next - 1);
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.sentCommit = Math.min(this.sentCommit, this.next - 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  isPaused(): boolean {
    return this.state === 'StateSnapshot' || this.msgAppFlowPaused;
  }

  toString(): string {
    let out = `${this.state} match=${this.match} next=${this.next}`;
    if (this.isPaused()) out += ' paused';
    if (this.pendingSnapshot > 0) out += ` pendingSnap=${this.pendingSnapshot}`;
    if (!this.recentActive) out += ' inactive';
    if (this.inflights.count > 0) out += ` inflight=${this.inflights.count}${this.inflights.full() ? '[full]' : ''}`;
    return out;
  }
}

export type VoteResult = 'VotePending' | 'VoteLost' | 'VoteWon';

/**
 * ProgressTracker keeps the voters' progress and the votes of the current election. Quorum is a
 * simple majority of the voters.
 */
export class ProgressTracker {
  readonly progress = new Map<number, Progress>();
  readonly votes = new Map<number, boolean>();

  constructor(
    readonly voters: readonly number[],
    readonly maxInflight: number,
  ) {}

  quorum(): number {
    return Math.floor(this.voters.length / 2) + 1;
  }

  isSingleton(): boolean {
    return this.voters.length === 1;
  }

  /**
   * committed is the largest index replicated on a quorum. Example: matches 7, 5, 9 (3 voters,
   * quorum 2) sort descending to 9, 7, 5; the 2nd is 7.
   */
  committed(): number {
    const matches = this.voters.map((id) => this.progress.get(id)?.match ?? 0).sort((a, b) => b - a);
    return matches[this.quorum() - 1];
  }

  /** quorumActive: a quorum of voters (counting ourselves via our own Progress) was recently heard. */
  quorumActive(): boolean {
    let active = 0;
    for (const id of this.voters) if (this.progress.get(id)?.recentActive) active++;
    return active >= this.quorum();
  }

  resetVotes(): void {
    this.votes.clear();
  }

  recordVote(id: number, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === true) granted++;
      else if (v === false) rejected++;
    }
    const q = this.quorum();
    const result: VoteResult = granted >= q ? 'VoteWon' : this.voters.length - rejected < q ? 'VoteLost' : 'VotePending';
    return { granted, rejected, result };
  }
}
