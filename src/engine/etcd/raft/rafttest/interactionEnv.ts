// Mirrors etcd-io/raft rafttest/interaction_env.go: nodes, a message queue and a log buffer
// that the golden scripts (testdata/*.txt) drive one command at a time.
import { bootstrapFromSnapshot, bootstrapStorage } from '../bootstrap';
import { describeMessage, describeReady } from '../describe';
import type { RaftLogger, RandomSource } from '../raft';
import { RawNode } from '../rawNode';
import type { Entry, Message } from '../raftpb';
import { MemoryStorage } from '../storage';

export type LogLevel = 'debug' | 'info' | 'warn' | 'none';
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'none'];

export interface NodeOptions {
  electionTick: number;
  heartbeatTick: number;
  checkQuorum: boolean;
  preVote: boolean;
  maxSizePerMsg: number;
}

/** EnvNode is one member: its stable storage survives a crash, its RawNode does not. */
export interface EnvNode {
  id: number;
  storage: MemoryStorage;
  rawNode: RawNode | undefined;
  /** The applied state machine: data of every applied normal entry, by index. */
  applied: Array<{ index: number; term: number; data: unknown }>;
  appliedIndex: number;
  options: NodeOptions;
}

/** PINNED_RNG makes randomizedElectionTimeout = electionTimeout, as raft's tests pin it. */
const PINNED_RNG: RandomSource = { int: () => 0 };

export class InteractionEnv {
  readonly nodes: EnvNode[] = [];
  messages: Message[] = [];
  readonly isolated = new Set<number>();
  private out: string[] = [];
  private indent = '';
  level: LogLevel = 'info';

  readonly logger: RaftLogger = {
    debug: (text) => this.log('debug', text),
    info: (text) => this.log('info', text),
    warn: (text) => this.log('warn', text),
  };

  private log(level: LogLevel, text: string): void {
    if (LEVELS.indexOf(level) >= LEVELS.indexOf(this.level)) this.write(`${level.toUpperCase()} ${text}`);
  }

  /** write appends a line of command output; `log-level none` silences everything (setup steps). */
  write(line: string): void {
    if (this.level === 'none') return;
    this.out.push(this.indent + line);
  }

  /** withIndent runs `fn` with its output indented (stabilize's nesting). */
  withIndent(fn: () => void): void {
    const saved = this.indent;
    this.indent += '  ';
    try {
      fn();
    } finally {
      this.indent = saved;
    }
  }

  takeOutput(): string {
    const text = this.out.join('\n');
    this.out = [];
    return text === '' ? 'ok' : text;
  }

  node(id: number): EnvNode {
    const n = this.nodes[id - 1];
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }

  raft(id: number): RawNode {
    const rn = this.node(id).rawNode;
    if (!rn) throw new Error(`node ${id} is crashed`);
    return rn;
  }

  addNodes(count: number, options: NodeOptions, snapshotIndex: number | undefined): void {
    const first = this.nodes.length + 1;
    const voters = Array.from({ length: first + count - 1 }, (_, i) => i + 1);
    for (let id = first; id < first + count; id++) {
      const storage = new MemoryStorage();
      if (snapshotIndex !== undefined) bootstrapFromSnapshot(storage, voters, snapshotIndex);
      else bootstrapStorage(storage, voters);
      const node: EnvNode = { id, storage, rawNode: undefined, applied: [], appliedIndex: snapshotIndex ?? 0, options };
      this.nodes.push(node);
      this.start(node, voters);
    }
  }

  start(node: EnvNode, voters?: number[]): void {
    const { options } = node;
    node.rawNode = new RawNode({
      id: node.id,
      peers: voters ?? this.nodes.map((n) => n.id),
      storage: node.storage,
      applied: node.appliedIndex,
      rng: PINNED_RNG,
      logger: this.logger,
      ...options,
    });
  }

  /** processReady persists, queues the messages and applies, printing the Ready. */
  processReady(id: number): void {
    const node = this.node(id);
    const rn = this.raft(id);
    const rd = rn.ready();
    for (const line of describeReady(rd)) this.write(line);
    if (rd.snapshot) {
      node.storage.applySnapshot(rd.snapshot);
      node.applied = (rd.snapshot.data as EnvNode['applied'] | undefined)?.slice() ?? [];
      node.appliedIndex = rd.snapshot.metadata.index;
    }
    if (rd.hardState) node.storage.setHardState(rd.hardState);
    node.storage.append(rd.entries);
    // A crashed peer refuses the connection: what is sent to it is lost.
    for (const m of rd.messages) if (this.node(m.to).rawNode) this.messages.push(m);
    for (const e of rd.committedEntries) this.apply(node, e);
    rn.advance(rd);
  }

  private apply(node: EnvNode, e: Entry): void {
    if (e.type === 'EntryNormal' && e.data !== undefined) node.applied.push({ index: e.index, term: e.term, data: e.data });
    node.appliedIndex = e.index;
  }

  /** deliverMsgs hands node `id` every queued message for it (dropping what a fault eats). */
  deliverMsgs(id: number, drop: boolean): number {
    const mine = this.messages.filter((m) => m.to === id);
    this.messages = this.messages.filter((m) => m.to !== id);
    for (const m of mine) {
      const lost = drop || this.isolated.has(m.from) || this.isolated.has(m.to) || !this.node(id).rawNode;
      if (lost) {
        this.write(`dropped: ${describeMessage(m)}`);
        continue;
      }
      this.write(describeMessage(m));
      this.withIndent(() => this.raft(id).step(m));
    }
    return mine.length;
  }

  /**
   * stabilize alternates "every node handles its Ready" and "every node receives its messages"
   * until nothing is left, printing each stage like etcd-io/raft's stabilize.
   */
  stabilize(ids: number[]): void {
    for (;;) {
      let done = true;
      for (const id of ids) {
        const rn = this.node(id).rawNode;
        if (rn && rn.hasReady()) {
          done = false;
          this.write(`> ${id} handling Ready`);
          this.withIndent(() => this.processReady(id));
        }
      }
      for (const id of ids) {
        if (!this.messages.some((m) => m.to === id)) continue;
        done = false;
        this.write(`> ${id} receiving messages`);
        this.withIndent(() => this.deliverMsgs(id, false));
      }
      if (done) return;
    }
  }
}
