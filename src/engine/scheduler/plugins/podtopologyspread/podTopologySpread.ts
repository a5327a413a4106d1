// Mirrors kubernetes pkg/scheduler/framework/plugins/podtopologyspread (plugin.go, filtering.go,
// scoring.go) in v1.32: a pod's DoNotSchedule constraints filter (skew = matching pods in the
// node's domain + self − the smallest domain's count ≤ maxSkew, minDomains); its ScheduleAnyway
// constraints — or, for a pod without constraints, the system defaults (hostname maxSkew 3, zone
// maxSkew 5, selector from its Services and ReplicaSet/StatefulSet) — score (scoring.ts).
// nodeAffinityPolicy Honor and nodeTaintsPolicy Ignore (the defaults) and matchLabelKeys are modelled.
import type { Node } from 'kubernetes-types/core/v1';
import { matches } from '../../../api/labels';
import type { CycleState, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status, type ScoreList } from '../../framework/types';
import type { SpreadListers } from '../helper/spread';
import { NAMES } from '../names';
import { affinityOf } from '../nodeaffinity/nodeAffinity';
import { getConstraints, type Constraint } from './common';
import { normalizeScores, preScoreState, scoreNode, type ScoreState, type ScoringHandle } from './scoring';

export const ERR_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
const FILTER_KEY = 'PreFilterPodTopologySpread';
const SCORE_KEY = 'PreScorePodTopologySpread';

interface FilterCounts {
  constraints: Constraint[];
  /** pairs: `key=value` → matching pods in that domain. */
  pairs: Map<string, number>;
  /** minMatch per constraint (the critical path's smallest count). */
  minMatch: number[];
}

export interface PodTopologySpreadHandle extends ScoringHandle {
  nodeInfos(): readonly NodeInfo[];
  /** listers for DefaultSelector; without them the system defaults are off (DefaultingType List, none). */
  listers?: SpreadListers;
}

/** countPods tallies, over the eligible nodes, the pods each constraint's selector matches per domain (filtering.go). */
function countPods(pod: PodInfo, constraints: Constraint[], nodes: readonly NodeInfo[]): { pairs: Map<string, number>; domains: Array<Set<string>> } {
  const pairs = new Map<string, number>();
  const domains = constraints.map(() => new Set<string>());
  const required = affinityOf(pod).required;
  const namespace = pod.pod.metadata.namespace;
  for (const node of nodes) {
    const labels = node.node?.metadata.labels ?? {};
    if (!constraints.every((c) => labels[c.topologyKey] !== undefined)) continue;
    constraints.forEach((c, i) => {
      if (c.honorAffinity && required && node.node && !required(node.node)) return;
      const pair = `${c.topologyKey}=${labels[c.topologyKey]}`;
      domains[i].add(labels[c.topologyKey]);
      let count = 0;
      for (const p of node.pods.values()) {
        if (p.pod.metadata.namespace === namespace && !p.pod.metadata.deletionTimestamp && matches(c.selector, p.pod.metadata.labels)) count++;
      }
      pairs.set(pair, (pairs.get(pair) ?? 0) + count);
    });
  }
  return { pairs, domains };
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAMES.PodTopologySpread;

  constructor(private readonly handle: PodTopologySpreadHandle) {}

  eventsToRegister() {
    return [
      { resource: 'AssignedPod', action: 'Add' },
      { resource: 'AssignedPod', action: 'Delete' },
      { resource: 'Node', action: 'Add' },
      { resource: 'Node', action: 'UpdateNodeLabel' },
    ] as const;
  }

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    const constraints = getConstraints(pod.pod, 'DoNotSchedule', this.handle.listers);
    if (constraints.length === 0) return newStatus('Skip', this.name, '');
    state.noFilterMemo = true;
    const { pairs, domains } = countPods(pod, constraints, this.handle.nodeInfos());
    const minMatch = constraints.map((c, i) => {
      if (domains[i].size < c.minDomains) return 0;
      let min = Infinity;
      for (const value of domains[i]) min = Math.min(min, pairs.get(`${c.topologyKey}=${value}`) ?? 0);
      return min === Infinity ? 0 : min;
    });
    state.write(FILTER_KEY, { constraints, pairs, minMatch } satisfies FilterCounts);
    return null;
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const counts = state.read<FilterCounts>(FILTER_KEY);
    if (!counts) return null;
    const labels = node.node?.metadata.labels ?? {};
    if (!counts.constraints.every((c) => labels[c.topologyKey] !== undefined)) return newStatus('UnschedulableAndUnresolvable', this.name, ERR_MISSING_LABEL);
    for (let i = 0; i < counts.constraints.length; i++) {
      const c = counts.constraints[i];
      const selfMatch = matches(c.selector, pod.pod.metadata.labels) ? 1 : 0;
      const skew = (counts.pairs.get(`${c.topologyKey}=${labels[c.topologyKey]}`) ?? 0) + selfMatch - counts.minMatch[i];
      if (skew > c.maxSkew) return newStatus('Unschedulable', this.name, ERR_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const constraints = getConstraints(pod.pod, 'ScheduleAnyway', this.handle.listers);
    if (constraints.length === 0 || this.handle.nodeInfos().length === 0) return newStatus('Skip', this.name, '');
    state.freshScorePlugins.add(this.name);
    // Only a pod's own constraints require every topology key; system defaults spread zoneless nodes by hostname.
    const requireAll = (pod.pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
    const required: ((node: Node) => boolean) | undefined = affinityOf(pod).required;
    state.write(SCORE_KEY, preScoreState(pod, constraints, requireAll, nodes, required, this.handle));
    return null;
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const s = state.read<ScoreState>(SCORE_KEY);
    return s ? scoreNode(s, node) : 0;
  }

  normalizeScore(state: CycleState, _pod: PodInfo, scores: ScoreList): void {
    const s = state.read<ScoreState>(SCORE_KEY);
    if (s) normalizeScores(s, scores);
  }
}
