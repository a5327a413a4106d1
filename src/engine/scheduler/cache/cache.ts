// Mirrors kubernetes pkg/scheduler/backend/cache/cache.go (v1.32): the scheduler's view of nodes
// and of the pods on them, including pods it has assumed but whose binding is not confirmed yet.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { NodeInfo, type ImageStateSummary } from '../framework/nodeInfo';
import { newPodInfo, type PodInfo } from '../framework/podInfo';
import { SelectorCounts } from './selectorCounts';

interface PodState {
  podInfo: PodInfo;
  nodeName: string;
  assumed: boolean;
  bindingFinished: boolean;
}

/**
 * SchedulerCache keeps NodeInfos current from informer events. `assumePod` books a pod onto a node
 * the moment the scheduling cycle picks it, so the next cycle sees the node's resources as taken
 * although the Binding has not reached the apiserver; `forgetPod` undoes it when binding fails,
 * and the pod's ADDED/MODIFIED event with spec.nodeName confirms it (assumed pods never expire,
 * as durationToExpireAssumedPod is 0 since v1.29).
 */
export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** selectors: per-node counts of pods matching the selectors PodTopologySpread asked about. */
  readonly selectors = new SelectorCounts({ all: () => this.nodes.values(), get: (name) => this.nodes.get(name) });
  /** counters: cluster-wide tallies the NodeInfos keep (pods with required anti-affinity, selector counts). */
  readonly counters = { podsWithRequiredAntiAffinity: 0, podsWithAffinity: 0, selectors: this.selectors };
  /** nodeList: nodes with a Node object, in the order they were added (single-zone nodeTree). */
  private nodeList: NodeInfo[] = [];
  private readonly podStates = new Map<string, PodState>();
  private readonly images = new Map<string, ImageStateSummary>();
  /** scoreEpoch counts changes to cluster-wide inputs of scoring: the node set and image spread. */
  scoreEpoch = 0;

  get numNodes(): number {
    return this.nodeList.length;
  }

  /** nodeInfos lists schedulable-candidate nodes (Snapshot.NodeInfos().List()). */
  nodeInfos(): readonly NodeInfo[] {
    return this.nodeList;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name);
  }

  isAssumedPod(key: string): boolean {
    return this.podStates.get(key)?.assumed ?? false;
  }

  assumePod(podInfo: PodInfo, nodeName: string): void {
    if (this.podStates.has(podInfo.key)) return;
    this.nodeInfoFor(nodeName).addPod(podInfo);
    this.podStates.set(podInfo.key, { podInfo, nodeName, assumed: true, bindingFinished: false });
  }

  finishBinding(key: string): void {
    const state = this.podStates.get(key);
    if (state?.assumed) state.bindingFinished = true;
  }

  /** forgetPod releases an assumed pod (binding failed). */
  forgetPod(key: string): void {
    const state = this.podStates.get(key);
    if (!state?.assumed) return;
    this.removeFromNode(key, state.nodeName);
    this.podStates.delete(key);
  }

  /** addPod records a bound pod; if it was assumed on another node, it moves. */
  addPod(pod: Stored<Pod>): void {
    const podInfo = newPodInfo(pod);
    const state = this.podStates.get(podInfo.key);
    if (state) this.removeFromNode(podInfo.key, state.nodeName);
    const nodeName = pod.spec!.nodeName!;
    this.nodeInfoFor(nodeName).addPod(podInfo);
    this.podStates.set(podInfo.key, { podInfo, nodeName, assumed: false, bindingFinished: true });
  }

  updatePod(pod: Stored<Pod>): void {
    this.addPod(pod);
  }

  removePod(key: string): void {
    const state = this.podStates.get(key);
    if (!state) return;
    this.removeFromNode(key, state.nodeName);
    this.podStates.delete(key);
  }

  addNode(node: Stored<Node>): void {
    const info = this.nodeInfoFor(node.metadata.name);
    if (!info.node) this.nodeList.push(info);
    else this.untrackImages(info);
    if (!info.node || !sameLabels(info.node.metadata.labels, node.metadata.labels)) this.selectors.nodesChanged();
    info.setNode(node);
    this.trackImages(info, node);
  }

  updateNode(node: Stored<Node>): void {
    this.addNode(node);
  }

  removeNode(name: string): void {
    const info = this.nodes.get(name);
    if (!info) return;
    this.untrackImages(info);
    info.clearNode();
    this.selectors.nodesChanged();
    this.nodeList = this.nodeList.filter((n) => n !== info);
    if (info.pods.size === 0) this.nodes.delete(name);
  }

  private nodeInfoFor(name: string): NodeInfo {
    let info = this.nodes.get(name);
    if (!info) this.nodes.set(name, (info = new NodeInfo(name, this.counters)));
    return info;
  }

  private removeFromNode(key: string, nodeName: string): void {
    const info = this.nodes.get(nodeName);
    info?.removePod(key);
    if (info && !info.node && info.pods.size === 0) this.nodes.delete(nodeName);
  }

  /** trackImages fills the node's ImageStates from status.images, sharing spread counters. */
  private trackImages(info: NodeInfo, node: Node): void {
    this.scoreEpoch++;
    const states = new Map<string, ImageStateSummary>();
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) {
        let summary = this.images.get(name);
        if (!summary) this.images.set(name, (summary = { sizeBytes: image.sizeBytes ?? 0, nodes: new Set() }));
        summary.nodes.add(info.name);
        states.set(name, summary);
      }
    }
    info.imageStates = states;
  }

  private untrackImages(info: NodeInfo): void {
    this.scoreEpoch++;
    for (const [name, summary] of info.imageStates) {
      summary.nodes.delete(info.name);
      if (summary.nodes.size === 0) this.images.delete(name);
    }
    info.imageStates = new Map();
  }
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const keys = Object.keys(a ?? {});
  if (keys.length !== Object.keys(b ?? {}).length) return false;
  return keys.every((k) => a![k] === b?.[k]);
}
