// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) ServiceDescriber / describeService and
// formatEndpointSlices (ready endpoints only, three `ip:port` then `+ N more...`).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { LoadBalancerIngress, Service } from 'kubernetes-types/core/v1';
import { formatLabels } from '../printers/table/labels';
import { joinHostPort } from '../printers/table/printServices';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { listSorted, searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** formatEndpointSlices lists ready endpoints serving port `portName`: three, then `+ N more...`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  // Go checks "list is full" before skipping unready endpoints, so `more` can flip on an unready one.
  const visit = (ready: boolean | undefined, text: string) => {
    if (list.length === max) more = true;
    if (ready === false) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of endpoints) visit(e.conditions?.ready ?? undefined, e.addresses[0]);
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) visit(e.conditions?.ready ?? undefined, joinHostPort(e.addresses[0], port.port ?? 0));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

function buildIngressString(ingress: readonly LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : i.hostname ?? '')).join(', ');
}

function describeServicePorts(service: Service, slices: readonly EndpointSlice[], w: PrefixWriter): void {
  for (const sp of service.spec?.ports ?? []) {
    const name = sp.name || '<unset>';
    const protocol = sp.protocol ?? '';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    const target = sp.targetPort ?? 0;
    w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
    if ((sp.nodePort ?? 0) !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
}

/** describeService is `kubectl describe service NAME`; endpoints come from the service's EndpointSlices. */
export function describeService(service: Service, lookup: DescribeLookup, options: DescribeOptions): string {
  const name = service.metadata?.name ?? '';
  const namespace = service.metadata?.namespace ?? '';
  const slices = listSorted<EndpointSlice>(lookup, 'endpointslices', namespace).filter((s) => s.metadata?.labels?.[SERVICE_NAME_LABEL] === name);
  return tabbedString((w) => {
    const spec = service.spec ?? {};
    w.write(LEVEL_0, `Name:\t${name}\n`);
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`);
    printLabelsMultiline(w, 'Labels', service.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', service.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = service.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(ingress)}\n`);
    describeServicePorts(service, slices, w);
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if ((spec.healthCheckNodePort ?? 0) !== 0) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
    if (options.showEvents !== false) describeEvents(searchEvents(lookup, { name, namespace, kind: 'Service', uid: service.metadata?.uid }), w, options.nowMs);
  });
}
