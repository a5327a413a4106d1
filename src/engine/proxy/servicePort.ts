// Mirrors kubernetes pkg/proxy/serviceport.go and service.go (v1.32 newBaseServiceInfo): what
// kube-proxy keeps of each Service port.
import type { Service } from 'kubernetes-types/core/v1';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** ServicePortInfo is one port of one Service, as the proxiers see it. */
export interface ServicePortInfo {
  namespace: string;
  name: string;
  portName: string;
  /** nameString is ServicePortName.String(): `namespace/name:port` (`namespace/name` for an unnamed port). */
  nameString: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: string[];
  /** healthCheckNodePort: only for externalTrafficPolicy Local LoadBalancers (NeedsHealthCheck). */
  healthCheckNodePort: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
}

/** servicePortName is ServicePortName.String(): `ns/name` plus `:port` when the port has a name. */
export function servicePortName(namespace: string, name: string, portName: string): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`;
}

/**
 * servicePortInfos lists the ports kube-proxy programs for a Service. Headless services (clusterIP
 * None) and ExternalName services get no rules (their DNS is CoreDNS's business).
 */
export function servicePortInfos(service: Service): ServicePortInfo[] {
  const spec = service.spec ?? {};
  const clusterIP = spec.clusterIP ?? '';
  if (spec.type === 'ExternalName' || clusterIP === '' || clusterIP === 'None') return [];
  const namespace = service.metadata?.namespace ?? '';
  const name = service.metadata?.name ?? '';
  const externallyAccessible = (p: { nodePort?: number }) => (p.nodePort ?? 0) !== 0 || (spec.externalIPs ?? []).length > 0 || lbVIPs(service).length > 0;
  return (spec.ports ?? []).map((p) => {
    const accessible = externallyAccessible(p);
    const externalPolicyLocal = accessible && spec.externalTrafficPolicy === 'Local';
    const needsHealthCheck = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
    return {
      namespace, name, portName: p.name ?? '', nameString: servicePortName(namespace, name, p.name ?? ''),
      protocol: (p.protocol ?? 'TCP') as Protocol, clusterIP, port: p.port, nodePort: p.nodePort ?? 0,
      externalIPs: [...(spec.externalIPs ?? [])], loadBalancerVIPs: lbVIPs(service),
      loadBalancerSourceRanges: (spec.loadBalancerSourceRanges ?? []).map((r) => r.trim()).filter((r) => r !== ''),
      healthCheckNodePort: needsHealthCheck ? (spec.healthCheckNodePort ?? 0) : 0,
      externalPolicyLocal, internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
      sessionAffinityClientIP: spec.sessionAffinity === 'ClientIP',
      stickyMaxAgeSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800,
    };
  });
}

function lbVIPs(service: Service): string[] {
  return (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter((ip) => ip !== '');
}

/** externallyAccessible: a NodePort, an external IP or a load-balancer VIP reaches the port. */
export function externallyAccessible(svc: ServicePortInfo): boolean {
  return svc.nodePort !== 0 || svc.externalIPs.length > 0 || svc.loadBalancerVIPs.length > 0;
}

/** usesClusterEndpoints: internal policy Cluster, or any external access (needed for short-circuiting). */
export function usesClusterEndpoints(svc: ServicePortInfo): boolean {
  return !svc.internalPolicyLocal || externallyAccessible(svc);
}

/** usesLocalEndpoints: internal policy Local, or external policy Local on an externally reachable port. */
export function usesLocalEndpoints(svc: ServicePortInfo): boolean {
  return svc.internalPolicyLocal || (svc.externalPolicyLocal && externallyAccessible(svc));
}
