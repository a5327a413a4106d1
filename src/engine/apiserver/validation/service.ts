// Mirrors kubernetes pkg/apis/core/validation/validation.go (v1.32): ValidateService,
// validateServicePort, validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue,
// ValidateServiceUpdate. NodePort *range* errors are not here: the allocator reports them
// (pkg/registry/core/service/storage/alloc.go), see ../registry/serviceAlloc.ts.
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import {
  fieldDuplicate,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  goQuote,
  goSyntax,
  type FieldError,
} from '../../api/status';
import { validateDNS1123Label } from './container';
import { goStringSlice } from './goValues';
import { isDNS1123Subdomain, isValidIP, isValidPortName, isValidPortNum, nameIsDNS1035Label, VALID_IP_MSG } from './names';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { child, index } from './path';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

type Spec = ServiceSpec & { trafficDistribution?: string };

const isHeadless = (spec: Spec): boolean => (spec.clusterIPs ?? [])[0] === 'None' || spec.clusterIP === 'None';
const externallyAccessible = (spec: Spec): boolean =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
const needsHealthCheck = (spec: Spec): boolean => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(fieldRequired(child(path, 'name'), ''));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, child(path, 'name')));
    if (names.has(sp.name)) errs.push(fieldDuplicate(child(path, 'name'), sp.name));
    else names.add(sp.name);
  }
  isValidPortNum(sp.port).forEach((msg) => errs.push(fieldInvalid(child(path, 'port'), sp.port, msg)));
  if (!sp.protocol) errs.push(fieldRequired(child(path, 'protocol'), ''));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(fieldNotSupported(child(path, 'protocol'), sp.protocol, PROTOCOLS));
  const tp = sp.targetPort ?? 0;
  if (typeof tp === 'number') isValidPortNum(tp).forEach((msg) => errs.push(fieldInvalid(child(path, 'targetPort'), tp, msg)));
  else isValidPortName(tp).forEach((msg) => errs.push(fieldInvalid(child(path, 'targetPort'), tp, msg)));
  return errs;
}

