// Mirrors kubernetes pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.32): per
// topology pair, add the weights of (1) the incoming pod's preferred affinity terms (−weight for
// anti-affinity) that existing pods match, and — symmetrically — (2) the existing pods' required
// affinity terms (hardPodAffinityWeight 1) and preferred (anti-)affinity terms the incoming pod
// matches. A node scores the sum over its own pairs; NormalizeScore maps min..max onto 0..100.
import type { PodInfo } from '../../framework/podInfo';
import type { NodeInfo } from '../../framework/nodeInfo';
import { MAX_NODE_SCORE, type ScoreList } from '../../framework/types';
import { hasPodAffinity, pair, preferredTerms, requiredTerms, termMatches, type Term, type WeightedTerm } from './terms';

/** HARD_POD_AFFINITY_WEIGHT: InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/** TopologyScores: `key=value` → score, and the topology keys involved. */
export interface TopologyScores {
  byPair: Map<string, number>;
  keys: Set<string>;
}

interface ExistingTerms {
  required: Term[];
  preferred: WeightedTerm[];
}

const compiled = new WeakMap<PodInfo, ExistingTerms>();

function existingTerms(pod: PodInfo): ExistingTerms {
  let terms = compiled.get(pod);
  if (!terms) {
    terms = { required: requiredTerms(pod.pod, 'podAffinity'), preferred: [...preferredTerms(pod.pod, 'podAffinity', 1), ...preferredTerms(pod.pod, 'podAntiAffinity', -1)] };
    compiled.set(pod, terms);
  }
  return terms;
}

/**
 * topologyScores is PreScore: undefined (Skip) when the incoming pod has no preferred terms and no
 * existing pod has affinity, or when nothing scored. Without preferred terms of its own, only the
 * nodes and pods with affinity are visited.
 */
export function topologyScores(incoming: PodInfo, handle: { nodeInfos(): readonly NodeInfo[]; podsWithAffinity(): number }): TopologyScores | undefined {
  const own = [...preferredTerms(incoming.pod, 'podAffinity', 1), ...preferredTerms(incoming.pod, 'podAntiAffinity', -1)];
  const hasConstraints = own.length > 0;
  if (!hasConstraints && handle.podsWithAffinity() === 0) return undefined;
  const scores: TopologyScores = { byPair: new Map(), keys: new Set() };
  for (const node of handle.nodeInfos()) {
    const labels = node.node?.metadata.labels;
    if (!labels || Object.keys(labels).length === 0) continue;
    if (!hasConstraints && node.podsWithAffinity === 0) continue;
    const add = (t: Term, weight: number) => {
      const value = labels[t.topologyKey];
      if (value === undefined) return;
      const key = pair(t.topologyKey, value);
      scores.byPair.set(key, (scores.byPair.get(key) ?? 0) + weight);
      scores.keys.add(t.topologyKey);
    };
    for (const existing of node.pods.values()) {
      for (const t of own) if (termMatches(t, existing.pod)) add(t, t.weight);
      if (!hasPodAffinity(existing.pod)) continue;
      const theirs = existingTerms(existing);
      for (const t of theirs.required) if (termMatches(t, incoming.pod)) add(t, HARD_POD_AFFINITY_WEIGHT);
      for (const t of theirs.preferred) if (termMatches(t, incoming.pod)) add(t, t.weight);
    }
  }
  return scores.keys.size === 0 ? undefined : scores;
}

/** scoreNode: for every topology key scored, the node's value's score. */
export function scoreNode(scores: TopologyScores, node: NodeInfo): number {
  const labels = node.node?.metadata.labels ?? {};
  let score = 0;
  for (const key of scores.keys) {
    const value = labels[key];
    if (value !== undefined) score += scores.byPair.get(pair(key, value)) ?? 0;
  }
  return score;
}

/** normalizeScores maps the range [min, max] onto [0, 100] (0 everywhere when all are equal). */
export function normalizeScores(scores: ScoreList): void {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = max - min > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i] - min)) / (max - min)) : 0;
}
