// Mirrors kubernetes pkg/scheduler/framework/interface.go (v1.32): the extension points of a
// scheduling profile. Filter and Score run once per node per cycle, so they return `null` for
// Success and read pod data precomputed in PodInfo.
import type { Future } from '../../sim/future';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { ScoreList, Status } from './types';

/** CycleState is per-cycle scratch space plugins share between their extension points. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** skipScorePlugins: plugins whose PreScore returned Skip. */
  readonly skipScorePlugins = new Set<string>();
  readonly skipFilterPlugins = new Set<string>();
  /**
   * noFilterMemo: a plugin's verdict depends on more than the pod's signature and the node (other
   * nodes' pods, the pod's labels: inter-pod affinity), so per-node memoized verdicts must not be
   * used or stored this cycle.
   */
  noFilterMemo = false;
  /** noScoreMemo: the same for raw scores (inter-pod affinity over existing pods). */
  noScoreMemo = false;
  /**
   * freshScorePlugins: plugins whose raw score depends on the cycle (PodTopologySpread: counts
   * across nodes and a weight from the number of feasible nodes). They are rescored every cycle;
   * the other plugins' memoized scores stay usable.
   */
  readonly freshScorePlugins = new Set<string>();

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
}

/** ClusterEvent is what may make an unschedulable pod schedulable (framework.ClusterEvent). */
export interface ClusterEvent {
  resource: 'Node' | 'AssignedPod' | 'UnscheduledPod' | 'PersistentVolumeClaim' | 'PersistentVolume' | 'StorageClass';
  action: 'Add' | 'Delete' | 'UpdateNodeAllocatable' | 'UpdateNodeLabel' | 'UpdateNodeTaint' | 'UpdateNodeCondition' | 'UpdatePodScaleDown' | 'Update';
  /** label is the upstream event label, e.g. `NodeAdd`, `AssignedPodDelete` (metrics, traces). */
  label: string;
}

export interface Plugin {
  readonly name: string;
  /** eventsToRegister: which cluster events may make a pod this plugin rejected schedulable. */
  eventsToRegister?(): ReadonlyArray<Pick<ClusterEvent, 'resource' | 'action'>>;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfoView, b: QueuedPodInfoView): boolean;
}

/** The fields of a queued pod the sort plugin reads. */
export interface QueuedPodInfoView {
  podInfo: PodInfo;
  /** timestampMs: when the pod was last added to the queue. */
  timestampMs: number;
}

export interface PreFilterPlugin extends Plugin {
  /** preFilter may return Skip (the Filter of this plugin is skipped) or a rejection. */
  preFilter(state: CycleState, pod: PodInfo): Status | null;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null;
}

/** PostFilterResult carries the PostFilter message that ends the FitError text. */
export interface PostFilterResult {
  status: Status;
  nominatedNodeName?: string;
  /** victims: the pods to preempt on the nominated node. */
  victims?: PodInfo[];
}

/** RunFilter runs every Filter plugin for a pod on a node (the handle preemption dry-runs with). */
export type RunFilter = (state: CycleState, pod: PodInfo, node: NodeInfo) => Status | null;

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, nodeToStatus: ReadonlyMap<string, Status>, allNodes: readonly NodeInfo[], runFilter: RunFilter): PostFilterResult;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** normalizeScore rewrites `scores` (one per node, same order as the nodes) into [0, 100]. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: ScoreList): void;
}

export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

export interface PermitPlugin extends Plugin {
  permit(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}

export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): Future<Status | null>;
}

export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string): Future<Status | null>;
}

export interface PostBindPlugin extends Plugin {
  postBind(state: CycleState, pod: PodInfo, nodeName: string): void;
}

/** WeightedScorePlugin is a Score plugin with its profile weight. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}
