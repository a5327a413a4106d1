// Mirrors kubernetes pkg/proxy/topology.go (v1.32) CategorizeEndpoints, without topology hints.
import type { EndpointInfo } from './endpoints';
import { usesClusterEndpoints, usesLocalEndpoints, type ServicePortInfo } from './servicePort';

export interface CategorizedEndpoints {
  /** clusterEndpoints: for Cluster traffic policy (ready ones, else serving-and-terminating ones). */
  clusterEndpoints: EndpointInfo[];
  /** localEndpoints: for Local traffic policy, on this node only. */
  localEndpoints: EndpointInfo[];
  /** allReachableEndpoints: every endpoint some rule on this node may DNAT to (one KUBE-SEP chain each). */
  allReachableEndpoints: EndpointInfo[];
  /** hasAnyEndpoints: usable endpoints exist somewhere in the cluster. */
  hasAnyEndpoints: boolean;
}

/**
 * categorizeEndpoints picks the endpoints each traffic policy uses. Terminating endpoints that
 * still serve are used only when no endpoint is ready (ProxyTerminatingEndpoints, GA in 1.28), so a
 * rolling update does not drop connections.
 */
export function categorizeEndpoints(endpoints: readonly EndpointInfo[], svc: ServicePortInfo, nodeName: string): CategorizedEndpoints {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  const servingTerminating = (ep: EndpointInfo) => ep.serving && ep.terminating;
  if (usesClusterEndpoints(svc)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter(servingTerminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(svc)) return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  const isLocal = (ep: EndpointInfo) => ep.nodeName === nodeName;
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalReady = true;
    } else if (servingTerminating(ep)) {
      hasAnyEndpoints = true;
      if (isLocal(ep)) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) localEndpoints = endpoints.filter((ep) => isLocal(ep) && ep.ready);
  else if (hasLocalServingTerminating) localEndpoints = endpoints.filter((ep) => isLocal(ep) && servingTerminating(ep));
  if (!usesClusterEndpoints(svc)) return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  const union = new Map<string, EndpointInfo>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(`${ep.ip}:${ep.port}`, ep);
  const allReachableEndpoints = [...union.values()].sort((a, b) => (`${a.ip}:${a.port}` < `${b.ip}:${b.port}` ? -1 : 1));
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
