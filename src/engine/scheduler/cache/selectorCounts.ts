// Per-node tallies of the pods a label selector matches, kept current as the cache adds and
// removes pods. Upstream's PodTopologySpread recounts with countPodsMatchSelector over every
// node's pods in each PreScore; with the system default constraints that happens for every
// Deployment pod, which at 5,000 nodes × 150,000 pods is quadratic. The counts are the same
// numbers (same namespace, terminating pods skipped — kubernetes#87621), kept incrementally.
import type { Node } from 'kubernetes-types/core/v1';
import { matches, type Selector } from '../../api/labels';
import type { PodInfo } from '../framework/podInfo';

/** NodeView is what a tally needs of a NodeInfo (kept structural to avoid an import cycle). */
interface NodeView {
  readonly name: string;
  readonly node: Node | undefined;
  readonly pods: ReadonlyMap<string, PodInfo>;
}

export type LabelPresence = 'none' | 'some' | 'all';

export interface SelectorTally {
  readonly namespace: string;
  readonly selector: Selector;
  /** perNode: node name → matching, non-terminating pods on it (absent = 0). */
  readonly perNode: Map<string, number>;
  /** perDomain: topologyKey → label value → matching pods on nodes with that value; built on first ask. */
  readonly perDomain: Map<string, Map<string, number>>;
  lastUsed: number;
}

/** DEFAULT_TALLY_LIMIT bounds how many selectors are tracked; the least recently used is dropped. */
export const DEFAULT_TALLY_LIMIT = 64;

export class SelectorCounts {
  private readonly tallies = new Map<string, SelectorTally>();
  private readonly byNamespace = new Map<string, Set<SelectorTally>>();
  private clock = 0;
  /** labelCensus: per label key, whether no, some or all cached nodes carry it; dropped when nodes change. */
  private readonly labelCensus = new Map<string, LabelPresence>();

  constructor(
    private readonly nodes: { all(): Iterable<NodeView>; get(name: string): NodeView | undefined },
    private readonly limit = DEFAULT_TALLY_LIMIT,
  ) {}

  get size(): number {
    return this.tallies.size;
  }

  /** tally returns the counts for `selector` in `namespace`, counting every cached pod the first time. */
  tally(namespace: string, selector: Selector): SelectorTally {
    const key = `${namespace}\u0000${JSON.stringify(selector)}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      if (this.tallies.size >= this.limit) this.evictLeastRecentlyUsed();
      tally = { namespace, selector, perNode: new Map(), perDomain: new Map(), lastUsed: 0 };
      for (const node of this.nodes.all()) {
        let count = 0;
        for (const pod of node.pods.values()) if (counts(tally, pod)) count++;
        if (count > 0) tally.perNode.set(node.name, count);
      }
      this.tallies.set(key, tally);
      let set = this.byNamespace.get(namespace);
      if (!set) this.byNamespace.set(namespace, (set = new Set()));
      set.add(tally);
    }
    tally.lastUsed = ++this.clock;
    return tally;
  }

  /** domainCounts sums the tally per value of `topologyKey` over nodes that carry the label. */
  domainCounts(tally: SelectorTally, topologyKey: string): ReadonlyMap<string, number> {
    let domains = tally.perDomain.get(topologyKey);
    if (domains) return domains;
    domains = new Map();
    for (const [name, count] of tally.perNode) {
      const value = this.nodes.get(name)?.node?.metadata?.labels?.[topologyKey];
      if (value !== undefined) domains.set(value, (domains.get(value) ?? 0) + count);
    }
    tally.perDomain.set(topologyKey, domains);
    return domains;
  }

  /** onPod keeps every tally of the pod's namespace current; NodeInfo calls it on add (+1) and remove (−1). */
  onPod(node: NodeView, pod: PodInfo, sign: 1 | -1): void {
    const set = this.byNamespace.get(pod.pod.metadata.namespace ?? '');
    if (!set) return;
    for (const tally of set) {
      if (!counts(tally, pod)) continue;
      const next = (tally.perNode.get(node.name) ?? 0) + sign;
      if (next > 0) tally.perNode.set(node.name, next);
      else tally.perNode.delete(node.name);
      for (const [key, domains] of tally.perDomain) {
        const value = node.node?.metadata?.labels?.[key];
        if (value === undefined) continue;
        const count = (domains.get(value) ?? 0) + sign;
        if (count > 0) domains.set(value, count);
        else domains.delete(value);
      }
    }
  }

  /**
   * labelPresence tells whether none, some or all of the cached nodes carry label `key`, so a
   * PreScore can settle "does any feasible node have this topology key?" without visiting nodes.
   */
  labelPresence(key: string): LabelPresence {
    let presence = this.labelCensus.get(key);
    if (presence === undefined) {
      let nodes = 0;
      let labelled = 0;
      for (const node of this.nodes.all()) {
        if (!node.node) continue;
        nodes++;
        if (node.node.metadata?.labels?.[key] !== undefined) labelled++;
      }
      presence = labelled === 0 ? 'none' : labelled === nodes ? 'all' : 'some';
      this.labelCensus.set(key, presence);
    }
    return presence;
  }

  /** nodesChanged drops the per-domain sums and the label census (a node came, went or was relabelled); they rebuild on demand. */
  nodesChanged(): void {
    for (const tally of this.tallies.values()) tally.perDomain.clear();
    this.labelCensus.clear();
  }

  private evictLeastRecentlyUsed(): void {
    let oldest: [string, SelectorTally] | undefined;
    for (const entry of this.tallies) if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (!oldest) return;
    this.tallies.delete(oldest[0]);
    this.byNamespace.get(oldest[1].namespace)?.delete(oldest[1]);
  }
}

function counts(tally: SelectorTally, pod: PodInfo): boolean {
  const meta = pod.pod.metadata;
  return (meta.namespace ?? '') === tally.namespace && !meta.deletionTimestamp && matches(tally.selector, meta.labels);
}
