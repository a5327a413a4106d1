// An etcd cluster of 1..7 members behind the EtcdClient interface, as the apiserver's clientv3
// sees it: a round-robin balancer over the members' client URLs (requests to a stopped member
// are not attempted), writes proposed through Raft, linearizable reads via ReadIndex.
import type { EtcdMemberView } from '../commands/shellEnv';
import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';
import type { ApplyResult } from './apply';
import { ErrCompacted, ErrFutureRev, ErrTransportClosing, errConnectionRefused } from './errors';
import { EtcdMember } from './member';
import { defragment, memberView, raftView, type RaftView } from './memberView';
import { metricsPage } from './metrics/exposition';
import { PeerNetwork } from './network';
import { hexId } from './ids';
import { DEFAULT_EPOCH_MS } from '../sim/time';
import type { EtcdClient, EtcdError, EtcdResult, EtcdWatchCallbacks, RangeResponse, ResponseHeader, TxnOp, TxnRequest, TxnResponse } from './types';

export interface EtcdClusterOptions {
  members: number;
  heartbeatIntervalMs: number;
  electionTimeoutMs: number;
  preVote: boolean;
  /** snapshotCount: --snapshot-count (etcd 3.4 default 100,000); scenarios scale it down to show snapshots. */
  snapshotCount?: number;
  /** Peer link latency: base + uniform jitter (a LAN: 0–1 ms). */
  latencyMs?: number;
  jitterMsMax?: number;
  /** clientLatencyMs: apiserver ↔ member round trip. */
  clientLatencyMs?: number;
  /** diskSyncMs: WAL fsync time; a member handles its Raft work in batches this far apart. */
  diskSyncMs?: number;
  /** epochMs: the wall clock at sim time 0 (log timestamps). */
  epochMs?: number;
}

export const DEFAULT_SNAPSHOT_COUNT = 100_000;

/**
 * EtcdCluster runs `members` etcd members on the sim clock (etcd-1..N, client URLs
 * https://10.0.0.(2+i):2379) and is the apiserver's etcd client.
 *
 * @example
 * const etcd = new EtcdCluster(sim, { members: 3, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false });
 * sim.runUntil(2000);
 * etcd.leader()?.name; // 'etcd-2', say
 * etcd.stopMember('leader'); // a new leader within ~1-2 s
 */
export class EtcdCluster implements EtcdClient {
  readonly members: EtcdMember[] = [];
  readonly network: PeerNetwork;
  readonly clusterId: string;
  private nextPick = 0;
  private lastRevision = 1;

  constructor(
    private readonly sim: Simulator,
    readonly options: EtcdClusterOptions,
  ) {
    const rng = sim.rng.fork('etcd');
    this.network = new PeerNetwork(sim, rng.fork('network'), { latencyMs: options.latencyMs ?? 0, jitterMsMax: options.jitterMsMax ?? 1 });
    const names = Array.from({ length: options.members }, (_, i) => `etcd-${i + 1}`);
    this.clusterId = options.members === 1 ? hexId('cluster/etcd-1') : hexId(`cluster/${names.join(',')}`);
    const peerIds = names.map((_, i) => i + 1);
    const snapshotCount = options.snapshotCount ?? DEFAULT_SNAPSHOT_COUNT;
    for (const [i, name] of names.entries()) {
      const member = new EtcdMember(sim, this.network, rng.fork(name), {
        name,
        raftId: i + 1,
        memberId: hexId(`member/${name}`),
        peerMemberIds: names.map((n) => hexId(`member/${n}`)),
        clusterId: this.clusterId,
        peerIds,
        clientURL: `https://10.0.0.${2 + i}:2379`,
        peerURL: `https://10.0.0.${2 + i}:2380`,
        tickMs: options.heartbeatIntervalMs,
        electionTicks: Math.max(2, Math.round(options.electionTimeoutMs / options.heartbeatIntervalMs)),
        preVote: options.preVote,
        snapshotCount,
        // etcd keeps 5,000 entries after a 100,000-entry snapshot; keep the same 1:20 ratio when scaled.
        catchUpEntries: Math.max(1, Math.floor(snapshotCount / 20)),
        clientLatencyMs: options.clientLatencyMs ?? 1,
        diskSyncMs: options.diskSyncMs ?? 1,
        epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
      });
      this.members.push(member);
    }
    for (const member of this.members) member.start();
  }

