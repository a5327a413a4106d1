// Mirrors kubernetes pkg/scheduler/schedule_one.go (v1.32): schedulePod, findNodesThatFitPod,
// findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes and selectHost. The
// algorithm half of a scheduling cycle: pure over the cache, the framework and the Rng.
import type { Rng } from '../sim/rng';
import { CycleState, type PostFilterResult } from './framework/interface';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, newDiagnosis, type Diagnosis } from './framework/fitError';
import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import type { Framework, NodeScores } from './framework/runtime';
import { isRejected, newStatus, statusMessage, type Status } from './framework/types';

/** minFeasibleNodesToFind / minFeasibleNodesPercentageToFind (schedule_one.go constants). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** ScheduleOutcome is what the algorithm concluded, plus what the UI's filter/score table needs. */
export interface ScheduleOutcome {
  state: CycleState;
  /** suggestedHost is set on success. */
  suggestedHost?: string;
  /** status is the failure (code Unschedulable/UnschedulableAndUnresolvable/Error) and its message. */
  status?: Status;
  diagnosis: Diagnosis;
  numAllNodes: number;
  evaluatedNodes: number;
  feasibleNodes: NodeInfo[];
  scores?: NodeScores;
  /** nominatedNodeName / victims: where preemption made room, and whom it evicts there. */
  nominatedNodeName?: string;
  victims?: PodInfo[];
}

/** SchedulePodInput is the scheduler state the algorithm reads (and the start index it moves). */
export interface SchedulePodInput {
  framework: Framework;
  nodes: readonly NodeInfo[];
  rng: Rng;
  nextStartNodeIndex: number;
  /** scoreEpoch changes when anything outside a node that a Score plugin reads changes (image spread). */
  scoreEpoch?: number;
  /** nominatedPods lists the pods preemption nominated to a node (the queue's nominator). */
  nominatedPods?: (nodeName: string) => readonly PodInfo[];
}

/**
 * schedulePod runs PreFilter → Filter (→ PostFilter on failure) → PreScore → Score → selectHost.
 * Returns the outcome and the new round-robin start index.
 */
export function schedulePod(input: SchedulePodInput, pod: PodInfo): { outcome: ScheduleOutcome; nextStartNodeIndex: number } {
  const { framework, nodes } = input;
  const state = new CycleState();
  const diagnosis = newDiagnosis();
  const base: ScheduleOutcome = { state, diagnosis, numAllNodes: nodes.length, evaluatedNodes: 0, feasibleNodes: [] };
  if (nodes.length === 0) {
    return { outcome: { ...base, status: newStatus('UnschedulableAndUnresolvable', '', ERR_NO_NODES_AVAILABLE) }, nextStartNodeIndex: input.nextStartNodeIndex };
  }
  const found = findNodesThatFitPod(input, state, pod, diagnosis);
  const outcome: ScheduleOutcome = { ...base, evaluatedNodes: found.feasible.length + diagnosis.nodeToStatus.size, feasibleNodes: found.feasible };
  if (found.feasible.length === 0) {
    const preemption = runPostFilter(framework, state, pod, diagnosis, nodes);
    outcome.status = newStatus('Unschedulable', '', fitErrorMessage(nodes.length, diagnosis));
    if (preemption?.nominatedNodeName) {
      outcome.nominatedNodeName = preemption.nominatedNodeName;
      outcome.victims = preemption.victims ?? [];
    }
  } else if (found.feasible.length === 1) {
    outcome.suggestedHost = found.feasible[0].name;
  } else {
    const prioritized = prioritizeNodes(framework, state, pod, found.feasible, input.scoreEpoch ?? 0);
    if ('code' in prioritized) outcome.status = prioritized;
    else {
      outcome.scores = prioritized;
      outcome.suggestedHost = found.feasible[selectHost(prioritized.totals, input.rng)].name;
    }
  }
  return { outcome, nextStartNodeIndex: found.nextStartNodeIndex };
}

