// Mirrors kubernetes pkg/apis/core/v1/defaults.go SetDefaults_Service / SetDefaults_Endpoints and
// pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort (v1.32). ipFamilies/ipFamilyPolicy and
// clusterIPs are not API defaults: the Service REST storage fills them (../../registry/serviceAlloc.ts).
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

/** DEFAULT_CLIENT_IP_AFFINITY_SECONDS is 3 hours (v1.DefaultClientIPServiceAffinitySeconds). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** externallyAccessible is service.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec?.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec?.externalIPs ?? []).length > 0);
}

/** setDefaultsService: None affinity, ClusterIP type, TCP, targetPort = port, traffic policies Cluster. */
export function setDefaultsService(svc: Service): void {
  svc.spec ??= {};
  const spec = svc.spec;
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const port of spec.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
      const withMode = ing as { ip?: string; ipMode?: string };
      if (withMode.ip && withMode.ipMode === undefined) withMode.ipMode = 'VIP';
    }
  }
}

/** setDefaultsEndpoints: TCP on every subset port. */
export function setDefaultsEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
}

/** setDefaultsEndpointSlice: port name '' and protocol TCP. */
export function setDefaultsEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    if (p.name === undefined) p.name = '';
    if (!p.protocol) p.protocol = 'TCP';
  }
}
