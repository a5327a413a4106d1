// Mirrors kubernetes pkg/scheduler/framework/plugins/podtopologyspread/scoring.go (v1.32): the
// ScheduleAnyway half. Per constraint, a node scores the matching pods of its domain times
// log(number of domains among the feasible nodes + 2), plus maxSkew − 1; NormalizeScore turns
// "fewest" into "best". The counts come from the scheduler cache's selector tallies instead of
// a recount of every node's pods each cycle (same numbers, see cache/selectorCounts.ts).
import type { Node } from 'kubernetes-types/core/v1';
import type { SelectorCounts, SelectorTally } from '../../cache/selectorCounts';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type ScoreList } from '../../framework/types';
import { LABEL_HOSTNAME, type Constraint } from './common';

const NO_LABELS: Record<string, string> = {};

export interface ScoreState {
  constraints: Constraint[];
  /** ignored: feasible nodes that miss a topology key (only when every key is required). */
  ignored: Set<string>;
  /** feasible: the nodes being scored, in the order NormalizeScore receives their scores. */
  feasible: readonly NodeInfo[];
  tallies: SelectorTally[];
  /** domainCounts[i]: label value → matching pods, for non-hostname constraints. */
  domainCounts: Array<ReadonlyMap<string, number> | undefined>;
  weights: number[];
}

export interface ScoringHandle {
  nodeInfo(name: string): NodeInfo | undefined;
  selectors(): SelectorCounts;
}

/**
 * preScoreState (initPreScoreState + PreScore). `requireAllTopologies` holds for a pod's own
 * constraints; the system defaults let a node without a zone label still spread by hostname.
 */
export function preScoreState(pod: PodInfo, all: Constraint[], requireAllTopologies: boolean, feasible: readonly NodeInfo[], required: ((node: Node) => boolean) | undefined, handle: ScoringHandle): ScoreState {
  // With the system defaults, a constraint whose key no feasible node has scores nothing anywhere
  // (Score skips nodes without the label): drop it, so zoneless clusters do not pay for the zone
  // default on every node. (A pod's own constraints instead ignore such nodes; they stay.)
  // The cache's label census answers without visiting the feasible nodes unless only some nodes carry the key.
  const selectors = handle.selectors();
  const constraints = requireAllTopologies ? all : all.filter((c) => c.topologyKey === LABEL_HOSTNAME || anyNodeHasKey(c.topologyKey, feasible, selectors));
  const ignored = new Set<string>();
  const values = constraints.map(() => new Set<string>());
  const domainKeyed = constraints.some((c) => c.topologyKey !== LABEL_HOSTNAME);
  if (requireAllTopologies || domainKeyed) {
    for (const node of feasible) {
      const labels = node.node?.metadata.labels ?? NO_LABELS;
      if (requireAllTopologies && !hasAllKeys(labels, constraints)) {
        ignored.add(node.name);
        continue;
      }
      // A node without the key still forms the "" domain upstream (it never scores from it).
      for (let i = 0; i < constraints.length; i++) {
        const key = constraints[i].topologyKey;
        if (key !== LABEL_HOSTNAME) values[i].add(labels[key] ?? '');
      }
    }
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : values[i].size) + 2));
  const namespace = pod.pod.metadata.namespace ?? '';
  const tallies = constraints.map((c) => selectors.tally(namespace, c.selector));
  const domainCounts = constraints.map((c, i) => {
    if (c.topologyKey === LABEL_HOSTNAME) return undefined;
    // Fast path: every node with the label counts, so the cache's running per-domain sums answer.
    if (!requireAllTopologies && !(c.honorAffinity && required)) return selectors.domainCounts(tallies[i], c.topologyKey);
    return countDomains(tallies[i], c, constraints, requireAllTopologies, required, handle);
  });
  return { constraints, ignored, feasible, tallies, domainCounts, weights };
}

function anyNodeHasKey(key: string, feasible: readonly NodeInfo[], selectors: SelectorCounts): boolean {
  const presence = selectors.labelPresence(key);
  if (presence !== 'some') return presence === 'all' && feasible.length > 0;
  return feasible.some((n) => n.node?.metadata.labels?.[key] !== undefined);
}

/** countDomains is processAllNode over the nodes that hold matching pods, honoring node inclusion. */
function countDomains(tally: SelectorTally, c: Constraint, all: Constraint[], requireAll: boolean, required: ((node: Node) => boolean) | undefined, handle: ScoringHandle): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, count] of tally.perNode) {
    const node = handle.nodeInfo(name)?.node;
    if (!node) continue;
    const labels = node.metadata.labels ?? {};
    if (requireAll && !hasAllKeys(labels, all)) continue;
    if (c.honorAffinity && required && !required(node)) continue;
    const value = labels[c.topologyKey];
    if (value !== undefined) out.set(value, (out.get(value) ?? 0) + count);
  }
  return out;
}

/** score: Σ over the constraints whose key the node has of count × weight + (maxSkew − 1), rounded. */
export function scoreNode(s: ScoreState, node: NodeInfo): number {
  if (s.ignored.size > 0 && s.ignored.has(node.name)) return 0;
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const hostname = c.topologyKey === LABEL_HOSTNAME;
    const value = hostname ? node.hostnameLabel : node.node?.metadata.labels?.[c.topologyKey];
    if (value === undefined) continue;
    const count = hostname ? hostnameCount(s.tallies[i], node) : (s.domainCounts[i]!.get(value) ?? 0);
    score += count * s.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

/** hostnameCount is the tally's count on the node, remembered on the node until it changes. */
function hostnameCount(tally: SelectorTally, node: NodeInfo): number {
  if (node.ptsTally === tally && node.ptsTallyGeneration === node.generation) return node.ptsTallyCount;
  const count = tally.perNode.get(node.name) ?? 0;
  node.ptsTally = tally;
  node.ptsTallyGeneration = node.generation;
  node.ptsTallyCount = count;
  return count;
}

/** normalizeScores: ignored nodes 0; otherwise MAX × (max + min − s) / max, so the emptiest domain scores highest. */
export function normalizeScores(s: ScoreState, scores: ScoreList): void {
  let min = Infinity;
  let max = 0;
  const ignored = s.ignored.size === 0 ? undefined : s.feasible.map((node) => s.ignored.has(node.name));
  for (let i = 0; i < scores.length; i++) {
    if (ignored?.[i]) continue;
    min = Math.min(min, scores[i]);
    max = Math.max(max, scores[i]);
  }
  for (let i = 0; i < scores.length; i++) {
    if (ignored?.[i]) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  }
}

function hasAllKeys(labels: Record<string, string>, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}
