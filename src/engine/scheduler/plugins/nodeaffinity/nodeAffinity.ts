// Mirrors kubernetes pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (v1.32).
import type { Node } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status, type ScoreList } from '../../framework/types';
import { compileNodeSelector, compilePreferredTerms, type NodeMatcher } from '../helper/nodeSelector';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import { NAMES } from '../names';

/** ERR_REASON_POD is the reason when nodeSelector or required node affinity does not match. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

interface CompiledAffinity {
  /** required: nodeSelector AND requiredDuringScheduling terms; undefined when the pod has neither. */
  required: NodeMatcher | undefined;
  preferred: Array<{ weight: number; matches: NodeMatcher }>;
}

const compiled = new WeakMap<PodInfo, CompiledAffinity>();

/**
 * NodeAffinity enforces spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution
 * (UnschedulableAndUnresolvable) and, with weight 2, scores the sum of matching preferred terms'
 * weights, normalized so the best node gets 100.
 */
export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAMES.NodeAffinity;

  preFilter(_state: CycleState, pod: PodInfo): Status | null {
    return affinityOf(pod).required ? null : newStatus('Skip', this.name);
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const required = affinityOf(pod).required;
    if (!required || !node.node || required(node.node)) return null;
    return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_POD);
  }

  preScore(_state: CycleState, pod: PodInfo): Status | null {
    return affinityOf(pod).preferred.length === 0 ? newStatus('Skip', this.name) : null;
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    if (!node.node) return 0;
    let total = 0;
    for (const term of affinityOf(pod).preferred) if (term.matches(node.node)) total += term.weight;
    return total;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, scores: ScoreList): void {
    defaultNormalizeScore(scores, false);
  }

  eventsToRegister() {
    return [{ resource: 'Node', action: 'Add' }, { resource: 'Node', action: 'UpdateNodeLabel' }] as const;
  }
}

/** affinityOf compiles (once per pod) its nodeSelector + required node affinity and preferred terms. */
export function affinityOf(pod: PodInfo): CompiledAffinity {
  let affinity = compiled.get(pod);
  if (affinity) return affinity;
  const spec = pod.pod.spec!;
  const selector = spec.nodeSelector ?? {};
  const selectorKeys = Object.keys(selector);
  const requiredTerms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const requiredAffinity = requiredTerms ? compileNodeSelector(requiredTerms) : undefined;
  const required = selectorKeys.length === 0 && !requiredAffinity ? undefined : (node: Node) => {
    const labels = node.metadata?.labels ?? {};
    for (const key of selectorKeys) if (labels[key] !== selector[key]) return false;
    return requiredAffinity ? requiredAffinity(node) : true;
  };
  const preferred = compilePreferredTerms(spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []);
  affinity = { required, preferred };
  compiled.set(pod, affinity);
  return affinity;
}
