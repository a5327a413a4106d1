// Mirrors kubernetes pkg/registry/core/service/storage/alloc.go (v1.32) for a single-stack IPv4
// cluster: initIPFamilyFields, allocClusterIPs, initNodePorts, allocHealthCheckNodePort and the
// release paths. Runs in BeginCreate/BeginUpdate, i.e. *before* Service validation, which is why a
// nodePort of 99999 fails here with the allocator's text.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import {
  fieldInvalid,
  newInternalError,
  newInvalid,
  type Status,
} from '../../api/status';
import { goStringSlice } from '../validation/goValues';
import type { IntRng } from './allocationBitmap';
import { IPAllocator, type IPAllocatorSnapshot } from './ipAllocator';
import { PortAllocator, type PortAllocatorSnapshot } from './portAllocator';

/** ServiceAllocators bundles the cluster's ClusterIP and NodePort allocators. */
export interface ServiceAllocators {
  ips: IPAllocator;
  ports: PortAllocator;
}

/** ServiceAllocatorsSnapshot is the serializable form of ServiceAllocators. */
export interface ServiceAllocatorsSnapshot {
  ips: IPAllocatorSnapshot;
  ports: PortAllocatorSnapshot;
}

/** newServiceAllocators uses the kubeadm defaults: 10.96.0.0/12 and 30000-32767. */
export function newServiceAllocators(cidr = '10.96.0.0/12', portRange = '30000-32767'): ServiceAllocators {
  return { ips: new IPAllocator(cidr), ports: new PortAllocator(portRange) };
}

export function snapshotServiceAllocators(a: ServiceAllocators): ServiceAllocatorsSnapshot {
  return { ips: a.ips.snapshot(), ports: a.ports.snapshot() };
}

export function restoreServiceAllocators(s: ServiceAllocatorsSnapshot): ServiceAllocators {
  return { ips: IPAllocator.restore(s.ips), ports: PortAllocator.restore(s.ports) };
}

const invalid = (svc: Service, field: string, value: Parameters<typeof fieldInvalid>[1], msg: string): Status =>
  newInvalid('Service', '', svc.metadata?.name ?? '', [fieldInvalid(field, value, msg)]);

/** initIPFamilyFields fills ipFamilyPolicy and ipFamilies for a single-stack IPv4 cluster. */
export function initIPFamilyFields(svc: Service): Status | undefined {
  const spec = (svc.spec ??= {});
  if (spec.type === 'ExternalName') return undefined;
  const headlessSelectorless = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  if (spec.ipFamilyPolicy === 'SingleStack' && (spec.clusterIPs ?? []).length === 2) {
    return invalid(svc, 'spec.ipFamilyPolicy', spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
  }
  if (headlessSelectorless) {
    if ((spec.ipFamilies ?? []).length === 0) spec.ipFamilies = ['IPv4'];
    if (spec.ipFamilies!.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') spec.ipFamilies = [...spec.ipFamilies!, spec.ipFamilies![0] === 'IPv4' ? 'IPv6' : 'IPv4'];
    return undefined;
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    return invalid(svc, 'spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services');
  }
  const families = spec.ipFamilies ?? [];
  for (let i = 0; i < families.length; i++) {
    if (families[i] !== 'IPv4') return invalid(svc, `spec.ipFamilies[${i}]`, families[i], 'not configured on this cluster');
  }
  if (families.length === 0) spec.ipFamilies = ['IPv4'];
  return undefined;
}

function allocClusterIP(svc: Service, a: ServiceAllocators, rng: IntRng): Status | undefined {
  const spec = svc.spec!;
  if (spec.type === 'ExternalName') return undefined;
  if ((spec.clusterIPs ?? [])[0] === 'None' || spec.clusterIP === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
    return undefined;
  }
  const wanted = (spec.clusterIPs ?? [])[0] ?? spec.clusterIP ?? '';
  if (wanted === '') {
    const ip = a.ips.allocateNext(rng);
    if (typeof ip !== 'string') return newInternalError(`failed to allocate a serviceIP: ${ip.message}`);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return undefined;
  }
  const err = a.ips.allocate(wanted);
  if (err) return invalid(svc, 'spec.clusterIPs', goStringSlice(spec.clusterIPs ?? [wanted]), `failed to allocate IP ${wanted}: ${err.message}`);
  spec.clusterIP = wanted;
  spec.clusterIPs = [wanted];
  return undefined;
}

function shouldAllocateNodePorts(svc: Service): boolean {
  const t = svc.spec?.type;
  if (t === 'NodePort') return true;
  return t === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false;
}

function initNodePorts(svc: Service, a: ServiceAllocators, rng: IntRng, taken: number[]): Status | undefined {
  const ports: ServicePort[] = svc.spec?.ports ?? [];
  const byServicePort = new Map<number, number>();
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i];
    if (!sp.nodePort && !shouldAllocateNodePorts(svc)) continue;
    const shared = byServicePort.get(sp.port);
    if (shared === undefined) {
      const requested = ports.slice(i).find((p) => p.port === sp.port && p.nodePort)?.nodePort ?? 0;
      if (requested !== 0) {
        const err = a.ports.allocate(requested);
        if (err) return invalid(svc, `spec.ports[${i}].nodePort`, requested, err.message);
        taken.push(requested);
        sp.nodePort = requested;
      } else {
        const np = a.ports.allocateNext(rng);
        if (typeof np !== 'number') return newInternalError(`failed to allocate a nodePort: ${np.message}`);
        taken.push(np);
        sp.nodePort = np;
      }
      byServicePort.set(sp.port, sp.nodePort!);
    } else if (sp.nodePort !== shared) {
      if (!sp.nodePort) sp.nodePort = shared;
      else {
        const err = a.ports.allocate(sp.nodePort);
        if (err) return invalid(svc, `spec.ports[${i}].nodePort`, sp.nodePort, err.message);
        taken.push(sp.nodePort);
      }
    }
  }
  return undefined;
}

