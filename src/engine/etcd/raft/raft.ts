// Mirrors etcd-io/raft raft.go: the Raft consensus state machine, as a pure object. Input is a
// Message (step) or a clock tick (tick); output is `msgs` plus log/state changes the caller
// persists (see rawNode.ts). No timers, no network, no disk: the caller owns all I/O.
import { RaftLog } from './log';
import { ProgressTracker, Progress, type VoteResult } from './progress';
import { message, None, voteRespMsgType, type Entry, type HardState, type Message, type MessageType } from './raftpb';
import { ReadOnly, type ReadState } from './readOnly';
import { appendEntry, bcastAppend, send } from './replication';
import type { Config, StateType, CampaignType, StepError, RaftLogger, RandomSource } from './config';
import { stepCandidate, stepFollower } from './stepFollower';
import { stepLeader } from './stepLeader';

export type { CampaignType, Config, RaftLogger, RandomSource, StateType, StepError } from './config';

type StepFunc = (r: Raft, m: Message) => StepError | undefined;

/**
 * Raft is one node's consensus state. Its role is two function fields, `step` and `tick`,
 * switched by becomeFollower / becomePreCandidate / becomeCandidate / becomeLeader, as in etcd.
 *
 * @example
 * const r = new Raft({ id: 1, peers: [1, 2, 3], electionTick: 10, heartbeatTick: 1, storage: new MemoryStorage(), checkQuorum: true, preVote: false, rng: new Rng(1) });
 * r.tick(); // … after randomizedElectionTimeout ticks r.state === 'StateCandidate' and r.msgs holds two MsgVote
 */
export class Raft {
  readonly id: number;
  term = 0;
  vote = None;
  readStates: ReadState[] = [];
  readonly raftLog: RaftLog;
  readonly maxMsgSize: number;
  trk: ProgressTracker;
  state: StateType = 'StateFollower';
  /** msgs is the outbox: messages to send once the state they depend on is persisted. */
  msgs: Message[] = [];
  lead = None;
  /** leadTransferee is the member we hand leadership to (None when no transfer is running). */
  leadTransferee = None;
  pendingReadIndexMessages: Message[] = [];
  readOnly = new ReadOnly();
  /**
   * electionElapsed: ticks since the last election timeout reset (leader contact for a
   * follower, the campaign start for a candidate; for a leader, since the last check-quorum).
   */
  electionElapsed = 0;
  /** heartbeatElapsed: ticks since the last heartbeat (leader only). */
  heartbeatElapsed = 0;
  readonly checkQuorum: boolean;
  readonly preVote: boolean;
  /** heartbeatTimeout in ticks. */
  readonly heartbeatTimeout: number;
  /** electionTimeout in ticks. */
  readonly electionTimeout: number;
  /** randomizedElectionTimeout in ticks, drawn in [electiontimeout, 2 * electiontimeout - 1] on every role change. */
  randomizedElectionTimeout = 0;
  tick: () => void;
  step: StepFunc;
  readonly logger: RaftLogger | undefined;
  private readonly rng: RandomSource;
  private readonly onBecome: ((r: Raft) => void) | undefined;

  constructor(c: Config) {
    if (c.heartbeatTick <= 0 || c.electionTick <= c.heartbeatTick) throw new Error('election tick must be greater than heartbeat tick');
    this.id = c.id;
    this.raftLog = new RaftLog(c.storage);
    this.maxMsgSize = c.maxSizePerMsg ?? 512;
    this.checkQuorum = c.checkQuorum;
    this.preVote = c.preVote;
    this.heartbeatTimeout = c.heartbeatTick;
    this.electionTimeout = c.electionTick;
    this.rng = c.rng;
    this.logger = c.logger;
    this.onBecome = c.onBecome;
    const { hardState, confState } = c.storage.initialState();
    const voters = confState.voters.length > 0 ? confState.voters : (c.peers ?? []);
    this.trk = new ProgressTracker([...voters].sort((a, b) => a - b), c.maxInflightMsgs ?? 512);
    for (const id of this.trk.voters) this.trk.progress.set(id, new Progress(1, this.trk.maxInflight));
    if (hardState.term !== 0 || hardState.vote !== None || hardState.commit !== 0) this.loadState(hardState);
    if (c.applied) this.raftLog.appliedTo(c.applied);
    this.tick = this.tickElection;
    this.step = stepFollower;
    this.becomeFollower(this.term, None);
    this.logger?.info(
      `newRaft ${this.id} [peers: [${this.trk.voters.join(',')}], term: ${this.term}, commit: ${this.raftLog.committed}, applied: ${this.raftLog.applied}, lastindex: ${this.raftLog.lastIndex()}, lastterm: ${this.raftLog.lastTerm()}]`,
    );
  }

