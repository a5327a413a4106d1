// Mirrors kubernetes pkg/scheduler/framework/plugins/interpodaffinity (filtering.go) in v1.32:
// the required rules. PreFilter counts, per topology pair (topologyKey=value of a node label),
// the existing pods matching the incoming pod's affinity and anti-affinity terms and the existing
// pods whose anti-affinity matches the incoming pod; Filter then checks a node's pairs. Preferred
// terms of the incoming pod are scored (scoring.go); existing pods' preferred terms are not.
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../../api/labels';
import type { CycleState, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const STATE_KEY = 'PreFilterInterPodAffinity';

interface Term {
  topologyKey: string;
  selector: Selector;
  namespaces: Set<string>;
}

interface PreFilterState {
  affinity: Term[];
  antiAffinity: Term[];
  /** counts: `key=value` → matching pods, for each kind of rule. */
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinityCounts: Map<string, number>;
  /** noneMatchAnywhere: no existing pod matches all affinity terms (the first pod of a group may go anywhere it matches itself). */
  firstOfGroup: boolean;
}

function termsOf(pod: Pod, kind: 'podAffinity' | 'podAntiAffinity'): Term[] {
  const terms: PodAffinityTerm[] = pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.map((t) => ({
    topologyKey: t.topologyKey,
    selector: t.labelSelector ? fromLabelSelector(t.labelSelector) : [{ key: '', operator: 'in', values: ['\u0000never'] }],
    // An empty namespace list means the pod's own namespace (namespaceSelector is not modelled).
    namespaces: new Set(t.namespaces?.length ? t.namespaces : [pod.metadata?.namespace ?? 'default']),
  }));
}

const termMatches = (term: Term, pod: Pod) => term.namespaces.has(pod.metadata?.namespace ?? '') && matches(term.selector, pod.metadata?.labels);
const pair = (key: string, value: string) => `${key}=${value}`;
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAMES.InterPodAffinity;

  /** A pod added, changed or gone, or a node added or relabelled, may change the counts. */
  eventsToRegister() {
    return [
      { resource: 'AssignedPod', action: 'Add' },
      { resource: 'AssignedPod', action: 'Update' },
      { resource: 'AssignedPod', action: 'Delete' },
      { resource: 'Node', action: 'Add' },
      { resource: 'Node', action: 'UpdateNodeLabel' },
    ] as const;
  }

  constructor(private readonly handle: { nodeInfos(): readonly NodeInfo[]; podsWithRequiredAntiAffinity(): number }) {}

  preFilter(state: CycleState, podInfo: PodInfo): Status | null {
    const pod = podInfo.pod;
    const affinity = termsOf(pod, 'podAffinity');
    const antiAffinity = termsOf(pod, 'podAntiAffinity');
    if (affinity.length === 0 && antiAffinity.length === 0 && this.handle.podsWithRequiredAntiAffinity() === 0) return newStatus('Skip', this.name, '');
    state.noFilterMemo = true;
    const s: PreFilterState = { affinity, antiAffinity, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map(), firstOfGroup: true };
    for (const node of this.handle.nodeInfos()) {
      const labels = node.node?.metadata.labels ?? {};
      for (const existing of node.pods.values()) {
        if (node.podsWithRequiredAntiAffinity > 0) {
          for (const term of termsOf(existing.pod, 'podAntiAffinity')) {
            if (labels[term.topologyKey] !== undefined && termMatches(term, pod)) bump(s.existingAntiAffinityCounts, pair(term.topologyKey, labels[term.topologyKey]));
          }
        }
        if (affinity.length > 0 && affinity.every((t) => termMatches(t, existing.pod))) {
          s.firstOfGroup = false;
          for (const t of affinity) if (labels[t.topologyKey] !== undefined) bump(s.affinityCounts, pair(t.topologyKey, labels[t.topologyKey]));
        }
        for (const t of antiAffinity) if (labels[t.topologyKey] !== undefined && termMatches(t, existing.pod)) bump(s.antiAffinityCounts, pair(t.topologyKey, labels[t.topologyKey]));
      }
    }
    state.write(STATE_KEY, s);
    return null;
  }

  preScore(state: CycleState, podInfo: PodInfo): Status | null {
    const terms = [...preferredOf(podInfo.pod, 'podAffinity', 1), ...preferredOf(podInfo.pod, 'podAntiAffinity', -1)];
    if (terms.length === 0) return newStatus('Skip', this.name, '');
    state.noScoreMemo = true;
    state.write(SCORE_KEY, { terms, scores: scorePreferred(terms, this.handle.nodeInfos()) });
    return null;
  }

  /** score sums the node's topology pairs' weights. */
  score(state: CycleState, _podInfo: PodInfo, node: NodeInfo): number {
    const s = state.read<{ terms: WeightedTerm[]; scores: Map<string, number> }>(SCORE_KEY);
    if (!s) return 0;
    const labels = node.node?.metadata.labels ?? {};
    let score = 0;
    const seen = new Set<string>();
    for (const t of s.terms) {
      const value = labels[t.topologyKey];
      if (value === undefined || seen.has(pair(t.topologyKey, value))) continue;
      seen.add(pair(t.topologyKey, value));
      score += s.scores.get(pair(t.topologyKey, value)) ?? 0;
    }
    return score;
  }

  /** normalizeScore maps the range [min, max] onto [0, 100] (0 everywhere when all are equal). */
  normalizeScore(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    for (let i = 0; i < scores.length; i++) scores[i] = max - min > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i] - min)) / (max - min)) : 0;
  }

  filter(state: CycleState, podInfo: PodInfo, node: NodeInfo): Status | null {
    const s = state.read<PreFilterState>(STATE_KEY);
    if (!s) return null;
    const labels = node.node?.metadata.labels ?? {};
    if (!satisfiesAffinity(s, labels, podInfo.pod)) return newStatus('UnschedulableAndUnresolvable', this.name, ERR_AFFINITY);
    for (const t of s.antiAffinity) {
      const value = labels[t.topologyKey];
      if (value !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, value)) ?? 0) > 0) return newStatus('Unschedulable', this.name, ERR_ANTI_AFFINITY);
    }
    for (const [key, value] of Object.entries(labels)) {
      if ((s.existingAntiAffinityCounts.get(pair(key, value)) ?? 0) > 0) return newStatus('Unschedulable', this.name, ERR_EXISTING_ANTI_AFFINITY);
    }
    return null;
  }
}