/** findNodesThatFitPod runs PreFilter, then Filter from the round-robin start index. */
function findNodesThatFitPod(input: SchedulePodInput, state: CycleState, pod: PodInfo, diagnosis: Diagnosis): { feasible: NodeInfo[]; nextStartNodeIndex: number } {
  const { framework, nodes } = input;
  const preFilterStatus = framework.runPreFilterPlugins(state, pod);
  if (preFilterStatus !== null) {
    if (!isRejected(preFilterStatus)) throw new Error(statusMessage(preFilterStatus));
    for (const node of nodes) diagnosis.nodeToStatus.set(node.name, preFilterStatus);
    diagnosis.preFilterMsg = statusMessage(preFilterStatus);
    if (preFilterStatus.plugin) diagnosis.unschedulablePlugins.add(preFilterStatus.plugin);
    return { feasible: [], nextStartNodeIndex: input.nextStartNodeIndex };
  }
  const numNodesToFind = numFeasibleNodesToFind(framework.profile.percentageOfNodesToScore, nodes.length);
  // Collected in one reused buffer and copied out at its final size (upstream sizes the slice
  // once, make([]*NodeInfo, numNodesToFind)): growing a new array by push was the cycle's largest
  // allocation, and a preallocated array is holey, which made every later loop over it slower.
  // The buffer is filled by index and never truncated: `length = 0` drops V8's backing store, so
  // every cycle would grow it again from nothing (~3× its final size in garbage).
  const buffer = feasibleBuffer;
  let count = 0;
  const start = input.nextStartNodeIndex % nodes.length;
  for (let i = 0; i < nodes.length && count < numNodesToFind; i++) {
    const node = nodes[(start + i) % nodes.length];
    const status = filterWithNominatedPods(framework, state, pod, node, input.nominatedPods?.(node.name) ?? NONE_NOMINATED);
    if (status === null) buffer[count++] = node;
    else {
      diagnosis.nodeToStatus.set(node.name, status);
      diagnosis.unschedulablePlugins.add(status.plugin);
    }
  }
  const feasible = buffer.slice(0, count) as NodeInfo[];
  // Emptied by value, not by length, so the module-level buffer keeps its backing store but no
  // node: otherwise it kept the last cluster's NodeInfos, and through them its whole scheduler
  // cache and every pod, alive after the cluster was dropped (the app's reset, a test's next case).
  buffer.fill(undefined, 0, count);
  const processed = feasible.length + diagnosis.nodeToStatus.size;
  return { feasible, nextStartNodeIndex: (start + processed) % nodes.length };
}

const NONE_NOMINATED: readonly PodInfo[] = [];

/** feasibleBuffer: findNodesThatFitPod's scratch list (the engine is single-threaded; Filter plugins do not re-enter it). */
const feasibleBuffer: (NodeInfo | undefined)[] = [];

/**
 * filterWithNominatedPods is RunFilterPluginsWithNominatedPods: pods nominated to the node with
 * at least this pod's priority count as already there (their room is reserved); the pod must fit
 * both with and without them.
 */
function filterWithNominatedPods(framework: Framework, state: CycleState, pod: PodInfo, node: NodeInfo, nominated: readonly PodInfo[]): Status | null {
  if (nominated.length === 0) return framework.runFilterPlugins(state, pod, node);
  const ahead = nominated.filter((p) => p.key !== pod.key && p.priority >= pod.priority && !node.pods.has(p.key));
  if (ahead.length === 0) return framework.runFilterPlugins(state, pod, node);
  for (const p of ahead) node.addPod(p);
  try {
    const status = framework.runFilterPlugins(state, pod, node);
    if (status !== null) return status;
  } finally {
    for (const p of ahead) node.removePod(p.key);
  }
  return framework.runFilterPlugins(state, pod, node);
}

/**
 * numFeasibleNodesToFind: clusters under 100 nodes are searched whole; otherwise stop after
 * percentage% of them are feasible, where the adaptive default is 50% - nodes/125 (at least 5%),
 * and never fewer than 100 nodes.
 *
 * Worked example: 1,000 nodes → 50 - 8 = 42% → 420; 5,000 nodes → 50 - 40 = 10% → 500.
 */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/** runPostFilter records the PostFilter (preemption) message in the diagnosis. */
function runPostFilter(framework: Framework, state: CycleState, pod: PodInfo, diagnosis: Diagnosis, nodes: readonly NodeInfo[]): PostFilterResult | undefined {
  const result = framework.runPostFilterPlugins(state, pod, diagnosis.nodeToStatus, nodes);
  if (result) diagnosis.postFilterMsg = statusMessage(result.status);
  return result;
}

/** prioritizeNodes runs PreScore and Score; a PreScore error fails the cycle. */
function prioritizeNodes(framework: Framework, state: CycleState, pod: PodInfo, nodes: NodeInfo[], epoch: number): NodeScores | Status {
  const preScore = framework.runPreScorePlugins(state, pod, nodes);
  if (preScore !== null) return preScore;
  return framework.runScorePlugins(state, pod, nodes, epoch);
}

/**
 * selectHost picks the index of a highest total, uniformly among ties, with one draw from the
 * scheduler's Rng (upstream's reservoir sampling gives the same distribution).
 */
export function selectHost(totals: ArrayLike<number>, rng: Rng): number {
  let best = -Infinity;
  let ties = 0;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] > best) {
      best = totals[i];
      ties = 1;
    } else if (totals[i] === best) {
      ties++;
    }
  }
  let pick = rng.int(ties);
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] === best && pick-- === 0) return i;
  }
  return 0;
}
