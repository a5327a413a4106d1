// Mirrors etcd v3.4 etcdserver (server.go, raft.go, v3_server.go): one etcd member driving its
// Raft node on the sim clock, persisting, applying to its MVCC store and answering its clients.
import { Future } from '../sim/future';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import { applyRequest, type EtcdRequest } from './apply';
import { ErrNoLeader, ErrCompacted, ErrTransportClosing } from './errors';
import { MemberDisk } from './memberDisk';
import { MemberLog } from './memberLog';
import { MemberMetrics } from './metrics/memberMetrics';
import { TimeoutDetector } from './timeoutDetector';
import { MemberWatches } from './memberWatches';
import type { MvccSnapshot } from './mvcc';
import { MvccStore } from './mvcc';
import type { PeerNetwork } from './network';
import { bootstrapStorage } from './raft/bootstrap';
import type { Raft } from './raft/raft';
import { RawNode, type Ready, type SoftState } from './raft/rawNode';
import { None, type Entry, type Message, type Snapshot } from './raft/raftpb';
import { MemoryStorage } from './raft/storage';
import { peerName, traceBecome, traceReady } from './memberTrace';
import { Proposals } from './proposals';
import { ReadLoop } from './readIndex';
import { maybeTriggerSnapshot } from './snapshotTrigger';
import { adjustTicks } from './tickAdvance';
import { raftConfig, type EtcdMemberConfig } from './memberConfig';
import type { DistributiveOmit, EtcdError, EtcdWatchCallbacks, ResponseHeader } from './types';
import type { ProposalResult } from './wait';

/** maxNoLeaderCnt: etcd cancels leader-requiring watches after 3 election timeouts without a leader. */
const MAX_NO_LEADER_CHECKS = 3;

/**
 * EtcdMember is one etcd server. Its stable storage (WAL + snapshots: `storage`) and backend
 * (`store`, with `consistentIndex`) survive stop/start; everything else is process memory.
 */
export class EtcdMember {
  readonly storage = new MemoryStorage();
  readonly store = new MvccStore();
  /** consistentIndex: the last applied raft index, persisted with the backend. */
  consistentIndex = 0;
  /** appliedTerm: term of the last applied entry (what etcd 3.4 reports as raftTerm). */
  appliedTerm = 0;
  node: RawNode | undefined;
  lead = None;
  leadElectedAtMs = Number.NEGATIVE_INFINITY;
  readonly reqTimeoutMs: number;
  private readonly reads: ReadLoop;
  /** proposals: this member's client requests waiting for their entries to apply. */
  readonly proposals: Proposals;
  private readonly watches: MemberWatches;
  private outbox: Array<() => void> = [];
  private flushPending = false;
  /** disk: how long its fdatasync takes (`sim etcd disk`), and the raft loop blocked on it. */
  readonly disk: MemberDisk;
  /** heartbeats: etcd's timeout detector on the heartbeats a leader sends, per peer. */
  private readonly heartbeats: TimeoutDetector;
  readonly log: MemberLog;
  /** metrics: what its /metrics page reports (counted since the process started). */
  readonly metrics = new MemberMetrics();
  private generation = 0;
  private tickCount = 0;
  private noLeaderChecks = 0;
  private requestSeq = 0;
  /** raftRng draws election timeouts; `rng` the ticker phases (separate streams, as VOPR forks). */
  private readonly raftRng: Rng;
  clusterVersionSet = false;
  /**
   * defragmented: the live data size and in-use db size when `etcdctl defrag` last rewrote the
   * bbolt file (its free pages gone); the file grows again from there.
   */
  defragmented: { bytes: number; inUseBytes: number } | undefined;