  hasLeader(): boolean {
    return this.lead !== None;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  /** maybeCommit advances commit to the quorum's match index if that entry is from this term. */
  maybeCommit(): boolean {
    return this.raftLog.maybeCommit(this.trk.committed(), this.term);
  }

  /** reset clears per-term state; the election timer is redrawn on every role change. */
  reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = None;
    }
    this.lead = None;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.abortLeaderTransfer();
    this.trk.resetVotes();
    const lastIndex = this.raftLog.lastIndex();
    for (const id of this.trk.voters) {
      const pr = new Progress(lastIndex + 1, this.trk.maxInflight);
      if (id === this.id) pr.match = lastIndex;
      this.trk.progress.set(id, pr);
    }
    this.pendingReadIndexMessages = [];
    this.readOnly = new ReadOnly();
  }

  /** tickElection is the follower's and candidate's clock: campaign once the timeout passes. */
  tickElection = (): void => {
    this.electionElapsed++;
    if (this.promotable() && this.pastElectionTimeout()) {
      this.electionElapsed = 0;
      this.Step(message({ type: 'MsgHup', from: this.id }));
    }
  };

  /** tickHeartbeat is the leader's clock: heartbeats, and check-quorum every election timeout. */
  tickHeartbeat = (): void => {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.checkQuorum) this.Step(message({ type: 'MsgCheckQuorum', from: this.id }));
      if (this.state === 'StateLeader' && this.leadTransferee !== None) this.abortLeaderTransfer();
    }
    if (this.state !== 'StateLeader') return;
    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      this.Step(message({ type: 'MsgBeat', from: this.id }));
    }
  };

  becomeFollower(term: number, lead: number): void {
    this.step = stepFollower;
    this.reset(term);
    this.tick = this.tickElection;
    this.lead = lead;
    this.state = 'StateFollower';
    this.logger?.info(`${this.id} became follower at term ${this.term}`);
    this.onBecome?.(this);
  }

  becomeCandidate(): void {
    if (this.state === 'StateLeader') throw new Error('invalid transition [leader -> candidate]');
    this.step = stepCandidate;
    this.reset(this.term + 1);
    this.tick = this.tickElection;
    this.vote = this.id;
    this.state = 'StateCandidate';
    this.logger?.info(`${this.id} became candidate at term ${this.term}`);
    this.onBecome?.(this);
  }

  /** becomePreCandidate changes role but neither the term nor the vote (PreVote, thesis §9.6). */
  becomePreCandidate(): void {
    if (this.state === 'StateLeader') throw new Error('invalid transition [leader -> pre-candidate]');
    this.step = stepCandidate;
    this.trk.resetVotes();
    this.tick = this.tickElection;
    this.lead = None;
    this.state = 'StatePreCandidate';
    this.logger?.info(`${this.id} became pre-candidate at term ${this.term}`);
    this.onBecome?.(this);
  }

  /** becomeLeader appends an empty entry of the new term: committing it commits all before it. */
  becomeLeader(): void {
    if (this.state === 'StateFollower') throw new Error('invalid transition [follower -> leader]');
    this.step = stepLeader;
    this.reset(this.term);
    this.tick = this.tickHeartbeat;
    this.lead = this.id;
    this.state = 'StateLeader';
    const self = this.trk.progress.get(this.id)!;
    self.becomeReplicate();
    self.recentActive = true;
    this.logger?.info(`${this.id} became leader at term ${this.term}`);
    this.onBecome?.(this);
    appendEntry(this, [{ term: 0, index: 0, type: 'EntryNormal' }]);
  }

  hup(t: CampaignType): void {
    if (this.state === 'StateLeader') {
      this.logger?.debug(`${this.id} ignoring MsgHup because already leader`);
      return;
    }
    if (!this.promotable()) {
      this.logger?.warn(`${this.id} is unpromotable and can not campaign`);
      return;
    }
    this.logger?.info(`${this.id} is starting a new election at term ${this.term}`);
    this.campaign(t);
  }

  /** campaign votes for itself and asks every other voter, in id order. */
  campaign(t: CampaignType): void {
    let term: number;
    let voteMsg: MessageType;
    if (t === 'CampaignPreElection') {
      this.becomePreCandidate();
      voteMsg = 'MsgPreVote';
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      voteMsg = 'MsgVote';
      term = this.term;
    }
    if (this.poll(this.id, voteRespMsgType(voteMsg), true) === 'VoteWon') {
      // A single-node cluster wins on its own vote.
      if (t === 'CampaignPreElection') this.campaign('CampaignElection');
      else this.becomeLeader();
      return;
    }
    const lastIndex = this.raftLog.lastIndex();
    const lastTerm = this.raftLog.lastTerm();
    for (const id of this.trk.voters) {
      if (id === this.id) continue;
      this.logger?.info(`${this.id} [logterm: ${lastTerm}, index: ${lastIndex}] sent ${voteMsg} request to ${id} at term ${this.term}`);
      send(this, message({ type: voteMsg, to: id, term, index: lastIndex, logTerm: lastTerm, context: t === 'CampaignTransfer' ? t : undefined }));
    }
  }

  poll(id: number, t: MessageType, granted: boolean): VoteResult {
    if (granted) this.logger?.info(`${this.id} received ${t} from ${id} at term ${this.term}`);
    else this.logger?.info(`${this.id} received ${t} rejection from ${id} at term ${this.term}`);
    this.trk.recordVote(id, granted);
    const tally = this.trk.tallyVotes();
    if (id !== this.id) this.logger?.info(`${this.id} has received ${tally.granted} ${t} votes and ${tally.rejected} vote rejections`);
    return tally.result;
  }

  /**
   * Step is the single entry point for messages. It first reconciles terms (a higher term makes
   * us a follower, except for PreVote traffic and votes inside a leader lease), then handles
   * elections and votes itself, and hands the rest to the role's `step`.
   */
  Step(m: Message): StepError | undefined {
    if (m.term === 0) {
      // local message
    } else if (m.term > this.term) {
      if (m.type === 'MsgVote' || m.type === 'MsgPreVote') {
        const force = m.context === 'CampaignTransfer';
        const inLease = this.checkQuorum && this.lead !== None && this.electionElapsed < this.electionTimeout;
        if (!force && inLease) {
          this.logger?.info(
            `${this.id} [logterm: ${this.raftLog.lastTerm()}, index: ${this.raftLog.lastIndex()}, vote: ${this.vote}] ignored ${m.type} from ${m.from} [logterm: ${m.logTerm}, index: ${m.index}] at term ${this.term}: lease is not expired (remaining ticks: ${this.electionTimeout - this.electionElapsed})`,
          );
          return undefined;
        }
      }
      if (m.type === 'MsgPreVote') {
        // Never change our term in response to a PreVote.
      } else if (m.type === 'MsgPreVoteResp' && !m.reject) {
        // A granted pre-vote carries our future term; the term moves when the quorum is reached.
      } else {
        this.logger?.info(`${this.id} [term: ${this.term}] received a ${m.type} message with higher term from ${m.from} [term: ${m.term}]`);
        const fromLeader = m.type === 'MsgApp' || m.type === 'MsgHeartbeat' || m.type === 'MsgSnap';
        this.becomeFollower(m.term, fromLeader ? m.from : None);
      }
    } else if (m.term < this.term) {
      this.stepLowerTerm(m);
      return undefined;
    }
    switch (m.type) {
      case 'MsgHup':
        this.hup(this.preVote ? 'CampaignPreElection' : 'CampaignElection');
        return undefined;
      case 'MsgVote':
      case 'MsgPreVote':
        this.handleVote(m);
        return undefined;
      default:
        return this.step(this, m);
    }
  }

  /**
   * stepLowerTerm answers stale traffic. A leader (or node) from an older term that still sends
   * appends gets an MsgAppResp with our term so it steps down: with check-quorum or PreVote we may
   * have ignored the votes that would otherwise have told it.
   */
  private stepLowerTerm(m: Message): void {
    if ((this.checkQuorum || this.preVote) && (m.type === 'MsgHeartbeat' || m.type === 'MsgApp')) {
      send(this, message({ type: 'MsgAppResp', to: m.from }));
    } else if (m.type === 'MsgPreVote') {
      this.logger?.info(
        `${this.id} [logterm: ${this.raftLog.lastTerm()}, index: ${this.raftLog.lastIndex()}, vote: ${this.vote}] rejected ${m.type} from ${m.from} [logterm: ${m.logTerm}, index: ${m.index}] at term ${this.term}`,
      );
      send(this, message({ type: 'MsgPreVoteResp', to: m.from, term: this.term, reject: true }));
    } else {
      this.logger?.info(`${this.id} [term: ${this.term}] ignored a ${m.type} message with lower term from ${m.from} [term: ${m.term}]`);
    }
  }

  /** handleVote grants a (pre-)vote to an up-to-date candidate we have not voted against. */
  private handleVote(m: Message): void {
    const canVote = this.vote === m.from || (this.vote === None && this.lead === None) || (m.type === 'MsgPreVote' && m.term > this.term);
    const lastIndex = this.raftLog.lastIndex();
    const lastTerm = this.raftLog.lastTerm();
    const detail = `[logterm: ${lastTerm}, index: ${lastIndex}, vote: ${this.vote}]`;
    if (canVote && this.raftLog.isUpToDate(m.index, m.logTerm)) {
      this.logger?.info(`${this.id} ${detail} cast ${m.type} for ${m.from} [logterm: ${m.logTerm}, index: ${m.index}] at term ${this.term}`);
      // The response carries the message's term: for a pre-vote that is the candidate's future term.
      send(this, message({ type: voteRespMsgType(m.type), to: m.from, term: m.term }));
      if (m.type === 'MsgVote') {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      this.logger?.info(`${this.id} ${detail} rejected ${m.type} from ${m.from} [logterm: ${m.logTerm}, index: ${m.index}] at term ${this.term}`);
      send(this, message({ type: voteRespMsgType(m.type), to: m.from, term: this.term, reject: true }));
    }
  }

  /** promotable: a voter with no snapshot waiting to be applied may campaign. */
  promotable(): boolean {
    return this.trk.progress.has(this.id) && this.raftLog.unstable.snapshot === undefined;
  }

  loadState(state: HardState): void {
    if (state.commit < this.raftLog.committed || state.commit > this.raftLog.lastIndex()) {
      throw new Error(`${this.id} state.commit ${state.commit} is out of range [${this.raftLog.committed}, ${this.raftLog.lastIndex()}]`);
    }
    this.raftLog.committed = state.commit;
    this.term = state.term;
    this.vote = state.vote;
  }

  pastElectionTimeout(): boolean {
    return this.electionElapsed >= this.randomizedElectionTimeout;
  }

  resetRandomizedElectionTimeout(): void {
    this.randomizedElectionTimeout = this.electionTimeout + this.rng.int(this.electionTimeout);
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = None;
  }

  /** committedEntryInCurrentTerm: a new leader serves reads only after committing its empty entry. */
  committedEntryInCurrentTerm(): boolean {
    return this.raftLog.zeroTerm(this.raftLog.committed) === this.term;
  }

  /** propose is the local MsgProp shortcut (the member's proposals). */
  propose(entries: Entry[]): StepError | undefined {
    return this.Step(message({ type: 'MsgProp', from: this.id, entries }));
  }

  /** broadcastAppend exists for tests that want the leader to re-send its log. */
  broadcastAppend(): void {
    bcastAppend(this);
  }
}
