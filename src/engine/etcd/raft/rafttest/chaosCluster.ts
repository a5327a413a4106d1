// A Raft cluster under a fault schedule, for the property tests: like etcd-io/raft's test
// `network` (send, drop, cut, isolate, recover) plus crashes/restarts with persisted storage,
// message reordering and duplication, and log compaction. No output, only state to check.
import { Rng } from '../../../sim/rng';
import { bootstrapStorage } from '../bootstrap';
import { RawNode } from '../rawNode';
import type { Entry, Message } from '../raftpb';
import { MemoryStorage } from '../storage';

export interface ChaosNode {
  id: number;
  storage: MemoryStorage;
  rawNode: RawNode | undefined;
  /** applied state machine: the data of applied normal entries, in order (persisted). */
  applied: Array<{ index: number; term: number; data: string }>;
  appliedIndex: number;
  /** Partition group: messages flow only between nodes of the same group. */
  group: number;
}

export interface ChaosOptions {
  nodes: number;
  electionTick: number;
  preVote: boolean;
  seed: number;
}

/** ChaosCluster runs RawNodes with a message pool the schedule delivers, drops or duplicates. */
export class ChaosCluster {
  readonly nodes: ChaosNode[] = [];
  pool: Message[] = [];
  /** snapshotsDelivered counts MsgSnap that reached their target (coverage statistics). */
  snapshotsDelivered = 0;
  private readonly rng: Rng;
  /** onApply sees every entry a node applies (checkers hook State Machine Safety here). */
  onApply: (node: ChaosNode, e: Entry) => void = () => {};

  constructor(readonly options: ChaosOptions) {
    this.rng = new Rng(options.seed);
    const voters = Array.from({ length: options.nodes }, (_, i) => i + 1);
    for (const id of voters) {
      const storage = new MemoryStorage();
      bootstrapStorage(storage, voters);
      const node: ChaosNode = { id, storage, rawNode: undefined, applied: [], appliedIndex: 0, group: 0 };
      this.nodes.push(node);
      this.start(node);
    }
  }

  private start(node: ChaosNode): void {
    node.rawNode = new RawNode({
      id: node.id,
      peers: this.nodes.length === this.options.nodes ? this.nodes.map((n) => n.id) : Array.from({ length: this.options.nodes }, (_, i) => i + 1),
      storage: node.storage,
      applied: node.appliedIndex,
      electionTick: this.options.electionTick,
      heartbeatTick: 1,
      checkQuorum: true,
      preVote: this.options.preVote,
      maxSizePerMsg: 4,
      maxInflightMsgs: 4,
      rng: this.rng.fork(`node-${node.id}-${this.rng.nextU32()}`),
    });
  }

  node(id: number): ChaosNode {
    return this.nodes[id - 1];
  }

  running(): ChaosNode[] {
    return this.nodes.filter((n) => n.rawNode);
  }

  crash(id: number): void {
    this.node(id).rawNode = undefined;
  }

  restart(id: number): void {
    const node = this.node(id);
    if (!node.rawNode) this.start(node);
  }

  /** processReady persists, queues messages and applies for every running node. */
  processReadies(): void {
    for (let again = true; again; ) {
      again = false;
      for (const node of this.nodes) {
        const rn = node.rawNode;
        if (!rn || !rn.hasReady()) continue;
        again = true;
        const rd = rn.ready();
        if (rd.snapshot) {
          node.storage.applySnapshot(rd.snapshot);
          node.applied = (rd.snapshot.data as ChaosNode['applied']).slice();
          node.appliedIndex = rd.snapshot.metadata.index;
        }
        if (rd.hardState) node.storage.setHardState(rd.hardState);
        node.storage.append(rd.entries);
        for (const m of rd.messages) this.pool.push(m);
        for (const e of rd.committedEntries) {
          this.onApply(node, e);
          if (e.type === 'EntryNormal' && typeof e.data === 'string') node.applied.push({ index: e.index, term: e.term, data: e.data });
          node.appliedIndex = e.index;
        }
        rn.advance(rd);
      }
    }
  }

  /**
   * deliver hands message `i` of the pool to its target, unless a partition or crash eats it.
   * A snapshot's sender learns the outcome (etcd streams snapshots over their own HTTP request
   * and reports SnapshotFinish / SnapshotFailure to Raft).
   */
  deliver(i: number): void {
    const [m] = this.pool.splice(i, 1);
    const target = this.node(m.to);
    const lost = !target.rawNode || target.group !== this.node(m.from).group;
    if (m.type === 'MsgSnap') {
      if (!lost) this.snapshotsDelivered++;
      this.node(m.from).rawNode?.reportSnapshot(m.to, !lost);
    }
    if (!lost) target.rawNode!.step(m);
  }

  /** drop loses message `i` of the pool. */
  drop(i: number): void {
    const [m] = this.pool.splice(i, 1);
    if (m.type === 'MsgSnap') this.node(m.from).rawNode?.reportSnapshot(m.to, false);
  }

  deliverAll(): void {
    const batch = this.pool;
    this.pool = [];
    for (const m of batch) {
      this.pool.push(m);
      this.deliver(this.pool.length - 1);
    }
  }

  tickAll(): void {
    for (const node of this.nodes) node.rawNode?.tick();
  }

  /** compact snapshots `id` at its applied index and keeps `keep` entries before it. */
  compact(id: number, keep: number): void {
    const node = this.node(id);
    const rn = node.rawNode;
    if (!rn || node.appliedIndex <= node.storage.snapshot().metadata.index) return;
    node.storage.createSnapshot(node.appliedIndex, { voters: rn.raft.trk.voters.slice() }, node.applied.slice());
    const compactTo = node.appliedIndex - keep;
    if (compactTo > node.storage.firstIndex()) node.storage.compact(compactTo);
  }

  /** heal restarts every crashed node and removes partitions. */
  heal(): void {
    for (const node of this.nodes) {
      node.group = 0;
      this.restart(node.id);
    }
  }

  leaders(): ChaosNode[] {
    return this.nodes.filter((n) => n.rawNode?.raft.state === 'StateLeader');
  }
}
