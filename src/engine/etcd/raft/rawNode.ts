// Mirrors etcd-io/raft rawnode.go: the synchronous API around Raft (Tick, Step, Propose,
// ReadIndex, TransferLeader, Ready/Advance). The member drives it from sim events.
import { Raft, type Config, type StateType, type StepError } from './raft';
import { hardStateEqual, isEmptyHardState, isLocalMsg, isResponseMsg, message, None, type Entry, type HardState, type Message, type Snapshot } from './raftpb';
import type { ReadState } from './readOnly';

export interface SoftState {
  lead: number;
  raftState: StateType;
}

/**
 * Ready is one batch of work for the member, in this order: persist `hardState`, `snapshot` and
 * `entries`; then send `messages`; then apply `committedEntries`; then call advance().
 */
export interface Ready {
  softState?: SoftState;
  hardState?: HardState;
  readStates: ReadState[];
  entries: Entry[];
  snapshot?: Snapshot;
  committedEntries: Entry[];
  messages: Message[];
  /** mustSync: the WAL must fsync (new entries, or a vote/term change). */
  mustSync: boolean;
}

/**
 * RawNode wraps Raft with the Ready protocol: it remembers what it last handed out so that each
 * Ready carries only changes.
 */
export class RawNode {
  readonly raft: Raft;
  private prevSoftState: SoftState;
  private prevHardState: HardState;

  constructor(config: Config) {
    this.raft = new Raft(config);
    this.prevSoftState = this.softState();
    this.prevHardState = config.storage.initialState().hardState;
  }

  tick(): void {
    this.raft.tick();
  }

  campaign(): StepError | undefined {
    return this.raft.Step(message({ type: 'MsgHup', from: this.raft.id }));
  }

  propose(data: unknown): StepError | undefined {
    return this.raft.propose([{ term: 0, index: 0, type: 'EntryNormal', data }]);
  }

  /** proposeBatch proposes several entries in one MsgProp (one append, one MsgApp per follower). */
  proposeBatch(datas: readonly unknown[]): StepError | undefined {
    return this.raft.propose(datas.map((data) => ({ term: 0, index: 0, type: 'EntryNormal' as const, data })));
  }

  /** step feeds a message from the network; local types and responses from strangers are dropped. */
  step(m: Message): StepError | undefined {
    if (isLocalMsg(m.type)) return undefined;
    if (isResponseMsg(m.type) && !this.raft.trk.progress.has(m.from)) return undefined;
    return this.raft.Step(m);
  }

  /** readIndex asks for a linearizable read point; the answer arrives as a ReadState with `ctx`. */
  readIndex(ctx: string): void {
    this.raft.Step(message({ type: 'MsgReadIndex', from: this.raft.id, context: ctx }));
  }

  transferLeader(transferee: number): void {
    this.raft.Step(message({ type: 'MsgTransferLeader', from: transferee }));
  }

  reportUnreachable(id: number): void {
    this.raft.Step(message({ type: 'MsgUnreachable', from: id }));
  }

  /** reportSnapshot tells the leader whether a MsgSnap reached `id` (etcd's SnapshotFinish/Failure). */
  reportSnapshot(id: number, ok: boolean): void {
    this.raft.Step(message({ type: 'MsgSnapStatus', from: id, reject: !ok }));
  }

  softState(): SoftState {
    return { lead: this.raft.lead, raftState: this.raft.state };
  }

  hasReady(): boolean {
    const r = this.raft;
    const ss = this.softState();
    if (ss.lead !== this.prevSoftState.lead || ss.raftState !== this.prevSoftState.raftState) return true;
    const hs = r.hardState();
    if (!isEmptyHardState(hs) && !hardStateEqual(hs, this.prevHardState)) return true;
    if (r.raftLog.unstable.snapshot) return true;
    return r.msgs.length > 0 || r.raftLog.unstableEntries().length > 0 || r.raftLog.hasNextCommittedEnts() || r.readStates.length > 0;
  }

  /** ready collects the pending work and takes ownership of the outbox. */
  ready(): Ready {
    const r = this.raft;
    const entries = r.raftLog.unstableEntries().slice();
    const rd: Ready = {
      readStates: r.readStates,
      entries,
      snapshot: r.raftLog.unstable.snapshot,
      committedEntries: r.raftLog.nextCommittedEnts(),
      messages: r.msgs,
      mustSync: false,
    };
    r.msgs = [];
    r.readStates = [];
    const ss = this.softState();
    if (ss.lead !== this.prevSoftState.lead || ss.raftState !== this.prevSoftState.raftState) {
      rd.softState = ss;
      this.prevSoftState = ss;
    }
    const hs = r.hardState();
    if (!hardStateEqual(hs, this.prevHardState)) {
      rd.hardState = hs;
      rd.mustSync = entries.length > 0 || hs.vote !== this.prevHardState.vote || hs.term !== this.prevHardState.term;
    } else rd.mustSync = entries.length > 0;
    return rd;
  }

  /** advance marks a Ready as persisted and applied. */
  advance(rd: Ready): void {
    const r = this.raft;
    if (rd.hardState) this.prevHardState = rd.hardState;
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1];
      r.raftLog.stableTo(last.index, last.term);
    }
    if (rd.snapshot) {
      r.raftLog.stableSnapTo(rd.snapshot.metadata.index);
      r.raftLog.appliedTo(rd.snapshot.metadata.index);
    }
    if (rd.committedEntries.length > 0) r.raftLog.appliedTo(rd.committedEntries[rd.committedEntries.length - 1].index);
  }

  status(): RaftStatus {
    const r = this.raft;
    return {
      id: r.id,
      term: r.term,
      vote: r.vote,
      commit: r.raftLog.committed,
      lead: r.lead,
      raftState: r.state,
      applied: r.raftLog.applied,
      lastIndex: r.raftLog.lastIndex(),
      leadTransferee: r.leadTransferee,
    };
  }
}

export interface RaftStatus {
  id: number;
  term: number;
  vote: number;
  commit: number;
  lead: number;
  raftState: StateType;
  applied: number;
  lastIndex: number;
  leadTransferee: number;
}

export { None };
