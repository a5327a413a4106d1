// Mirrors kubernetes pkg/scheduler/framework/types.go NodeInfo (v1.32): a node and the pods the
// scheduler believes run on it (bound or assumed), with their summed requests.
import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { milliValue, value } from '../../api/quantity';
import type { HostPort, PodInfo } from './podInfo';
import { addResource, emptyResource, type Resource, type Status } from './types';

/** ImageStateSummary is what ImageLocality knows of an image on a node: size and spread. */
export interface ImageStateSummary {
  sizeBytes: number;
  /** numNodes is how many nodes have the image (shared object, kept current by the cache). */
  readonly nodes: Set<string>;
}

const WILDCARD_IP = '0.0.0.0';
/** LABEL_HOSTNAME is v1.LabelHostname, the node label the default spread constraint keys on. */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';

/** NodeInfoCounters are the cache-wide tallies every NodeInfo updates as pods come and go. */
export interface NodeInfoCounters {
  podsWithRequiredAntiAffinity: number;
  podsWithAffinity?: number;
  selectors?: { onPod(node: NodeInfo, pod: PodInfo, sign: 1 | -1): void };
}

export class NodeInfo {
  node: Stored<Node> | undefined;
  readonly pods = new Map<string, PodInfo>();
  readonly requested: Resource = emptyResource();
  /** nonZeroRequested sums cpu and memory with 100m/200Mi defaults (NodeInfo.NonZeroRequested). */
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  allocatable: Resource = emptyResource();
  /** usedPorts: hostIP → set of `protocol/port`. */
  private readonly usedPorts = new Map<string, Map<string, number>>();
  imageStates = new Map<string, ImageStateSummary>();
  /** generation increases on every change, like NodeInfo.Generation. */
  generation = 0;
  /** podsWithRequiredAntiAffinity: pods here with required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity). */
  podsWithRequiredAntiAffinity = 0;
  /** podsWithAffinity: pods here that set podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  podsWithAffinity = 0;
  /**
   * The last pod signature's filter verdict and raw scores here (see PodInfo.signature), valid
   * while `generation` (and for scores the image-spread epoch) is unchanged. Plain fields, not a
   * memo object: the scheduler checks them on 500 nodes per pod, and each pointer followed is a
   * likely cache miss at that size.
   */
  filterMemoSignature = '';
  filterMemoGeneration = -1;
  filterMemoStatus: Status | null = null;
  scoreMemoSignature = '';
  scoreMemoGeneration = -1;
  scoreMemoEpoch = -1;
  scoreMemoRaw: number[] | undefined = undefined;
  /**
   * PodTopologySpread's last hostname count here: matching pods of `ptsTally` on this node at
   * `ptsTallyGeneration` (a tally changes on a node only when its pods do, which moves
   * generation). Saves a Map lookup per scored node per pod.
   */
  ptsTally: object | undefined = undefined;
  ptsTallyGeneration = -1;
  ptsTallyCount = 0;
  /**
   * hostnameLabel is the node's kubernetes.io/hostname label, kept here when the node is set:
   * PodTopologySpread's default constraint reads it on 500 nodes per pod, and reaching it through
   * node → metadata → labels costs a cache miss per step at 5,000 nodes.
   */
  hostnameLabel: string | undefined = undefined;

  /** counters are shared by every NodeInfo of one scheduler cache (cluster-wide tallies). */
  constructor(
    readonly name: string,
    private readonly counters: NodeInfoCounters = { podsWithRequiredAntiAffinity: 0 },
  ) {}

  setNode(node: Stored<Node>): void {
    this.node = node;
    this.hostnameLabel = node.metadata.labels?.[LABEL_HOSTNAME];
    this.allocatable = resourceList(node.status?.allocatable ?? {});
    this.generation++;
  }

  /** clearNode forgets the node object (it was deleted; the NodeInfo lives on while pods remain). */
  clearNode(): void {
    this.node = undefined;
    this.hostnameLabel = undefined;
  }

  addPod(podInfo: PodInfo): void {
    this.pods.set(podInfo.key, podInfo);
    this.account(podInfo, 1);
  }

  removePod(key: string): PodInfo | undefined {
    const podInfo = this.pods.get(key);
    if (!podInfo) return undefined;
    this.pods.delete(key);
    this.account(podInfo, -1);
    return podInfo;
  }

  /** portConflicts reports whether any wanted host port is taken (HostPortInfo.CheckConflict). */
  portConflicts(wanted: readonly HostPort[]): boolean {
    for (const port of wanted) {
      const key = `${port.protocol}/${port.port}`;
      if (port.ip === WILDCARD_IP) {
        for (const ports of this.usedPorts.values()) if (ports.has(key)) return true;
      } else if (this.usedPorts.get(port.ip)?.has(key) || this.usedPorts.get(WILDCARD_IP)?.has(key)) {
        return true;
      }
    }
    return false;
  }

  private account(podInfo: PodInfo, sign: 1 | -1): void {
    if (podInfo.pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) {
      this.podsWithRequiredAntiAffinity += sign;
      this.counters.podsWithRequiredAntiAffinity += sign;
    }
    const affinity = podInfo.pod.spec?.affinity;
    if (affinity?.podAffinity || affinity?.podAntiAffinity) {
      this.podsWithAffinity += sign;
      this.counters.podsWithAffinity = (this.counters.podsWithAffinity ?? 0) + sign;
    }
    this.counters.selectors?.onPod(this, podInfo, sign);
    addResource(this.requested, podInfo.requests, sign);
    this.nonZeroMilliCPU += sign * podInfo.nonZeroMilliCPU;
    this.nonZeroMemory += sign * podInfo.nonZeroMemory;
    for (const port of podInfo.hostPorts) {
      let ports = this.usedPorts.get(port.ip);
      if (!ports) this.usedPorts.set(port.ip, (ports = new Map()));
      const key = `${port.protocol}/${port.port}`;
      const count = (ports.get(key) ?? 0) + sign;
      if (count > 0) ports.set(key, count);
      else ports.delete(key);
    }
    this.generation++;
  }
}

/** resourceList converts node.status.allocatable into a Resource (framework.NewResource). */
export function resourceList(list: Record<string, string | number>): Resource {
  const r = emptyResource();
  for (const [name, quantity] of Object.entries(list)) {
    if (name === 'cpu') r.milliCPU = milliValue(quantity);
    else if (name === 'memory') r.memory = value(quantity);
    else if (name === 'ephemeral-storage') r.ephemeralStorage = value(quantity);
    else if (name === 'pods') r.allowedPodNumber = value(quantity);
    else (r.scalar ??= {})[name] = value(quantity);
  }
  return r;
}