function validateTypeSpecific(spec: Spec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const first = (spec.clusterIPs ?? [])[0] ?? spec.clusterIP ?? '';
  if (spec.type === 'LoadBalancer' && isHeadless(spec)) errs.push(fieldInvalid(index(child(path, 'clusterIPs'), 0), first, "may not be set to 'None' for LoadBalancer services"));
  if (spec.type === 'NodePort' && isHeadless(spec)) errs.push(fieldInvalid(index(child(path, 'clusterIPs'), 0), first, "may not be set to 'None' for NodePort services"));
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length > 0) errs.push(fieldForbidden(child(path, 'clusterIPs'), 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length > 0) errs.push(fieldForbidden(child(path, 'ipFamilies'), 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy) errs.push(fieldForbidden(child(path, 'ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) isDNS1123Subdomain(cname).forEach((msg) => errs.push(fieldInvalid(child(path, 'externalName'), cname, msg)));
    else errs.push(fieldRequired(child(path, 'externalName'), ''));
  }
  return errs;
}

function validateAffinity(spec: Spec, path: string): FieldError[] {
  const affinity = spec.sessionAffinity ?? '';
  if (affinity === '') return [fieldRequired(child(path, 'sessionAffinity'), '')];
  if (affinity !== 'ClientIP' && affinity !== 'None') return [fieldNotSupported(child(path, 'sessionAffinity'), affinity, ['ClientIP', 'None'])];
  const cfgPath = child(path, 'sessionAffinityConfig');
  if (affinity === 'None') return spec.sessionAffinityConfig ? [fieldForbidden(cfgPath, 'must not be set when session affinity is None')] : [];
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (!spec.sessionAffinityConfig) return [fieldRequired(cfgPath, 'when session affinity type is ClientIP')];
  if (!spec.sessionAffinityConfig.clientIP) return [fieldRequired(child(cfgPath, 'clientIP'), 'when session affinity type is ClientIP')];
  if (timeout === undefined) return [fieldRequired(child(cfgPath, 'clientIP', 'timeoutSeconds'), 'when session affinity type is ClientIP')];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [fieldInvalid(child(cfgPath, 'clientIP', 'timeoutSeconds'), timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

function validatePortsTable(spec: Spec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(fieldForbidden(child(index(child(path, 'ports'), i), 'nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const id = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(id)) errs.push(fieldDuplicate(child(index(child(path, 'ports'), i), 'nodePort'), p.nodePort));
    nodePorts.add(id);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const id = `${p.protocol ?? ''}/${p.port}`;
    if (seen.has(id)) errs.push(fieldDuplicate(index(child(path, 'ports'), i), goSyntax(goServicePortKey(p.protocol ?? '', p.port))));
    seen.add(id);
  });
  return errs;
}

function validateTrafficPolicies(spec: Spec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(fieldForbidden(child(path, 'allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(fieldRequired('allocateLoadBalancerNodePorts', ''));
  const etp = spec.externalTrafficPolicy ?? '';
  if (!externallyAccessible(spec)) {
    if (etp !== '') errs.push(fieldInvalid(child(path, 'externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (etp === '') errs.push(fieldRequired(child(path, 'externalTrafficPolicy'), ''));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(fieldNotSupported(child(path, 'externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  const hc = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(spec) && hc !== 0) {
    errs.push(fieldInvalid(child(path, 'healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  }
  const itp = spec.internalTrafficPolicy;
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? '')) errs.push(fieldRequired(child(path, 'internalTrafficPolicy'), ''));
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') errs.push(fieldNotSupported(child(path, 'internalTrafficPolicy'), itp, ['Cluster', 'Local']));
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== 'PreferClose') {
    errs.push(fieldNotSupported(child(path, 'trafficDistribution'), spec.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

function validateClusterIPs(spec: Spec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (ip === 'None' || ip === '') return;
    if (!isValidIP(ip)) errs.push(fieldInvalid(index(child(path, 'clusterIPs'), i), ip, VALID_IP_MSG));
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(fieldNotSupported(child(path, 'ipFamilyPolicy'), policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  (spec.ipFamilies ?? []).forEach((fam, i) => {
    if (fam !== 'IPv4' && fam !== 'IPv6') errs.push(fieldNotSupported(index(child(path, 'ipFamilies'), i), fam, ['IPv4', 'IPv6']));
  });
  return errs;
}

/** validateService is ValidateService (ValidateServiceCreate is the same). */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata ?? {}, true, nameIsDNS1035Label);
  const spec = (svc.spec ?? {}) as Spec;
  const path = 'spec';
  if ((spec.ports ?? []).length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(fieldRequired(child(path, 'ports'), ''));
  errs.push(...validateTypeSpecific(spec, path));
  const names = new Set<string>();
  (spec.ports ?? []).forEach((p, i) => errs.push(...validateServicePort(p, (spec.ports ?? []).length > 1, names, index(child(path, 'ports'), i))));
  if (spec.selector) errs.push(...validateLabels(spec.selector, child(path, 'selector')));
  errs.push(...validateAffinity(spec, path));
  errs.push(...validateClusterIPs(spec, path));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (!isValidIP(ip)) errs.push(fieldInvalid(index(child(path, 'externalIPs'), i), ip, VALID_IP_MSG));
  });
  if (!spec.type) errs.push(fieldRequired(child(path, 'type'), ''));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(fieldNotSupported(child(path, 'type'), spec.type, SERVICE_TYPES));
  errs.push(...validatePortsTable(spec, path));
  errs.push(...validateTrafficPolicies(spec, path));
  return errs;
}

/** validateServiceUpdate is ValidateServiceUpdate: clusterIP/ipFamilies may not change, then ValidateService. */
export function validateServiceUpdate(next: Service, prev: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  const ns = next.spec ?? {};
  const ps = prev.spec ?? {};
  const changingExternalName = ns.type === 'ExternalName' || ps.type === 'ExternalName';
  if (!changingExternalName) {
    const before = ps.clusterIPs ?? [];
    const after = ns.clusterIPs ?? [];
    if (before.length > 0 && after.length > 0 && before[0] !== after[0]) {
      errs.push(fieldInvalid(index('spec.clusterIPs', 0), goStringSlice(after), 'may not change once set'));
    }
  }
  if (ns.healthCheckNodePort !== ps.healthCheckNodePort && needsHealthCheck(ns as Spec) && needsHealthCheck(ps as Spec)) {
    errs.push(fieldForbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  errs.push(...validateService(next));
  return errs;
}
