// Mirrors kubernetes pkg/scheduler/framework/plugins/interpodaffinity (filtering.go) in v1.32:
// the required rules. PreFilter counts, per topology pair (topologyKey=value of a node label),
// the existing pods matching the incoming pod's affinity and anti-affinity terms and the existing
// pods whose anti-affinity matches the incoming pod; Filter then checks a node's pairs. Scoring
// (preferred terms both ways, existing pods' required affinity) is in scoring.ts.
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status, type ScoreList } from '../../framework/types';
import { NAMES } from '../names';
import { normalizeScores, scoreNode, topologyScores, type TopologyScores } from './scoring';
import { pair, requiredTerms, termMatches, type Term } from './terms';

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const STATE_KEY = 'PreFilterInterPodAffinity';

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

  constructor(private readonly handle: { nodeInfos(): readonly NodeInfo[]; podsWithRequiredAntiAffinity(): number; podsWithAffinity(): number }) {}

  preFilter(state: CycleState, podInfo: PodInfo): Status | null {
    const pod = podInfo.pod;
    const affinity = requiredTerms(pod, 'podAffinity');
    const antiAffinity = requiredTerms(pod, 'podAntiAffinity');
    if (affinity.length === 0 && antiAffinity.length === 0 && this.handle.podsWithRequiredAntiAffinity() === 0) return newStatus('Skip', this.name, '');
    state.noFilterMemo = true;
    const s: PreFilterState = { affinity, antiAffinity, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map(), firstOfGroup: true };
    for (const node of this.handle.nodeInfos()) {
      const labels = node.node?.metadata.labels ?? {};
      for (const existing of node.pods.values()) {
        if (node.podsWithRequiredAntiAffinity > 0) {
          for (const term of requiredTerms(existing.pod, 'podAntiAffinity')) {
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
    const scores = topologyScores(podInfo, this.handle);
    if (!scores) return newStatus('Skip', this.name, '');
    state.freshScorePlugins.add(this.name);
    state.write(SCORE_KEY, scores);
    return null;
  }

  /** score sums the scores of the node's topology pairs (Score). */
  score(state: CycleState, _podInfo: PodInfo, node: NodeInfo): number {
    const scores = state.read<TopologyScores>(SCORE_KEY);
    return scores ? scoreNode(scores, node) : 0;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, scores: ScoreList): void {
    normalizeScores(scores);
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

/**
 * satisfiesAffinity: every term's topology pair on this node holds a matching pod; or, when no pod
 * anywhere matches, the pod is the first of its group and matches its own terms.
 */
function satisfiesAffinity(s: PreFilterState, labels: Record<string, string>, pod: Pod): boolean {
  if (s.affinity.length === 0) return true;
  if (s.affinity.every((t) => labels[t.topologyKey] !== undefined && (s.affinityCounts.get(pair(t.topologyKey, labels[t.topologyKey])) ?? 0) > 0)) return true;
  return s.firstOfGroup && s.affinity.every((t) => labels[t.topologyKey] !== undefined && termMatches(t, pod));
}
