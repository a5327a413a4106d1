import { EtcdMember } from '../engine/etcd/member';
import { MvccStore } from '../engine/etcd/mvcc';
import { PeerNetwork } from '../engine/etcd/network';

type Method = (...args: unknown[]) => unknown;

/**
 * RaftCostMeter measures the wall time the engine spends in etcd's Raft machinery during a run:
 * member ticks, message handling, proposals, read-index rounds and the Ready loop (persist,
 * send, commit bookkeeping) plus the peer network. What was already paid before Raft is not
 * counted: the MVCC state machine (MvccStore.apply) and the client callbacks a flush runs
 * (apiserver and watch-cache work). Wrapped calls are timed by self time (a nested wrapped call's
 * time goes to its own bucket). It wraps prototype methods, so it costs only when installed.
 */
export class RaftCostMeter {
  private raftMs = 0;
  private readonly stack: Array<{ childMs: number }> = [];
  private readonly restore: Array<() => void> = [];

  install(): void {
    const member = EtcdMember.prototype as unknown as Record<string, Method>;
    for (const name of ['tick', 'receive', 'propose', 'readIndex', 'linearizableRead', 'flush']) this.wrap(member, name, true);
    this.wrap(member, 'flushOutbox', false);
    this.wrap(MvccStore.prototype as unknown as Record<string, Method>, 'apply', false);
    this.wrap(PeerNetwork.prototype as unknown as Record<string, Method>, 'send', true);
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0)) undo();
  }

  /** raftWallMs: self time in Raft machinery. */
  get raftWallMs(): number {
    return this.raftMs;
  }

  private wrap(proto: Record<string, Method>, name: string, isRaft: boolean): void {
    const original = proto[name];
    const stack = this.stack;
    const meter = this;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const frame = { childMs: 0 };
      stack.push(frame);
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const elapsed = performance.now() - started;
        stack.pop();
        if (isRaft) meter.raftMs += elapsed - frame.childMs;
        const parent = stack[stack.length - 1];
        if (parent) parent.childMs += elapsed;
      }
    };
    this.restore.push(() => (proto[name] = original));
  }
}
