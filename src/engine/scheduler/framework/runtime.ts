// Mirrors kubernetes pkg/scheduler/framework/runtime/framework.go (v1.32): one scheduling profile
// and the loops that run its plugins at each extension point.
import { wait, type Task } from '../../sim/task';
import type {
  BindPlugin, ClusterEvent, CycleState, FilterPlugin, PermitPlugin, Plugin, PostBindPlugin, PostFilterPlugin, PostFilterResult,
  PreBindPlugin, PreFilterPlugin, PreScorePlugin, QueueSortPlugin, ReservePlugin, WeightedScorePlugin,
} from './interface';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { Status } from './types';

/** Profile lists a profile's plugins per extension point, in execution order. */
export interface Profile {
  schedulerName: string;
  queueSort: QueueSortPlugin;
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  postFilter: PostFilterPlugin[];
  preScore: PreScorePlugin[];
  score: WeightedScorePlugin[];
  reserve: ReservePlugin[];
  permit: PermitPlugin[];
  preBind: PreBindPlugin[];
  bind: BindPlugin[];
  postBind: PostBindPlugin[];
  /** percentageOfNodesToScore: 0 = adaptive. */
  percentageOfNodesToScore: number;
}

/** NodeScores is the score table of one cycle: per plugin (profile order) one raw→normalized score per node. */
export interface NodeScores {
  plugins: string[];
  weights: number[];
  /** perPlugin[p][i]: normalized (unweighted) score of plugin p for node i; NaN when skipped. */
  perPlugin: Float64Array[];
  totals: Float64Array;
}

/** Framework runs a Profile's plugins; it holds no per-pod state (that lives in CycleState). */
export class Framework {
  private readonly interested = new Map<string, Set<string>>();
  private readonly buffers: Float64Array[] = [];
  private readonly scorePluginNames: string[];
  private readonly scoreWeights: number[];

  constructor(readonly profile: Profile) {
    this.scorePluginNames = profile.score.map((s) => s.plugin.name);
    this.scoreWeights = profile.score.map((s) => s.weight);
  }

  get schedulerName(): string {
    return this.profile.schedulerName;
  }

  /** runPreFilterPlugins returns the first rejection; Skip marks the plugin's Filter skipped. */
  runPreFilterPlugins(state: CycleState, pod: PodInfo): Status | null {
    for (const plugin of this.profile.preFilter) {
      const status = plugin.preFilter(state, pod);
      if (status === null) continue;
      if (status.code === 'Skip') state.skipFilterPlugins.add(plugin.name);
      else return status;
    }
    return null;
  }