  member(name: string): EtcdMember | undefined {
    return this.members.find((m) => m.name === name);
  }

  /** leader is the member that currently leads (the highest-term leader if a partition left an old one behind). */
  leader(): EtcdMember | undefined {
    let best: EtcdMember | undefined;
    for (const m of this.members) {
      const r = m.raft;
      if (r?.state === 'StateLeader' && (!best || r.term > best.raft!.term)) best = m;
    }
    return best;
  }

  /** pick is clientv3's round-robin balancer over members whose connection is up. */
  private pick(): EtcdMember | undefined {
    const n = this.members.length;
    for (let i = 0; i < n; i++) {
      const m = this.members[(this.nextPick + i) % n];
      if (m.running) {
        this.nextPick = (this.nextPick + i + 1) % n;
        return m;
      }
    }
    return undefined;
  }

  currentRevision(): number {
    return this.lastRevision;
  }

  private seen(header: ResponseHeader): ResponseHeader {
    if (header.revision > this.lastRevision) this.lastRevision = header.revision;
    return header;
  }

  range(key: string, options: { prefix?: boolean; serializable?: boolean; limit?: number } = {}): Future<EtcdResult<RangeResponse>> {
    const future = new Future<EtcdResult<RangeResponse>>();
    this.rangeAttempt(key, options, future, 0);
    return future;
  }

  /** rangeAttempt serves a read on one member; a read is repeatable, so a dead member's is retried elsewhere. */
  private rangeAttempt(key: string, options: { prefix?: boolean; serializable?: boolean; limit?: number }, future: Future<EtcdResult<RangeResponse>>, attempt: number): void {
    const member = this.pick();
    if (!member) {
      this.sim.after(1, () => future.resolve({ ok: false, error: errConnectionRefused(this.members[0].config.clientURL) }));
      return;
    }
    const answer = (): void => {
      let kvs = options.prefix ? member.store.range(key) : [member.store.get(key)].filter((kv) => kv !== undefined);
      const count = kvs.length;
      if (options.limit && options.limit > 0) kvs = kvs.slice(0, options.limit);
      future.resolve({ ok: true, value: { header: this.seen(member.header()), kvs, count } });
    };
    const latencyMs = member.config.clientLatencyMs;
    if (options.serializable) {
      this.sim.after(latencyMs, () => (member.running ? answer() : this.rangeAttempt(key, options, future, attempt + 1)));
      return;
    }
    member.linearizableRead().then((error) => {
      if (error === ErrTransportClosing && attempt < this.members.length) this.rangeAttempt(key, options, future, attempt + 1);
      else if (error) future.resolve({ ok: false, error });
      else this.sim.after(latencyMs, answer);
    });
  }

  txn(request: TxnRequest): Future<EtcdResult<TxnResponse>> {
    return this.write({ kind: 'txn', txn: request });
  }

  put(key: string, value: unknown): Future<EtcdResult<TxnResponse>> {
    return this.write({ kind: 'put', key, value });
  }

  private write(body: { kind: 'txn'; txn: TxnRequest } | { kind: 'put'; key: string; value: unknown }): Future<EtcdResult<TxnResponse>> {
    const member = this.pick();
    if (!member) return this.refused();
    return member.propose(body).map((r): EtcdResult<TxnResponse> => {
      if (!r.ok) return r;
      const result = r.value.result as Extract<ApplyResult, { kind: 'txn' }>;
      return { ok: true, value: { header: this.seen(r.value.header), succeeded: result.succeeded, kv: result.kv, prevKv: result.prevKv } };
    });
  }

  /** restore applies many writes as one Raft entry (see apply.ts `restore`). */
  restore(ops: Array<[string, TxnOp]>): Future<EtcdResult<{ header: ResponseHeader }>> {
    const member = this.pick();
    if (!member) return this.refused();
    return member.propose({ kind: 'restore', ops }).map((r): EtcdResult<{ header: ResponseHeader }> => (r.ok ? { ok: true, value: { header: this.seen(r.value.header) } } : r));
  }

