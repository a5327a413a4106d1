// Mirrors kubernetes pkg/scheduler/framework/plugins/podtopologyspread (common.go, filtering.go,
// scoring.go) in v1.32 for a pod's own topologySpreadConstraints: DoNotSchedule ones filter
// (skew = matching pods in the node's domain + self − the smallest domain's count ≤ maxSkew,
// minDomains), ScheduleAnyway ones score (fewer matching pods in the domain is better, weighted
// by log(domains + 2)). nodeAffinityPolicy Honor and nodeTaintsPolicy Ignore (the defaults) and
// matchLabelKeys are modelled; the system default constraints are not.
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../../api/labels';
import type { CycleState, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';
import { affinityOf } from '../nodeaffinity/nodeAffinity';

export const ERR_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = "node(s) didn't match pod topology spread constraints (missing required label)";
const FILTER_KEY = 'PreFilterPodTopologySpread';
const SCORE_KEY = 'PreScorePodTopologySpread';
const INVALID_SCORE = -1;

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  honorAffinity: boolean;
}

interface Counts {
  constraints: Constraint[];
  /** pairs: `key=value` → matching pods in that domain. */
  pairs: Map<string, number>;
  /** minMatch per constraint (the critical path's smallest count). */
  minMatch: number[];
  weights: number[];
}

function constraintsOf(pod: Pod, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  return (pod.spec?.topologySpreadConstraints ?? [])
    .filter((c: TopologySpreadConstraint) => c.whenUnsatisfiable === when)
    .map((c) => {
      const selector = c.labelSelector ? fromLabelSelector(c.labelSelector) : [{ key: '', operator: 'in' as const, values: ['\u0000never'] }];
      // matchLabelKeys add the pod's own values of those labels to the selector.
      for (const key of c.matchLabelKeys ?? []) {
        const value = pod.metadata?.labels?.[key];
        if (value !== undefined) selector.push({ key, operator: 'in', values: [value] });
      }
      return { maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1, honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor' };
    });
}

/** countPods tallies, over the eligible nodes, the pods each constraint's selector matches per domain. */
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

  constructor(private readonly handle: { nodeInfos(): readonly NodeInfo[] }) {}

  eventsToRegister() {
    return [
      { resource: 'AssignedPod', action: 'Add' },
      { resource: 'AssignedPod', action: 'Delete' },
      { resource: 'Node', action: 'Add' },
      { resource: 'Node', action: 'UpdateNodeLabel' },
    ] as const;
  }

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    const constraints = constraintsOf(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) return newStatus('Skip', this.name, '');
    state.noFilterMemo = true;
    const { pairs, domains } = countPods(pod, constraints, this.handle.nodeInfos());
    const minMatch = constraints.map((c, i) => {
      if (domains[i].size < c.minDomains) return 0;
      let min = Infinity;
      for (const value of domains[i]) min = Math.min(min, pairs.get(`${c.topologyKey}=${value}`) ?? 0);
      return min === Infinity ? 0 : min;
    });
    state.write(FILTER_KEY, { constraints, pairs, minMatch, weights: [] } satisfies Counts);
    return null;
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const counts = state.read<Counts>(FILTER_KEY);
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
    const constraints = constraintsOf(pod.pod, 'ScheduleAnyway');
    if (constraints.length === 0) return newStatus('Skip', this.name, '');
    state.noScoreMemo = true;
    const { pairs } = countPods(pod, constraints, this.handle.nodeInfos());
    const weights = constraints.map((c) => {
      const values = new Set(nodes.map((n) => n.node?.metadata.labels?.[c.topologyKey]).filter((v) => v !== undefined));
      return Math.log(values.size + 2);
    });
    state.write(SCORE_KEY, { constraints, pairs, minMatch: [], weights } satisfies Counts);
    return null;
  }

  /** score: for each constraint, matching pods in the node's domain × weight + (maxSkew − 1); −1 for a node missing a key. */
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const counts = state.read<Counts>(SCORE_KEY);
    if (!counts) return 0;
    const labels = node.node?.metadata.labels ?? {};
    if (!counts.constraints.every((c) => labels[c.topologyKey] !== undefined)) return INVALID_SCORE;
    let score = 0;
    counts.constraints.forEach((c, i) => {
      score += (counts.pairs.get(`${c.topologyKey}=${labels[c.topologyKey]}`) ?? 0) * counts.weights[i] + (c.maxSkew - 1);
    });
    return Math.round(score);
  }

  /** normalizeScore: MAX × (max + min − s) / max, so the emptiest domain scores highest. */
  normalizeScore(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    let min = Infinity;
    let max = 0;
    for (const s of scores) {
      if (s === INVALID_SCORE) continue;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] === INVALID_SCORE) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  }
}
