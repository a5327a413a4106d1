// Mirrors etcd-io/raft read_only.go (ReadOnlySafe): linearizable reads via ReadIndex.
import type { Message } from './raftpb';

/** ReadState tells the member "a read issued with `requestCtx` may be served once applied ≥ `index`". */
export interface ReadState {
  index: number;
  requestCtx: string;
}

interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Set<number>;
}

/**
 * ReadOnly tracks read-index requests waiting for a heartbeat round: the leader records its
 * commit index when the read arrives, tags the next heartbeat with the request's context, and
 * answers once a quorum acknowledged that heartbeat, proving it was still leader at that moment.
 */
export class ReadOnly {
  private readonly pending = new Map<string, ReadIndexStatus>();
  private queue: string[] = [];

  addRequest(index: number, m: Message): void {
    const ctx = m.context ?? '';
    if (this.pending.has(ctx)) return;
    this.pending.set(ctx, { index, req: m, acks: new Set() });
    this.queue.push(ctx);
  }

  /** recvAck notes a heartbeat ack for `ctx` and returns how many voters acknowledged it. */
  recvAck(id: number, ctx: string): number {
    const rs = this.pending.get(ctx);
    if (!rs) return 0;
    rs.acks.add(id);
    return rs.acks.size;
  }

  /** advance releases every request queued up to and including `ctx` (they are all confirmed). */
  advance(ctx: string): Array<{ req: Message; index: number }> {
    const at = this.queue.indexOf(ctx);
    if (at < 0) return [];
    const released = this.queue.slice(0, at + 1).map((c) => this.pending.get(c)!);
    for (const c of this.queue.slice(0, at + 1)) this.pending.delete(c);
    this.queue = this.queue.slice(at + 1);
    return released;
  }

  lastPendingRequestCtx(): string {
    return this.queue.length === 0 ? '' : this.queue[this.queue.length - 1];
  }
}
