// The members' peer network (etcd's rafthttp, simulated): latency with seeded jitter, FIFO
// streams per link, random loss, partitions and stopped members. Every message is a trace event
// (sent, delivered or dropped) so views can draw messages in flight.
import { describeMessage } from './raft/describe';
import type { Entry, Message } from './raft/raftpb';
import type { EtcdRequest } from './apply';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';

export interface PeerNetworkOptions {
  /** latencyMs: one-way base latency between members. */
  latencyMs: number;
  /** jitterMsMax: extra latency drawn uniformly in [0, jitterMsMax] per batch. */
  jitterMsMax: number;
}

/** PeerEndpoint is how the network reaches a member (registered by EtcdCluster). */
export interface PeerEndpoint {
  id: number;
  name: string;
  running(): boolean;
  receive(msgs: Message[]): void;
  /** snapshotStatus reports whether a MsgSnap reached `to` (etcd's ReportSnapshot). */
  snapshotStatus(to: number, ok: boolean): void;
  /** unreachable reports a refused connection to `to` (etcd's ReportUnreachable). */
  unreachable(to: number): void;
}

export type DropReason = 'partition' | 'stopped' | 'loss';

/**
 * PeerNetwork carries Raft messages between members. A batch sent in one flush travels as one
 * stream write: one sim event, delivered in order after the link's latency. A partition puts
 * members in groups; messages between groups are lost, as are messages to stopped members.
 *
 * @example
 * network.partition([['etcd-1']]); // etcd-1 alone on one side, everyone else on the other
 * network.heal();
 */
