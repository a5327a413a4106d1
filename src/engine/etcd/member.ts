// Mirrors etcd v3.4 etcdserver (server.go, raft.go, v3_server.go): one etcd member driving its
// Raft node on the sim clock, persisting, applying to its MVCC store and answering its clients.
import { Future } from '../sim/future';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import { applyRequest, type EtcdRequest } from './apply';
import { ErrContextDeadline, ErrNoLeader, ErrCompacted, ErrProposalDropped, ErrTransportClosing } from './errors';
import { MemberWatch } from './memberWatch';
import type { MvccSnapshot } from './mvcc';
import { MvccStore } from './mvcc';
import type { PeerNetwork } from './network';
import { bootstrapStorage } from './raft/bootstrap';
import type { Raft } from './raft/raft';
import { RawNode, type SoftState } from './raft/rawNode';
import { None, type Entry, type Message, type Snapshot } from './raft/raftpb';
import { MemoryStorage } from './raft/storage';
import { peerName, traceBecome, traceReady } from './memberTrace';
import { proposeTimeoutError } from './proposeTimeout';
import { ReadLoop } from './readIndex';
import { adjustTicks } from './tickAdvance';
import { raftConfig, type EtcdMemberConfig } from './memberConfig';
import type { DistributiveOmit, EtcdError, EtcdWatchCallbacks, ResponseHeader } from './types';
import { Wait, type ProposalResult, type Waiter } from './wait';

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
  private readonly waits: Wait;
  /** proposals queued for the next flush, handed to Raft as one MsgProp (etcd batches proposals per Ready). */
  private queued: EtcdRequest[] = [];
  private readonly watches = new Set<MemberWatch>();
  private outbox: Array<() => void> = [];
  private flushPending = false;
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
    private readonly network: PeerNetwork,
    private readonly rng: Rng,
    readonly config: EtcdMemberConfig,
  ) {
    // ReqTimeout: 5 s for queueing, computation and disk + 2 election timeouts for a leader election.
    this.reqTimeoutMs = 5000 + 2 * config.electionTicks * config.tickMs;
    this.reads = new ReadLoop(this);
    this.waits = new Wait(sim, this.reqTimeoutMs, (waiter) => this.expire(waiter));
    this.raftRng = rng.fork('raft');
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
    this.outbox = [];
    this.queued = [];
    for (const w of this.waits.cancelAll()) w.future.resolve({ ok: false, error: ErrTransportClosing });
    this.reads.fail(ErrTransportClosing);
    this.failWatches(ErrTransportClosing);
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
    const node = this.node!;
    node.tick();
    // monitorLeader: every election timeout, count how long the member has had no leader.
    if (++this.tickCount % this.config.electionTicks === 0) {
      this.noLeaderChecks = this.lead === None ? this.noLeaderChecks + 1 : 0;
      if (this.noLeaderChecks >= MAX_NO_LEADER_CHECKS) {
        this.noLeaderChecks = 0;
        this.failWatches(ErrNoLeader);
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

  /**
   * propose submits a request through Raft and resolves when this member applied it, or with
   * etcd's error after ReqTimeout. Without a known leader the proposal waits (etcd 3.4 blocks on
   * the raft node's proposal channel), so a request made during an election proceeds once the new
   * leader is known.
   */
  propose(body: DistributiveOmit<EtcdRequest, 'id'>): Future<ProposalResult> {
    const future = new Future<ProposalResult>();
    if (!this.node) {
      future.resolve({ ok: false, error: ErrTransportClosing });
      return future;
    }
    // Object.assign, not `{ ...body, id }`: in V8 11 a spread followed by a new key gives each
    // request (kept in the Raft log) its own hidden class.
    const req = Object.assign({}, body, { id: this.nextRequestId() }) as EtcdRequest;
    const startMs = this.sim.nowMs;
    const waiter: Waiter = { future, req, startMs, proposed: false };
    this.waits.register(waiter);
    if (this.node.raft.lead === None) this.waits.block(waiter);
    else this.hand(req, waiter);
    return future;
  }

  private hand(req: EtcdRequest, waiter: Waiter): void {
    waiter.proposed = true;
    this.queued.push(req);
    this.scheduleFlush();
  }

  /** proposeQueued steps the queued proposals as one batch; a refused batch fails its requests. */
  private proposeQueued(node: RawNode): void {
    const batch = this.queued;
    this.queued = [];
    if (!node.proposeBatch(batch)) return;
    for (const req of batch) {
      this.waits.trigger(req.id)?.future.resolve({ ok: false, error: ErrProposalDropped });
    }
  }

  /** expire answers a request that did not apply within ReqTimeout (etcd's parseProposeCtxErr). */
  private expire(waiter: Waiter): void {
    if (!waiter.proposed) {
      waiter.future.resolve({ ok: false, error: ErrContextDeadline });
      return;
    }
    const self = this.config.raftId;
    const error = proposeTimeoutError({
      startMs: waiter.startMs,
      leadElectedAtMs: this.leadElectedAtMs,
      electionTimeoutMs: this.config.electionTicks * this.config.tickMs,
      self,
      lead: this.lead,
      peerIds: this.config.peerIds,
      activeSince: (peer) => this.network.activeSince(self, peer),
    });
    waiter.future.resolve({ ok: false, error });
  }

  /** linearizableRead resolves once a read may be served here (undefined) or with the error. */
  linearizableRead(): Future<EtcdError | undefined> {
    if (!this.node) return Future.resolved<EtcdError | undefined>(ErrTransportClosing);
    return this.reads.request();
  }

  watch(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void {
    if (startRevision > 0 && startRevision <= this.store.compactRevision) {
      this.sim.after(this.config.clientLatencyMs, () => callbacks.onError(ErrCompacted));
      return () => {};
    }
    const watch = new MemberWatch(this.store, prefix, callbacks);
    this.watches.add(watch);
    const backlog = startRevision > 0 ? this.store.eventsSince(prefix, startRevision) : [];
    if (backlog.length > 0) this.sim.after(this.config.clientLatencyMs, () => watch.deliver(backlog));
    return () => {
      watch.cancel();
      this.watches.delete(watch);
    };
  }

  header(): ResponseHeader {
    return { clusterId: this.config.clusterId, memberId: this.config.memberId, revision: this.store.currentRevision, raftTerm: this.appliedTerm };
  }

  scheduleFlush(): void {
    if (this.flushPending || !this.node) return;
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
    if (this.queued.length > 0) this.proposeQueued(node);
    while (node.hasReady()) {
      const rd = node.ready();
      if (rd.softState) this.onSoftState(rd.softState);
      if (rd.snapshot) this.restoreSnapshot(rd.snapshot);
      if (rd.hardState) this.storage.setHardState(rd.hardState);
      this.storage.append(rd.entries);
      traceReady(this.sim, this.name, rd);
      this.network.sendAll(this.config.raftId, rd.messages);
      for (const e of rd.committedEntries) this.applyEntry(e);
      for (const rs of rd.readStates) this.reads.onReadState(rs);
      node.advance(rd);
      this.reads.onApplied();
      this.maybeTriggerSnapshot();
      if (this.node !== node) return;
    }
    this.flushOutbox();
  }

  private onSoftState(ss: SoftState): void {
    const newLeader = ss.lead !== None && ss.lead !== this.lead;
    const changed = ss.lead !== this.lead;
    this.lead = ss.lead;
    if (changed) this.sim.emit({ component: this.name, kind: 'raft.lead', lead: ss.lead === None ? '' : peerName(ss.lead), term: this.node!.raft.term });
    if (newLeader) {
      this.leadElectedAtMs = this.sim.nowMs;
      this.reads.onLeaderChanged();
    }
    if (ss.lead !== None) for (const w of this.waits.unblock()) this.hand(w.req, w);
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
    this.failWatches(ErrCompacted);
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
    const waiter = this.waits.trigger(req.id);
    if (!waiter) return;
    const header = this.header();
    this.outbox.push(() => waiter.future.resolve({ ok: true, value: { result, header } }));
  }

  /** failWatches ends every watch on this member with `error` (clients re-watch elsewhere). */
  private failWatches(error: EtcdError): void {
    for (const watch of [...this.watches]) watch.fail(error);
    this.watches.clear();
  }

  /**
   * maybeTriggerSnapshot: after snapshot-count applied entries, etcd saves a snapshot of the
   * backend and compacts the Raft log, keeping catch-up entries for slow followers.
   */
  private maybeTriggerSnapshot(): void {
    const snapIndex = this.storage.snapshot().metadata.index;
    if (this.consistentIndex - snapIndex <= this.config.snapshotCount) return;
    this.storage.createSnapshot(this.consistentIndex, { voters: this.config.peerIds.slice() }, this.store.snapshot());
    const compactIndex = this.consistentIndex - this.config.catchUpEntries;
    if (compactIndex > this.storage.firstIndex()) this.storage.compact(compactIndex);
    this.sim.emit({ component: this.name, kind: 'etcd.snapshot', index: this.consistentIndex, compactedTo: Math.max(compactIndex, 0) });
  }

  /**
   * flushOutbox answers this flush's clients and watchers: watch events first (a writer that
   * re-reads through the apiserver's cache finds its own write), then the write responses.
   */
  private flushOutbox(): void {
    let watchBatches: Array<[MemberWatch, ReturnType<MemberWatch['takePending']>]> | undefined;
    for (const watch of this.watches) {
      if (watch.pending.length > 0) (watchBatches ??= []).push([watch, watch.takePending()]);
    }
    const responses = this.outbox;
    if (responses.length === 0 && !watchBatches) return;
    this.outbox = [];
    if (watchBatches) for (const [watch, events] of watchBatches) watch.deliver(events);
    for (const respond of responses) respond();
  }
}
