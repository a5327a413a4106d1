// Mirrors etcd v3.4 etcdserver's processInternalRaftRequestOnce: a client request becomes a
// proposal with a cluster-unique ID, waits (pkg/wait) until this member applies its entry, and is
// answered with parseProposeCtxErr's error when ReqTimeout passes first.
import { Future } from '../sim/future';
import type { Simulator } from '../sim/simulator';
import type { EtcdRequest } from './apply';
import { ErrContextDeadline, ErrProposalDropped } from './errors';
import type { EtcdMemberConfig } from './memberConfig';
import type { MemberMetrics } from './metrics/memberMetrics';
import type { PeerNetwork } from './network';
import { proposeTimeoutError } from './proposeTimeout';
import { None } from './raft/raftpb';
import type { RawNode } from './raft/rawNode';
import type { DistributiveOmit, EtcdError } from './types';
import { Wait, type ProposalResult, type Waiter } from './wait';

/** ProposalsHost is the member the proposals belong to. */
export interface ProposalsHost {
  readonly sim: Simulator;
  readonly config: EtcdMemberConfig;
  readonly reqTimeoutMs: number;
  readonly node: RawNode | undefined;
  readonly lead: number;
  readonly leadElectedAtMs: number;
  nextRequestId(): number;
  /** network: its peer links; since when each has been up explains a timeout. */
  readonly network: Pick<PeerNetwork, 'activeSince'>;
  /** metrics counts the failed proposals (etcd_server_proposals_failed_total). */
  readonly metrics: Pick<MemberMetrics, 'proposalsFailed'>;
  scheduleFlush(): void;
}

export class Proposals {
  private readonly waits: Wait;
  /** queued: proposals for the next flush, handed to Raft as one MsgProp (etcd batches proposals per Ready). */
  private queued: EtcdRequest[] = [];

  constructor(private readonly host: ProposalsHost) {
    this.waits = new Wait(host.sim, host.reqTimeoutMs, (waiter) => this.expire(waiter));
  }

  /**
   * propose submits a request through Raft and resolves when this member applied it, or with
   * etcd's error after ReqTimeout. Without a known leader the proposal waits (etcd 3.4 blocks on
   * the raft node's proposal channel), so a request made during an election proceeds once the new
   * leader is known.
   */
  propose(node: RawNode, body: DistributiveOmit<EtcdRequest, 'id'>): Future<ProposalResult> {
    const future = new Future<ProposalResult>();
    // Object.assign, not `{ ...body, id }`: in V8 11 a spread followed by a new key gives each
    // request (kept in the Raft log) its own hidden class.
    const req = Object.assign({}, body, { id: this.host.nextRequestId() }) as EtcdRequest;
    const waiter: Waiter = { future, req, startMs: this.host.sim.nowMs, proposed: false };
    this.waits.register(waiter);
    if (node.raft.lead === None) this.waits.block(waiter);
    else this.hand(waiter);
    return future;
  }

  /** leaderKnown hands Raft the proposals that waited for a leader. */
  leaderKnown(): void {
    for (const w of this.waits.unblock()) this.hand(w);
  }

  /** stepQueued steps the queued proposals as one batch; a refused batch fails its requests. */
  stepQueued(node: RawNode): void {
    if (this.queued.length === 0) return;
    const batch = this.queued;
    this.queued = [];
    if (!node.proposeBatch(batch)) return;
    for (const req of batch) {
      this.host.metrics.proposalsFailed++;
      this.waits.trigger(req.id)?.future.resolve({ ok: false, error: ErrProposalDropped });
    }
  }

  /** applied returns the waiter of an entry this member proposed, now applied (none for others' entries). */
  applied(id: number): Waiter | undefined {
    return this.waits.trigger(id);
  }

  /** pending counts the proposals handed to Raft and still waiting to apply. */
  pending(): number {
    let count = 0;
    for (const w of this.waits.registered()) if (w.proposed) count++;
    return count;
  }

  /** failAll answers every waiting request with `error` (the process stopped). */
  failAll(error: EtcdError): void {
    this.queued = [];
    for (const w of this.waits.cancelAll()) w.future.resolve({ ok: false, error });
  }

  private hand(waiter: Waiter): void {
    waiter.proposed = true;
    this.queued.push(waiter.req);
    this.host.scheduleFlush();
  }

  /**
   * answer gives an applied request its result. On a slow disk the answer waits for the backend's
   * commit, as etcd's apply waits for the commit holding the batch lock: one that comes after
   * ReqTimeout loses the race with the request's deadline, so the client hears "request timed
   * out" although the write applied.
   */
  answer(waiter: Waiter, value: Extract<ProposalResult, { ok: true }>['value']): void {
    if (this.host.sim.nowMs - waiter.startMs >= this.host.reqTimeoutMs) this.expire(waiter);
    else waiter.future.resolve({ ok: true, value });
  }

  /** expire answers a request that did not apply within ReqTimeout (etcd's parseProposeCtxErr). */
  private expire(waiter: Waiter): void {
    this.host.metrics.proposalsFailed++;
    if (!waiter.proposed) {
      waiter.future.resolve({ ok: false, error: ErrContextDeadline });
      return;
    }
    const { config } = this.host;
    const error = proposeTimeoutError({
      startMs: waiter.startMs,
      leadElectedAtMs: this.host.leadElectedAtMs,
      electionTimeoutMs: config.electionTicks * config.tickMs,
      self: config.raftId,
      lead: this.host.lead,
      peerIds: config.peerIds,
      activeSince: (peer) => this.host.network.activeSince(config.raftId, peer),
    });
    waiter.future.resolve({ ok: false, error });
  }
}
