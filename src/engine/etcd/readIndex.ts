// Mirrors etcd v3.4 etcdserver/v3_server.go linearizableReadLoop / requestCurrentIndex: all
// linearizable reads waiting at a member share one ReadIndex round.
import { Future } from '../sim/future';
import type { Simulator, Timer } from '../sim/simulator';
import { ErrLeaderChanged, ErrTimeout } from './errors';
import type { ReadState } from './raft/readOnly';
import type { EtcdError } from './types';

/** readIndexRetryTime: etcd re-sends an unanswered ReadIndex every 500 ms. */
export const READ_INDEX_RETRY_MS = 500;

export interface ReadLoopHost {
  readonly sim: Simulator;
  readonly reqTimeoutMs: number;
  /** readIndex hands Raft a MsgReadIndex tagged `ctx`. */
  readIndex(ctx: string): void;
  appliedIndex(): number;
  nextRequestId(): number;
}

interface Round {
  ctx: string;
  waiters: Array<Future<EtcdError | undefined>>;
  confirmedIndex: number | undefined;
  retry: Timer;
  deadline: Timer;
}

/**
 * ReadLoop batches linearizable reads: reads that arrive while a round is running wait for the
 * next one. A round asks the leader for its commit index (ReadIndex: the leader proves it still
 * leads with a heartbeat quorum), then waits until this member applied that index. It fails with
 * `etcdserver: leader changed` if a new leader appears meanwhile, and with `etcdserver: request
 * timed out` after ReqTimeout.
 */
export class ReadLoop {
  private next: Array<Future<EtcdError | undefined>> = [];
  private round: Round | undefined;

  constructor(private readonly host: ReadLoopHost) {}

  /** request resolves with undefined when the member may serve a linearizable read, or an error. */
  request(): Future<EtcdError | undefined> {
    const future = new Future<EtcdError | undefined>();
    this.next.push(future);
    if (!this.round) this.startRound();
    return future;
  }

  private startRound(): void {
    const { sim } = this.host;
    const ctx = String(this.host.nextRequestId());
    const resend = (): void => {
      this.host.readIndex(ctx);
      round.retry = sim.after(READ_INDEX_RETRY_MS, resend);
    };
    const round: Round = {
      ctx,
      waiters: this.next,
      confirmedIndex: undefined,
      retry: sim.after(READ_INDEX_RETRY_MS, resend),
      deadline: sim.after(this.host.reqTimeoutMs, () => this.finish(ErrTimeout)),
    };
    this.next = [];
    this.round = round;
    this.host.readIndex(ctx);
  }

  onReadState(rs: ReadState): void {
    const round = this.round;
    if (!round || rs.requestCtx !== round.ctx || round.confirmedIndex !== undefined) return;
    round.confirmedIndex = rs.index;
    this.host.sim.cancel(round.retry);
    this.onApplied();
  }

  /** onApplied releases the round once the member caught up with the confirmed index. */
  onApplied(): void {
    const round = this.round;
    if (round && round.confirmedIndex !== undefined && this.host.appliedIndex() >= round.confirmedIndex) this.finish(undefined);
  }

  /** onLeaderChanged: a round still waiting for its read index cannot trust it any more. */
  onLeaderChanged(): void {
    if (this.round && this.round.confirmedIndex === undefined) this.finish(ErrLeaderChanged);
  }

  /** fail ends everything (the member stopped). */
  fail(error: EtcdError): void {
    if (this.round) this.finish(error);
    const waiting = this.next;
    this.next = [];
    for (const f of waiting) f.resolve(error);
  }

  private finish(error: EtcdError | undefined): void {
    const round = this.round!;
    this.round = undefined;
    this.host.sim.cancel(round.retry);
    this.host.sim.cancel(round.deadline);
    for (const f of round.waiters) f.resolve(error);
    if (this.next.length > 0) this.startRound();
  }
}