export class PeerNetwork {
  private readonly endpoints = new Map<number, PeerEndpoint>();
  private readonly group = new Map<number, number>();
  /** lastDeliveryMs per link `from->to` keeps each stream FIFO despite jitter. */
  private readonly lastDeliveryMs = new Map<string, number>();
  /** activeSinceMs per link: since when both ends are up and connected (0 = not connected). */
  private readonly activeSinceMs = new Map<string, number>();
  private lossRate = 0;
  private nextMessageId = 1;

  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    readonly options: PeerNetworkOptions,
  ) {}

  register(endpoint: PeerEndpoint): void {
    this.endpoints.set(endpoint.id, endpoint);
    this.group.set(endpoint.id, 0);
  }

  /** connected: both members run and no partition separates them. */
  connected(from: number, to: number): boolean {
    const a = this.endpoints.get(from);
    const b = this.endpoints.get(to);
    return !!a && !!b && a.running() && b.running() && this.group.get(from) === this.group.get(to);
  }

  /**
   * activeSince is when the link from→to last became connected (rafthttp's peer status), or
   * undefined while it is down. etcd uses it to explain a timed-out proposal.
   */
  activeSince(from: number, to: number): number | undefined {
    this.refreshLinks();
    return this.activeSinceMs.get(`${from}->${to}`) || undefined;
  }

  /** refreshLinks records when links came up or went down (after any fault change). */
  refreshLinks(): void {
    for (const a of this.endpoints.keys()) {
      for (const b of this.endpoints.keys()) {
        if (a === b) continue;
        const key = `${a}->${b}`;
        const up = this.connected(a, b);
        const since = this.activeSinceMs.get(key) ?? 0;
        if (up && since === 0) this.activeSinceMs.set(key, Math.max(this.sim.nowMs, 1));
        if (!up && since !== 0) this.activeSinceMs.set(key, 0);
      }
    }
  }

  /** groupOf is a member's side of the partition (0: the default side, or no partition). */
  groupOf(id: number): number {
    return this.group.get(id) ?? 0;
  }

  /** partition puts each listed group of members on its own side; unlisted members share one. */
  partition(groups: number[][]): void {
    for (const id of this.endpoints.keys()) this.group.set(id, 0);
    groups.forEach((ids, i) => ids.forEach((id) => this.group.set(id, i + 1)));
    this.refreshLinks();
  }

  heal(): void {
    for (const id of this.endpoints.keys()) this.group.set(id, 0);
    this.refreshLinks();
  }

  isPartitioned(): boolean {
    return [...this.group.values()].some((g) => g !== 0);
  }

  /** setLossRate drops each message with probability `rate` (0 = reliable). */
  setLossRate(rate: number): void {
    this.lossRate = rate;
  }

  /** sendAll ships a Ready's messages: one stream write per peer, peers in id order. */
  sendAll(from: number, messages: Message[]): void {
    if (messages.length === 0) return;
    const byPeer = new Map<number, Message[]>();
    for (const m of messages) {
      let list = byPeer.get(m.to);
      if (!list) byPeer.set(m.to, (list = []));
      list.push(m);
    }
    for (const to of [...byPeer.keys()].sort((a, b) => a - b)) this.send(from, to, byPeer.get(to)!);
  }

  /** send ships `msgs` from one member to another as one stream write. */
  send(from: number, to: number, msgs: Message[]): void {
    const target = this.endpoints.get(to);
    const source = this.endpoints.get(from)!;
    if (!target) return;
    const ids = this.sim.trace.enabled ? msgs.map(() => this.nextMessageId++) : [];
    if (!target.running()) {
      // Connection refused: the sender learns it at once.
      this.traceDrops(source, target, msgs, ids, 'stopped');
      source.unreachable(to);
      for (const m of msgs) if (m.type === 'MsgSnap') source.snapshotStatus(to, false);
      return;
    }
    const link = `${from}->${to}`;
    const atMs = Math.max(this.sim.nowMs + this.options.latencyMs + this.rng.int(this.options.jitterMsMax + 1), this.lastDeliveryMs.get(link) ?? Number.NEGATIVE_INFINITY);
    this.lastDeliveryMs.set(link, atMs);
    if (this.sim.trace.enabled) {
      msgs.forEach((m, i) => this.sim.emit({ component: source.name, kind: 'raft.msg.send', msgId: ids[i], from: source.name, to: target.name, msgType: m.type, term: m.term, deliverAtMs: atMs, text: describeMessage(m, summarizeEntry) }));
    }
    this.sim.at(atMs, () => this.deliver(source, target, msgs, ids));
  }

  private deliver(source: PeerEndpoint, target: PeerEndpoint, msgs: Message[], ids: number[]): void {
    const reason: DropReason | undefined = !target.running() ? 'stopped' : this.group.get(source.id) !== this.group.get(target.id) ? 'partition' : undefined;
    let delivered = msgs;
    if (reason) delivered = [];
    else if (this.lossRate > 0) delivered = msgs.filter(() => this.rng.float() >= this.lossRate);
    if (this.sim.trace.enabled) {
      msgs.forEach((m, i) => {
        if (delivered.includes(m)) this.sim.emit({ component: target.name, kind: 'raft.msg.recv', msgId: ids[i], from: source.name, to: target.name, msgType: m.type });
        else this.sim.emit({ component: target.name, kind: 'raft.msg.drop', msgId: ids[i], from: source.name, to: target.name, msgType: m.type, reason: reason ?? 'loss' });
      });
    }
    for (const m of msgs) if (m.type === 'MsgSnap' && source.running()) source.snapshotStatus(target.id, delivered.includes(m));
    if (delivered.length > 0) target.receive(delivered);
  }

  private traceDrops(source: PeerEndpoint, target: PeerEndpoint, msgs: Message[], ids: number[], reason: DropReason): void {
    if (!this.sim.trace.enabled) return;
    msgs.forEach((m, i) => this.sim.emit({ component: source.name, kind: 'raft.msg.drop', msgId: ids[i], from: source.name, to: target.name, msgType: m.type, reason }));
  }
}

/** summarizeEntry names an entry's request without its payload: `2/7 txn /registry/pods/default/web-1`. */
export function summarizeEntry(e: Entry): string {
  const req = e.data as EtcdRequest | { describe: string } | undefined;
  if (!req) return `${e.term}/${e.index} empty`;
  if ('describe' in req) return `${e.term}/${e.index} ${req.describe}`;
  switch (req.kind) {
    case 'txn':
      return `${e.term}/${e.index} txn ${req.txn.key}`;
    case 'restore':
      return `${e.term}/${e.index} restore ${req.ops.length} keys`;
    case 'put':
      return `${e.term}/${e.index} put ${req.key}`;
    case 'compact':
      return `${e.term}/${e.index} compact ${req.revision}`;
    case 'publish':
      return `${e.term}/${e.index} publish ${req.name}`;
    case 'clusterVersion':
      return `${e.term}/${e.index} cluster version ${req.version}`;
  }
}