  constructor(
    readonly sim: Simulator,
    readonly network: PeerNetwork,
    private readonly rng: Rng,
    readonly config: EtcdMemberConfig,
  ) {
    // ReqTimeout: 5 s for queueing, computation and disk + 2 election timeouts for a leader election.
    this.reqTimeoutMs = 5000 + 2 * config.electionTicks * config.tickMs;
    this.reads = new ReadLoop(this);
    this.proposals = new Proposals(this);
    this.watches = new MemberWatches(sim, this.store, config.clientLatencyMs);
    this.raftRng = rng.fork('raft');
    this.log = new MemberLog(() => config.epochMs);
    this.disk = new MemberDisk(sim, this.log, this.metrics);
    this.heartbeats = new TimeoutDetector(2 * config.tickMs);
    bootstrapStorage(this.storage, config.peerIds);
    network.register({
      id: config.raftId,
      name: config.name,
      running: () => this.node !== undefined,
      receive: (msgs) => this.receive(msgs),
      snapshotStatus: (to, ok) => this.node?.reportSnapshot(to, ok),
      unreachable: (to) => this.node?.reportUnreachable(to),
    });
  }

  get peerMemberIds(): string[] {
    return this.config.peerMemberIds;
  }

  get name(): string {
    return this.config.name;
  }

  get running(): boolean {
    return this.node !== undefined;
  }

  get raft(): Raft | undefined {
    return this.node?.raft;
  }

  appliedIndex(): number {
    return this.consistentIndex;
  }

  nextRequestId(): number {
    return this.config.raftId * 2 ** 32 + ++this.requestSeq;
  }

  /**
   * start boots the member from its storage: Raft resumes with the persisted term, vote and log,
   * and applies what was committed but not yet applied. The ticker gets its own phase, as a
   * process's ticker does.
   */
  start(): void {
    if (this.node) return;
    const generation = ++this.generation;
    this.metrics.reset();
    this.node = new RawNode(
      raftConfig(this.config, {
        storage: this.storage,
        applied: this.consistentIndex,
        rng: this.raftRng,
        onBecome: (r) => traceBecome(this.sim, this.name, r, this.config.tickMs),
      }),
    );
    this.lead = None;
    this.tickCount = 0;
    this.noLeaderChecks = 0;
    this.network.refreshLinks();
    const phaseMs = this.rng.int(this.config.tickMs);
    const tick = (): void => {
      if (generation !== this.generation) return;
      this.tick();
      this.sim.after(this.config.tickMs, tick);
    };
    this.sim.after(phaseMs + this.config.tickMs, tick);
    adjustTicks(this.sim, this.config, this.network, () => generation === this.generation, (ticks) => this.advanceTicks(ticks));
    this.publish(generation);
    this.scheduleFlush();
    this.sim.emit({ component: this.name, kind: 'etcd.member.start', term: this.node.raft.term, index: this.node.raft.raftLog.lastIndex() });
  }

  /** stop kills the process: volatile state, in-flight requests and watches are lost. */
  stop(): void {
    if (!this.node) return;
    this.generation++;
    this.node = undefined;
    this.lead = None;
    this.flushPending = false;
    this.disk.reset();
    this.outbox = [];
    this.proposals.failAll(ErrTransportClosing);
    this.reads.fail(ErrTransportClosing);
    this.watches.failAll(ErrTransportClosing);
    this.network.refreshLinks();
    this.sim.emit({ component: this.name, kind: 'etcd.member.stop' });
  }

  private advanceTicks(ticks: number): void {
    for (let i = 0; i < ticks; i++) this.node?.tick();
    this.scheduleFlush();
  }

  /** publish registers the member's attributes through Raft, retrying until it commits (etcd's publish). */
  private publish(generation: number): void {
    const attempt = (): void => {
      if (generation !== this.generation) return;
      this.propose({ kind: 'publish', name: this.name, clientURL: this.config.clientURL }).then((r) => {
        if (!r.ok && generation === this.generation) this.sim.after(this.config.tickMs, attempt);
      });
    };
    attempt();
  }