  /**
   * runFilterPlugins stops at the first plugin that rejects the node (RunFilterPlugins). The
   * verdict is memoized on the node for the pod's signature until the node changes.
   */
  runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (state.noFilterMemo) return this.filterNode(state, pod, node);
    if (node.filterMemoSignature === pod.signature && node.filterMemoGeneration === node.generation) return node.filterMemoStatus;
    const status = this.filterNode(state, pod, node);
    node.filterMemoSignature = pod.signature;
    node.filterMemoGeneration = node.generation;
    node.filterMemoStatus = status;
    return status;
  }

  private filterNode(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const plugins = this.profile.filter;
    const skip = state.skipFilterPlugins;
    for (let i = 0; i < plugins.length; i++) {
      const plugin = plugins[i];
      if (skip.size > 0 && skip.has(plugin.name)) continue;
      const status = plugin.filter(state, pod, node);
      if (status !== null) return status;
    }
    return null;
  }

  runPostFilterPlugins(state: CycleState, pod: PodInfo, nodeToStatus: ReadonlyMap<string, Status>, allNodes: readonly NodeInfo[]): PostFilterResult | undefined {
    let last: PostFilterResult | undefined;
    for (const plugin of this.profile.postFilter) {
      last = plugin.postFilter(state, pod, nodeToStatus, allNodes, (st, p, n) => this.runFilterPlugins(st, p, n));
      if (last.status.code === 'Success') return last;
    }
    return last;
  }

  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    for (const plugin of this.profile.preScore) {
      const status = plugin.preScore(state, pod, nodes);
      if (status === null) continue;
      if (status.code === 'Skip') state.skipScorePlugins.add(plugin.name);
      else return status;
    }
    return null;
  }

  /**
   * runScorePlugins scores every node with every non-skipped plugin, normalizes, applies weights
   * and sums into totals (RunScorePlugins). Raw scores are memoized per node for the pod's
   * signature until the node (or, for ImageLocality, the cluster's image spread: `epoch`) changes.
   * The arrays are scratch buffers reused by the next cycle: read them before scheduling another pod.
   */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], epoch = 0): NodeScores {
    const scorePlugins = this.profile.score;
    const n = nodes.length;
    const totals = this.scratch(0, n);
    totals.fill(0);
    const perPlugin: Float64Array[] = [];
    const active: boolean[] = [];
    for (let p = 0; p < scorePlugins.length; p++) {
      perPlugin.push(this.scratch(p + 1, n));
      active.push(!(state.skipScorePlugins.size > 0 && state.skipScorePlugins.has(scorePlugins[p].plugin.name)));
    }
    // Indices of the plugins rescored every cycle (computed once, not per node).
    const fresh: number[] = [];
    if (state.freshScorePlugins.size > 0) for (let p = 0; p < scorePlugins.length; p++) if (active[p] && state.freshScorePlugins.has(scorePlugins[p].plugin.name)) fresh.push(p);
    for (let i = 0; i < n; i++) {
      const raw = this.rawScores(state, pod, nodes[i], active, epoch, fresh);
      for (let p = 0; p < scorePlugins.length; p++) perPlugin[p][i] = active[p] ? raw[p] : NaN;
    }
    for (let p = 0; p < scorePlugins.length; p++) {
      if (!active[p]) continue;
      const { plugin, weight } = scorePlugins[p];
      const scores = perPlugin[p];
      plugin.normalizeScore?.(state, pod, scores);
      for (let i = 0; i < n; i++) totals[i] += scores[i] * weight;
    }
    return { plugins: this.scorePluginNames, weights: this.scoreWeights, perPlugin, totals };
  }

  /** rawScores returns the node's un-normalized score per plugin, from the memo when still valid. */
  private rawScores(state: CycleState, pod: PodInfo, node: NodeInfo, active: readonly boolean[], epoch: number, fresh: readonly number[]): number[] {
    if (state.noScoreMemo) return this.profile.score.map((s, p) => (active[p] ? s.plugin.score(state, pod, node) : NaN));
    const scorePlugins = this.profile.score;
    let raw = node.scoreMemoRaw;
    if (raw !== undefined && node.scoreMemoSignature === pod.signature && node.scoreMemoGeneration === node.generation && node.scoreMemoEpoch === epoch) {
      for (let f = 0; f < fresh.length; f++) raw[fresh[f]] = scorePlugins[fresh[f]].plugin.score(state, pod, node);
      return raw;
    }
    raw ??= node.scoreMemoRaw = new Array<number>(scorePlugins.length).fill(0);
    for (let p = 0; p < scorePlugins.length; p++) raw[p] = active[p] ? scorePlugins[p].plugin.score(state, pod, node) : NaN;
    node.scoreMemoSignature = pod.signature;
    node.scoreMemoGeneration = node.generation;
    node.scoreMemoEpoch = epoch;
    return raw;
  }

  /**
   * scratch returns a view of `length` numbers on buffer `slot` (typed arrays: the per-node loops
   * read and write them 500 times per pod at 5,000 nodes; allocation-free in steady state).
   */
  private scratch(slot: number, length: number): Float64Array {
    let buffer = this.buffers[slot];
    if (!buffer || buffer.length < length) this.buffers[slot] = buffer = new Float64Array(Math.max(length, 2 * (buffer?.length ?? 0)));
    return buffer.subarray(0, length);
  }

  runReservePluginsReserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    for (const plugin of this.profile.reserve) {
      const status = plugin.reserve(state, pod, nodeName);
      if (status !== null) return status;
    }
    return null;
  }

  runReservePluginsUnreserve(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (const plugin of [...this.profile.reserve].reverse()) plugin.unreserve(state, pod, nodeName);
  }

  runPermitPlugins(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    for (const plugin of this.profile.permit) {
      const status = plugin.permit(state, pod, nodeName);
      if (status !== null) return status;
    }
    return null;
  }

  *runPreBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Task<Status | null> {
    for (const plugin of this.profile.preBind) {
      const status = yield* wait(plugin.preBind(state, pod, nodeName));
      if (status === null) continue;
      // A rejection passes through; an error names the plugin (RunPreBindPlugins).
      if (status.code !== 'Error') return status;
      return { ...status, reasons: [`running PreBind plugin "${plugin.name}": ${status.reasons.join(', ')}`] };
    }
    return null;
  }

  /** runBindPlugins: the first binder that does not Skip decides. */
  *runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Task<Status | null> {
    for (const plugin of this.profile.bind) {
      const status = yield* wait(plugin.bind(state, pod, nodeName));
      if (status !== null && status.code === 'Skip') continue;
      return status;
    }
    return null;
  }

  runPostBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (const plugin of this.profile.postBind) plugin.postBind(state, pod, nodeName);
  }

  /** pluginsFor lists the plugins that registered interest in `event` (EventsToRegister). */
  pluginsFor(event: Pick<ClusterEvent, 'resource' | 'action'>): Set<string> {
    const key = `${event.resource}/${event.action}`;
    const cached = this.interested.get(key);
    if (cached) return cached;
    const out = new Set<string>();
    for (const plugin of this.allPlugins()) {
      for (const registered of plugin.eventsToRegister?.() ?? []) {
        if (registered.resource === event.resource && registered.action === event.action) out.add(plugin.name);
      }
    }
    this.interested.set(key, out);
    return out;
  }

  private allPlugins(): Plugin[] {
    const p = this.profile;
    const all: Plugin[] = [...p.preFilter, ...p.filter, ...p.postFilter, ...p.preScore, ...p.score.map((s) => s.plugin)];
    return [...new Set(all)];
  }
}
