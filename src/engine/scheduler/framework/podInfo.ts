// Mirrors kubernetes pkg/scheduler/framework/types.go (PodInfo, NewPodInfo), v1.32: everything the
// plugins need about a pod, computed once per pod object rather than once per node.
import type { Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { Stored, Writable } from '../../api/object';
import { NON_ZERO_DEFAULTS, podRequests } from './podRequests';
import type { Resource } from './types';
import { flat } from '../../api/flat';

/** HostPort is one (hostIP, protocol, hostPort) a pod claims on its node. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  readonly pod: Stored<Pod>;
  /** key is `namespace/name`, the queue's and cache's key. */
  readonly key: string;
  readonly uid: string;
  /** priority is spec.priority (0 when unset, as without the Priority admission plugin). */
  readonly priority: number;
  /** requests are the real requests (Fit filter, BalancedAllocation). */
  readonly requests: Resource;
  /** nonZero* are the requests with 100m / 200Mi for a container that asks nothing (Fit scoring). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  /**
   * signature covers every pod field a Filter or Score plugin reads: two pods with the same
   * signature get the same verdict and raw scores on a node that has not changed (replicas of one
   * Deployment), which lets the framework memoize per node. Computed on first use.
   */
  readonly signature: string;
}

/** SpecInfo is the part of a PodInfo that depends on the spec alone. */
type SpecInfo = Pick<PodInfo, 'requests' | 'nonZeroMilliCPU' | 'nonZeroMemory' | 'hostPorts' | 'tolerations' | 'signature'>;

/**
 * specCache: a pod's status updates share its frozen spec object, and the scheduler meets a pod
 * in several versions (queued, assumed, bound, then every status change in its cache), so the
 * spec-derived values are worked out once per spec rather than once per version.
 */
const specCache = new WeakMap<object, SpecInfo>();

/**
 * newPodInfo builds the PodInfo of a (frozen, shared) pod object; the spec-derived part comes from
 * specCache. Not memoized per pod object: a WeakMap entry lives as long as its key, and every old
 * version of a pod stays alive in etcd's history until compaction (5–10 minutes), so such a memo
 * held ~3 stale PodInfos per pod of a large rollout.
 */
export function newPodInfo(pod: Stored<Pod>): PodInfo {
  const spec = pod.spec!;
  const derived = specInfo(spec);
  return {
    pod,
    key: flat(pod.metadata.namespace ?? '', '/', pod.metadata.name),
    uid: pod.metadata.uid ?? '',
    priority: spec.priority ?? 0,
    requests: derived.requests,
    nonZeroMilliCPU: derived.nonZeroMilliCPU,
    nonZeroMemory: derived.nonZeroMemory,
    hostPorts: derived.hostPorts,
    tolerations: derived.tolerations,
    signature: derived.signature,
  };
}

function specInfo(spec: PodSpec): SpecInfo {
  let derived = specCache.get(spec);
  if (derived) return derived;
  const nonZero = podRequests(spec, NON_ZERO_DEFAULTS);
  const base: Writable<SpecInfo> = {
    requests: podRequests(spec),
    nonZeroMilliCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts: hostPortsOf(spec),
    tolerations: spec.tolerations ?? [],
    signature: '',
  };
  base.signature = schedulingSignature(spec, base);
  derived = base;
  specCache.set(spec, derived);
  return derived;
}

/** interned signatures: equal signatures are the same string, so memo checks compare by identity. */
const interned = new Map<string, string>();

/** schedulingSignature serializes the scheduling-relevant part of a pod. */
function schedulingSignature(spec: PodSpec, info: Omit<SpecInfo, 'signature'>): string {
  const images = [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.image);
  const text = JSON.stringify([info.requests, info.nonZeroMilliCPU, info.nonZeroMemory, info.hostPorts, info.tolerations, spec.nodeSelector, spec.affinity?.nodeAffinity, spec.nodeName, images]);
  let signature = interned.get(text);
  if (signature === undefined) interned.set(text, (signature = text));
  return signature;
}

/** hostPortsOf lists the host ports of containers and sidecars (schedutil.GetHostPorts). */
function hostPortsOf(spec: PodSpec): HostPort[] {
  const out: HostPort[] = [];
  const containers = [...spec.containers, ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const container of containers) {
    for (const port of container.ports ?? []) {
      if (!port.hostPort || port.hostPort <= 0) continue;
      out.push({ ip: port.hostIP || '0.0.0.0', protocol: port.protocol || 'TCP', port: port.hostPort });
    }
  }
  return out;
}