  private tick(): void {
    if (this.disk.syncing) {
      this.disk.tickWaiting = true;
      return;
    }
    const node = this.node!;
    node.tick();
    // monitorLeader: every election timeout, count how long the member has had no leader.
    if (++this.tickCount % this.config.electionTicks === 0) {
      this.noLeaderChecks = this.lead === None ? this.noLeaderChecks + 1 : 0;
      if (this.noLeaderChecks >= MAX_NO_LEADER_CHECKS) {
        this.noLeaderChecks = 0;
        this.watches.failAll(ErrNoLeader);
      }
    }
    this.scheduleFlush();
  }

  receive(msgs: Message[]): void {
    const node = this.node;
    if (!node) return;
    for (const m of msgs) node.step(m);
    this.scheduleFlush();
  }

  readIndex(ctx: string): void {
    this.node?.readIndex(ctx);
    this.scheduleFlush();
  }

  transferLeadership(to: number): void {
    this.node?.transferLeader(to);
    this.scheduleFlush();
  }

  /** propose submits a request through Raft (see Proposals.propose). */
  propose(body: DistributiveOmit<EtcdRequest, 'id'>): Future<ProposalResult> {
    if (!this.node) return Future.resolved<ProposalResult>({ ok: false, error: ErrTransportClosing });
    return this.proposals.propose(this.node, body);
  }

  /** linearizableRead resolves once a read may be served here (undefined) or with the error. */
  linearizableRead(): Future<EtcdError | undefined> {
    if (!this.node) return Future.resolved<EtcdError | undefined>(ErrTransportClosing);
    return this.reads.request();
  }