const SCORE_KEY = 'PreScoreInterPodAffinity';

interface WeightedTerm extends Term {
  weight: number;
}

function preferredOf(pod: Pod, kind: 'podAffinity' | 'podAntiAffinity', sign: 1 | -1): WeightedTerm[] {
  const terms: WeightedPodAffinityTerm[] = pod.spec?.affinity?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms
    .filter((t) => t.weight !== 0)
    .map((t) => ({
      weight: sign * t.weight,
      topologyKey: t.podAffinityTerm.topologyKey,
      selector: t.podAffinityTerm.labelSelector ? fromLabelSelector(t.podAffinityTerm.labelSelector) : [{ key: '', operator: 'in' as const, values: ['\u0000never'] }],
      namespaces: new Set(t.podAffinityTerm.namespaces?.length ? t.podAffinityTerm.namespaces : [pod.metadata?.namespace ?? 'default']),
    }));
}

/** scorePreferred: per topology pair, the weights of the incoming pod's preferred terms that existing pods match (anti-affinity negative). */
function scorePreferred(terms: WeightedTerm[], nodes: readonly NodeInfo[]): Map<string, number> {
  const scores = new Map<string, number>();
  for (const node of nodes) {
    const labels = node.node?.metadata.labels ?? {};
    for (const existing of node.pods.values()) {
      for (const t of terms) {
        const value = labels[t.topologyKey];
        if (value !== undefined && termMatches(t, existing.pod)) scores.set(pair(t.topologyKey, value), (scores.get(pair(t.topologyKey, value)) ?? 0) + t.weight);
      }
    }
  }
  return scores;
}

/**
 * satisfiesAffinity: every term's topology pair on this node holds a matching pod; or, when no pod
 * anywhere matches, the pod is the first of its group and matches its own terms.
 */
function satisfiesAffinity(s: PreFilterState, labels: Record<string, string>, pod: Pod): boolean {
  if (s.affinity.length === 0) return true;
  if (s.affinity.every((t) => labels[t.topologyKey] !== undefined && (s.affinityCounts.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) > 0)) return true;
  return s.firstOfGroup && s.affinity.every((t) => labels[t.topologyKey] !== undefined && termMatches(t, pod));
}
