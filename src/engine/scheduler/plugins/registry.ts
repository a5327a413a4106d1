// Mirrors kubernetes pkg/scheduler/apis/config/v1/default_plugins.go getDefaultPlugins and
// pkg/scheduler/framework/plugins/registry.go (v1.32): the default-scheduler profile.
import type { ApiClient } from '../../client/client';
import type { Profile } from '../framework/runtime';
import { DefaultBinder } from './defaultbinder/defaultBinder';
import { DefaultPreemption } from './defaultpreemption/defaultPreemption';
import { ImageLocality } from './imagelocality/imageLocality';
import { InterPodAffinity } from './interpodaffinity/interPodAffinity';
import { PodTopologySpread } from './podtopologyspread/podTopologySpread';
import type { NodeInfo } from '../framework/nodeInfo';
import { SelectorCounts } from '../cache/selectorCounts';
import type { SpreadListers } from './helper/spread';
import { NodeAffinity } from './nodeaffinity/nodeAffinity';
import { NodeName } from './nodename/nodeName';
import { NodePorts } from './nodeports/nodePorts';
import { BalancedAllocation } from './noderesources/balancedAllocation';
import { DEFAULT_FIT_ARGS, Fit, type FitArgs } from './noderesources/fit';
import { NodeUnschedulable } from './nodeunschedulable/nodeUnschedulable';
import { PrioritySort } from './queuesort/prioritySort';
import { TaintToleration } from './tainttoleration/taintToleration';
import { VolumeBinding, type VolumeListers } from './volumebinding/volumeBinding';
import type { Simulator } from '../../sim/simulator';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** PluginHandle is what plugins may ask of the scheduler (framework.Handle, reduced). */
export interface PluginHandle {
  client: ApiClient;
  /** numNodes: nodes in the current snapshot (ImageLocality's spread). */
  numNodes(): number;
  /** nodeInfos and the cluster's count of pods with required anti-affinity (InterPodAffinity). */
  nodeInfos?(): readonly NodeInfo[];
  podsWithRequiredAntiAffinity?(): number;
  podsWithAffinity?(): number;
  /** nodeInfo, selector tallies and listers: PodTopologySpread's counts and DefaultSelector. */
  nodeInfo?(name: string): NodeInfo | undefined;
  selectors?(): SelectorCounts;
  listers?: SpreadListers;
  /** sim and volumeListers: VolumeBinding's informers and its PreBind wait (without them it is left out). */
  sim?: Simulator;
  volumeListers?: () => VolumeListers | undefined;
}

/**
 * defaultProfile builds the default-scheduler profile with the plugins k8sim implements, in the
 * upstream multi-point order (SchedulingGates, VolumeRestrictions, NodeVolumeLimits and
 * VolumeZone are not simulated; VolumeBinding needs the scheduler's volume informers).
 * Score weights: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1,
 * BalancedAllocation 1,
 * ImageLocality 1.
 */
export function defaultProfile(handle: PluginHandle, fitArgs: FitArgs = DEFAULT_FIT_ARGS): Profile {
  const nodeUnschedulable = new NodeUnschedulable();
  const nodeName = new NodeName();
  const taintToleration = new TaintToleration();
  const nodeAffinity = new NodeAffinity();
  const nodePorts = new NodePorts();
  const fit = new Fit(fitArgs);
  const balanced = new BalancedAllocation();
  const imageLocality = new ImageLocality(() => handle.numNodes());
  const ownTallies = handle.selectors ? undefined : standaloneTallies(handle);
  const podTopologySpread = new PodTopologySpread({
    nodeInfos: () => handle.nodeInfos?.() ?? [],
    nodeInfo: (name) => handle.nodeInfo?.(name) ?? handle.nodeInfos?.().find((n) => n.name === name),
    selectors: () => handle.selectors?.() ?? ownTallies!(),
    listers: handle.listers,
  });
  const interPodAffinity = new InterPodAffinity({
    nodeInfos: () => handle.nodeInfos?.() ?? [],
    podsWithRequiredAntiAffinity: () => handle.podsWithRequiredAntiAffinity?.() ?? 0,
    // Without a cache to count them (algorithm unit tests), assume some pod may have affinity.
    podsWithAffinity: () => handle.podsWithAffinity?.() ?? 1,
  });
  const volumeBinding = handle.sim && handle.volumeListers ? [new VolumeBinding(handle.volumeListers, handle.client, handle.sim)] : [];
  return {
    schedulerName: DEFAULT_SCHEDULER_NAME,
    queueSort: new PrioritySort(),
    preFilter: [nodeAffinity, nodePorts, ...volumeBinding, podTopologySpread, interPodAffinity],
    filter: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, fit, ...volumeBinding, podTopologySpread, interPodAffinity],
    postFilter: [new DefaultPreemption()],
    preScore: [taintToleration, nodeAffinity, podTopologySpread, interPodAffinity, balanced],
    score: [
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      { plugin: fit, weight: 1 },
      { plugin: podTopologySpread, weight: 2 },
      { plugin: interPodAffinity, weight: 2 },
      { plugin: balanced, weight: 1 },
      { plugin: imageLocality, weight: 1 },
    ],
    reserve: [...volumeBinding],
    permit: [],
    preBind: [...volumeBinding],
    bind: [new DefaultBinder(handle.client)],
    postBind: [],
    percentageOfNodesToScore: 0,
  };
}

/**
 * standaloneTallies serves a profile built without a scheduler cache (unit tests of the
 * algorithm): NodeInfos there do not report pod changes, so each call counts afresh.
 */
function standaloneTallies(handle: PluginHandle): () => SelectorCounts {
  return () => {
    const nodes = handle.nodeInfos?.() ?? [];
    return new SelectorCounts({ all: () => nodes, get: (name) => nodes.find((n) => n.name === name) });
  };
}