function allocHealthCheckNodePort(svc: Service, a: ServiceAllocators, rng: IntRng, taken: number[]): Status | undefined {
  const spec = svc.spec!;
  if (!(spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local')) return undefined;
  if (spec.healthCheckNodePort) {
    const err = a.ports.allocate(spec.healthCheckNodePort);
    if (err) return newInternalError(`failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${err.message}`);
    taken.push(spec.healthCheckNodePort);
    return undefined;
  }
  const np = a.ports.allocateNext(rng);
  if (typeof np !== 'number') return newInternalError(`failed to allocate a HealthCheck NodePort 0: ${np.message}`);
  taken.push(np);
  spec.healthCheckNodePort = np;
  return undefined;
}

/**
 * allocateServiceCreate fills ipFamilyPolicy/ipFamilies, clusterIP(s) and nodePorts of a defaulted
 * Service (mutated in place). On failure it releases what it took and returns the Status: 422 for a
 * bad requested IP or port, 500 when a range is full.
 */
export function allocateServiceCreate(svc: Service, a: ServiceAllocators, rng: IntRng): Status | undefined {
  svc.spec ??= {};
  const famErr = initIPFamilyFields(svc);
  if (famErr) return famErr;
  const before = svc.spec.clusterIPs ? [...svc.spec.clusterIPs] : undefined;
  const ipErr = allocClusterIP(svc, a, rng);
  if (ipErr) return ipErr;
  const taken: number[] = [];
  const portErr = initNodePorts(svc, a, rng, taken) ?? allocHealthCheckNodePort(svc, a, rng, taken);
  if (portErr) {
    for (const p of taken) a.ports.release(p);
    const ip = svc.spec.clusterIP;
    if (ip && ip !== 'None') a.ips.release(ip);
    if (before) svc.spec.clusterIPs = before;
    return portErr;
  }
  return undefined;
}

/** releaseServiceAllocations frees the ClusterIP, node ports and health-check port of a deleted Service. */
export function releaseServiceAllocations(svc: Service, a: ServiceAllocators): void {
  const spec = svc.spec ?? {};
  if (spec.type !== 'ExternalName') for (const ip of spec.clusterIPs ?? []) if (ip !== 'None') a.ips.release(ip);
  for (const p of spec.ports ?? []) if (p.nodePort) a.ports.release(p.nodePort);
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && spec.healthCheckNodePort) a.ports.release(spec.healthCheckNodePort);
}

/**
 * allocateServiceUpdate handles type changes on update: ExternalName → other allocates a ClusterIP,
 * other → ExternalName releases it; NodePort/LoadBalancer → ClusterIP/ExternalName releases node
 * ports; new or changed node ports are allocated, dropped ones released (after success).
 */
export function allocateServiceUpdate(next: Service, prev: Service, a: ServiceAllocators, rng: IntRng): Status | undefined {
  next.spec ??= {};
  const famErr = initIPFamilyFields(next);
  if (famErr) return famErr;
  const ps = prev.spec ?? {};
  if (ps.type === 'ExternalName' && next.spec.type !== 'ExternalName') {
    const err = allocClusterIP(next, a, rng);
    if (err) return err;
  } else if (ps.type !== 'ExternalName' && next.spec.type === 'ExternalName') {
    for (const ip of ps.clusterIPs ?? []) if (ip !== 'None') a.ips.release(ip);
  }
  const oldPorts = (ps.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0);
  const nodePortTypes = ['NodePort', 'LoadBalancer'];
  const taken: number[] = [];
  if (nodePortTypes.includes(next.spec.type ?? '')) {
    const ports = next.spec.ports ?? [];
    for (let i = 0; i < ports.length; i++) {
      const sp = ports[i];
      if (!sp.nodePort && !shouldAllocateNodePorts(next)) continue;
      if (sp.nodePort) {
        if (oldPorts.includes(sp.nodePort) || taken.includes(sp.nodePort)) continue;
        const err = a.ports.allocate(sp.nodePort);
        if (err) {
          for (const p of taken) a.ports.release(p);
          return invalid(next, `spec.ports[${i}].nodePort`, sp.nodePort, err.message);
        }
        taken.push(sp.nodePort);
      } else {
        const np = a.ports.allocateNext(rng);
        if (typeof np !== 'number') return newInternalError(`failed to allocate a nodePort: ${np.message}`);
        taken.push(np);
        sp.nodePort = np;
      }
    }
  }
  const keep = new Set((next.spec.ports ?? []).map((p) => p.nodePort ?? 0));
  for (const p of oldPorts) if (!keep.has(p)) a.ports.release(p);
  return undefined;
}