  /**
   * watch opens a watch stream on one member. As clientv3 does, a stream broken because its member
   * went away (Unavailable) is resumed on another member from the next revision; an error etcd
   * itself reports (compacted, no leader) ends the watch and the caller re-lists.
   */
  watch(prefix: string, startRevision: number, callbacks: EtcdWatchCallbacks): () => void {
    let nextRevision = startRevision;
    let cancelled = false;
    let cancelMember: () => void = () => {};
    const open = (): void => {
      if (cancelled) return;
      const member = this.pick();
      if (!member) {
        this.sim.after(1000, open);
        return;
      }
      if (nextRevision === 0) nextRevision = member.store.currentRevision + 1;
      cancelMember = member.watch(prefix, nextRevision, {
        onEvents: (events) => {
          const last = events[events.length - 1].kv.modRevision;
          if (last > this.lastRevision) this.lastRevision = last;
          nextRevision = last + 1;
          callbacks.onEvents(events);
        },
        onError: (error) => {
          if (cancelled) return;
          if (error === ErrTransportClosing) {
            this.sim.emit({ component: 'etcd-client', kind: 'etcd.watch.resume', prefix, fromMember: member.name, revision: nextRevision });
            this.sim.after(0, open);
          } else callbacks.onError(error);
        },
      });
    };
    open();
    return () => {
      cancelled = true;
      cancelMember();
    };
  }

  compact(revision: number): Future<EtcdResult<{ header: ResponseHeader }>> {
    const member = this.pick();
    if (!member) return this.refused();
    return member.propose({ kind: 'compact', revision }).map((r): EtcdResult<{ header: ResponseHeader }> => {
      if (!r.ok) return r;
      const result = r.value.result as Extract<ApplyResult, { kind: 'compact' }>;
      if (result.error) return { ok: false, error: result.error === 'future' ? ErrFutureRev : ErrCompacted };
      return { ok: true, value: { header: this.seen(r.value.header) } };
    });
  }

  private refused<T>(): Future<EtcdResult<T>> {
    const future = new Future<EtcdResult<T>>();
    this.sim.after(1, () => future.resolve({ ok: false, error: errConnectionRefused(this.members[0].config.clientURL) }));
    return future;
  }

  /** defragmentMember runs a defrag on a running member (`etcdctl defrag`); false when it is down. */
  defragmentMember(name: string): boolean {
    const member = this.member(name);
    if (!member?.running) return false;
    defragment(member);
    return true;
  }

  /** metricsPage is a running member's /metrics page; undefined when it is down (nothing listens). */
  metricsPage(name: string): string | undefined {
    const member = this.member(name);
    return member?.running ? metricsPage(member) : undefined;
  }

  /** setFsyncMs gives a member a disk whose fdatasync takes `ms` (`sim etcd disk`). */
  setFsyncMs(name: string, ms: number): void {
    const member = this.member(name);
    if (member) member.disk.fsyncMs = Math.max(0, Math.round(ms));
  }

  /** linearizableRead asks one member for a linearizable read (`etcdctl endpoint health` probes each member). */
  linearizableRead(name: string): Future<EtcdError | undefined> {
    return this.member(name)?.linearizableRead() ?? Future.resolved<EtcdError | undefined>(ErrTransportClosing);
  }

  /** stopMember kills a member's process (`sim etcd stop NAME|leader`). */
  stopMember(name: string): EtcdMember | undefined {
    const member = name === 'leader' ? this.leader() : this.member(name);
    member?.stop();
    return member;
  }

  startMember(name: string): EtcdMember | undefined {
    const member = this.member(name);
    member?.start();
    return member;
  }

  /** partition cuts the named members off from the others (one side each call lists). */
  partition(names: string[]): void {
    const ids = names.map((n) => (n === 'leader' ? this.leader() : this.member(n))).filter((m): m is EtcdMember => !!m).map((m) => m.config.raftId);
    this.network.partition([ids]);
    this.sim.emit({ component: 'etcd', kind: 'etcd.partition', members: names });
  }

  heal(): void {
    this.network.heal();
    this.sim.emit({ component: 'etcd', kind: 'etcd.heal' });
  }

  /** raftViews is every member's Raft state (roles, terms, timers, logs) for the Raft diagram. */
  raftViews(): RaftView[] {
    const nameOf = (raftId: number) => this.members.find((m) => m.config.raftId === raftId)?.config.name ?? '';
    return this.members.map((m) => raftView(m, this.network.groupOf(m.config.raftId), nameOf));
  }

  /** memberViews is what etcdctl endpoint status / member list report for each member. */
  memberViews(): EtcdMemberView[] {
    return this.members.map(memberView);
  }
}