  watch(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void {
    return this.watches.open(prefix, startRevision, callbacks);
  }

  header(): ResponseHeader {
    return { clusterId: this.config.clusterId, memberId: this.config.memberId, revision: this.store.currentRevision, raftTerm: this.appliedTerm };
  }

  scheduleFlush(): void {
    if (this.flushPending || this.disk.syncing || !this.node) return;
    this.flushPending = true;
    const generation = this.generation;
    this.sim.after(this.config.diskSyncMs, () => {
      if (generation === this.generation) this.flush();
    });
  }

  /**
   * flush is etcd's raftNode loop for every pending Ready: note the leader, persist (snapshot,
   * HardState, entries), send the messages, apply the committed entries, feed the read loop,
   * advance; then maybe snapshot, and answer clients in one batch.
   */
  private flush(): void {
    this.flushPending = false;
    const node = this.node;
    if (!node) return;
    this.proposals.stepQueued(node);
    while (node.hasReady()) {
      const rd = node.ready();
      if (rd.softState) this.onSoftState(rd.softState);
      if (rd.snapshot) this.restoreSnapshot(rd.snapshot);
      if (rd.hardState) this.storage.setHardState(rd.hardState);
      this.storage.append(rd.entries);
      traceReady(this.sim, this.name, rd);
      if (this.disk.fsyncMs > 0 && rd.mustSync) {
        this.saveSlowly(node, rd);
        return;
      }
      if (rd.mustSync) this.disk.fastSync();
      this.send(rd.messages);
      this.finishReady(node, rd);
      if (this.node !== node) return;
    }
    this.flushBackend();
  }

  /**
   * saveSlowly is a Ready whose WAL save waits for a slow fdatasync. A leader sends its messages
   * first (etcd's raftNode does, so followers persist in parallel); a follower sends after the
   * save, since its acks promise durability. The raft loop then continues where it stopped.
   */
  private saveSlowly(node: RawNode, rd: Ready): void {
    const leader = node.raft.state === 'StateLeader';
    if (leader) this.send(rd.messages);
    const generation = this.generation;
    this.disk.walSave(
      () => generation === this.generation,
      () => {
        if (!leader) this.send(rd.messages);
        this.finishReady(node, rd);
        if (this.node !== node) return;
        if (this.disk.tickWaiting) {
          this.disk.tickWaiting = false;
          this.tick();
        }
        this.flushBackend();
        this.scheduleFlush();
      },
    );
  }

  private finishReady(node: RawNode, rd: Ready): void {
    for (const e of rd.committedEntries) this.applyEntry(e);
    for (const rs of rd.readStates) this.reads.onReadState(rs);
    node.advance(rd);
    this.reads.onApplied();
    maybeTriggerSnapshot(this);
  }

  /**
   * send hands messages to the network. A leader's heartbeats go through etcd's timeout detector:
   * one sent more than two heartbeat intervals after the previous to that peer is logged.
   */
  private send(messages: Message[]): void {
    for (const m of messages) {
      if (m.type !== 'MsgHeartbeat') continue;
      const exceeded = this.heartbeats.observe(m.to, this.sim.nowMs);
      if (exceeded > 0) {
        this.log.lateHeartbeat(this.sim.nowMs, this.peerMemberIds[m.to - 1], this.config.tickMs, exceeded);
        this.metrics.heartbeatSendFailures++;
      }
    }
    this.network.sendAll(this.config.raftId, messages);
  }

  /**
   * flushBackend answers this flush's clients, once the backend committed: at once on a fast disk,
   * after its fdatasync on a slow one.
   */
  private flushBackend(): void {
    const generation = this.generation;
    this.disk.backendCommit(this.outbox.length > 0, () => generation === this.generation, () => this.flushOutbox());
  }

  private onSoftState(ss: SoftState): void {
    const newLeader = ss.lead !== None && ss.lead !== this.lead;
    const changed = ss.lead !== this.lead;
    this.lead = ss.lead;
    if (changed) this.sim.emit({ component: this.name, kind: 'raft.lead', lead: ss.lead === None ? '' : peerName(ss.lead), term: this.node!.raft.term });
    if (newLeader) {
      this.metrics.leaderChangesSeen++;
      this.heartbeats.reset();
      this.leadElectedAtMs = this.sim.nowMs;
      this.reads.onLeaderChanged();
    }
    if (ss.lead !== None) this.proposals.leaderKnown();
    if (ss.raftState === 'StateLeader' && !this.clusterVersionSet) {
      this.clusterVersionSet = true;
      this.propose({ kind: 'clusterVersion', version: '3.4.0' });
    }
  }

  private restoreSnapshot(snap: Snapshot): void {
    this.storage.applySnapshot(snap);
    this.store.restore(snap.data as MvccSnapshot);
    this.consistentIndex = snap.metadata.index;
    this.appliedTerm = snap.metadata.term;
    this.watches.failAll(ErrCompacted);
    this.sim.emit({ component: this.name, kind: 'etcd.snapshot.restore', index: snap.metadata.index, term: snap.metadata.term });
  }

  private applyEntry(e: Entry): void {
    if (e.index <= this.consistentIndex) return;
    this.consistentIndex = e.index;
    this.appliedTerm = e.term;
    if (e.type !== 'EntryNormal' || e.data === undefined) return;
    const req = e.data as EtcdRequest;
    const result = applyRequest(this.store, req);
    if (req.kind === 'clusterVersion') this.clusterVersionSet = true;
    this.disk.noteApplied(req, this.store.currentRevision);
    const waiter = this.proposals.applied(req.id);
    if (!waiter) return;
    const header = this.header();
    this.outbox.push(() => this.proposals.answer(waiter, { result, header }));
  }

  /**
   * flushOutbox answers this flush's clients and watchers: watch events first (a writer that
   * re-reads through the apiserver's cache finds its own write), then the write responses.
   */
  private flushOutbox(): void {
    const watchBatches = this.watches.takePending();
    const responses = this.outbox;
    if (responses.length === 0 && !watchBatches) return;
    this.outbox = [];
    if (watchBatches) for (const [watch, events] of watchBatches) watch.deliver(events);
    for (const respond of responses) respond();
  }
}

