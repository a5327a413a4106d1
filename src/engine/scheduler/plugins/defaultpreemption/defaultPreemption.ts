// Mirrors kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
// (PodEligibleToPreemptOthers, SelectVictimsOnNode) and pkg/scheduler/framework/preemption/
// preemption.go (DryRunPreemption, pickOneNodeForPreemption) in v1.32. PodDisruptionBudgets are
// not modelled (no candidate ever violates one).
import type { CycleState, PostFilterPlugin, PostFilterResult, RunFilter } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const NO_VICTIMS_MSG = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL_MSG = 'Preemption is not helpful for scheduling';

interface Candidate {
  node: NodeInfo;
  victims: PodInfo[];
}

/**
 * DefaultPreemption runs when no node fits: on every node where removing pods could help, it
 * removes all lower-priority pods, checks the pod fits, then reprieves the most important victims
 * one by one while it still fits; of the nodes left it picks one (lowest highest-victim priority,
 * lowest priority sum, fewest victims, latest start) and nominates it. Without candidates the
 * message explains why per node, after "preemption: ".
 */
export class DefaultPreemption implements PostFilterPlugin {
  readonly name = NAMES.DefaultPreemption;

  postFilter(state: CycleState, pod: PodInfo, nodeToStatus: ReadonlyMap<string, Status>, allNodes: readonly NodeInfo[], runFilter: RunFilter): PostFilterResult {
    const notEligible = this.eligibility(pod, allNodes);
    if (notEligible) return { status: newStatus('Unschedulable', this.name, `preemption: not eligible due to ${notEligible}`) };
    const diagnosis = newDiagnosis();
    const candidates: Candidate[] = [];
    for (const node of allNodes) {
      const status = nodeToStatus.get(node.name);
      if (status?.code === 'UnschedulableAndUnresolvable') {
        diagnosis.nodeToStatus.set(node.name, newStatus('UnschedulableAndUnresolvable', this.name, NOT_HELPFUL_MSG));
        continue;
      }
      const selected = selectVictimsOnNode(state, pod, node, runFilter);
      if ('victims' in selected) candidates.push({ node, victims: selected.victims });
      else diagnosis.nodeToStatus.set(node.name, selected.status);
    }
    if (candidates.length === 0) return { status: newStatus('Unschedulable', this.name, `preemption: ${fitErrorMessage(allNodes.length, diagnosis)}`) };
    const best = pickOneNodeForPreemption(candidates);
    return { status: newStatus('Success', this.name, ''), nominatedNodeName: best.node.name, victims: best.victims };
  }

  /** eligibility is PodEligibleToPreemptOthers: the reason a pod may not preempt, if any. */
  private eligibility(pod: PodInfo, allNodes: readonly NodeInfo[]): string | undefined {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return 'preemptionPolicy=Never.';
    const nominated = pod.pod.status?.nominatedNodeName;
    if (!nominated) return undefined;
    const node = allNodes.find((n) => n.name === nominated);
    for (const p of node?.pods.values() ?? []) {
      if (p.pod.metadata.deletionTimestamp && p.priority < pod.priority) return 'a terminating pod on the nominated node.';
    }
    return undefined;
  }
}

/** selectVictimsOnNode finds the fewest, least important lower-priority pods whose removal lets the pod fit. */
function selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo, runFilter: RunFilter): { victims: PodInfo[] } | { status: Status } {
  const potential = [...node.pods.values()].filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return { status: newStatus('UnschedulableAndUnresolvable', NAMES.DefaultPreemption, NO_VICTIMS_MSG) };
  for (const p of potential) node.removePod(p.key);
  try {
    const fits = runFilter(state, pod, node);
    if (fits !== null) return { status: fits };
    // Most important first (MoreImportantPod: higher priority, then earlier start).
    potential.sort((a, b) => b.priority - a.priority || startOf(a) - startOf(b));
    const victims: PodInfo[] = [];
    const reprieved: PodInfo[] = [];
    for (const p of potential) {
      node.addPod(p);
      if (runFilter(state, pod, node) === null) reprieved.push(p);
      else {
        node.removePod(p.key);
        victims.push(p);
      }
    }
    for (const p of reprieved) node.removePod(p.key);
    return { victims };
  } finally {
    for (const p of potential) node.addPod(p);
  }
}

/** pickOneNodeForPreemption applies upstream's criteria in order; ties fall to the first node. */
function pickOneNodeForPreemption(candidates: Candidate[]): Candidate {
  const OFFSET = 2 ** 31; // priorities made non-negative before summing, as MaxInt32+1
  const highest = (c: Candidate) => Math.max(...c.victims.map((v) => v.priority), -Infinity);
  const sum = (c: Candidate) => c.victims.reduce((acc, v) => acc + v.priority + OFFSET, 0);
  const earliestOfHighest = (c: Candidate) => Math.min(...c.victims.filter((v) => v.priority === highest(c)).map(startOf), Infinity);
  let pool = candidates.filter((c) => c.victims.length === 0);
  if (pool.length > 0) return pool[0];
  pool = candidates;
  for (const [key, better] of [
    [highest, (a: number, b: number) => a < b],
    [sum, (a: number, b: number) => a < b],
    [(c: Candidate) => c.victims.length, (a: number, b: number) => a < b],
    [earliestOfHighest, (a: number, b: number) => a > b],
  ] as Array<[(c: Candidate) => number, (a: number, b: number) => boolean]>) {
    let best = key(pool[0]);
    for (const c of pool) if (better(key(c), best)) best = key(c);
    pool = pool.filter((c) => key(c) === best);
    if (pool.length === 1) break;
  }
  return pool[0];
}

function startOf(p: PodInfo): number {
  const start = p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp;
  return start ? Date.parse(start) : Infinity;
}
