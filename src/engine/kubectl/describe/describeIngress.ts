// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) IngressDescriber.describeIngressV1 /
// describeBackendV1 / serviceBackendStringer and IngressClassDescriber.describeIngressClassV1.
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { formatEndpointSlices } from './describeService';
import { listSorted, searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefixWriter';

/** describeBackend: `svc:port (endpoints)`, the Service lookup's error, or a resource backend. */
function describeBackend(namespace: string, backend: IngressBackend, lookup: DescribeLookup): string {
  const service = backend.service;
  if (service) {
    const text = `${service.name}:${service.port?.number ? service.port.number : (service.port?.name ?? '')}`;
    const found = listSorted<Service>(lookup, 'services', namespace).find((s) => s.metadata?.name === service.name);
    if (!found) return `${text} (<error: services "${service.name}" not found>)`;
    let portName = '';
    for (const port of found.spec?.ports ?? []) {
      if ((service.port?.number && service.port.number === port.port) || (service.port?.name && service.port.name === port.name)) portName = port.name ?? '';
    }
    const slices = listSorted<EndpointSlice>(lookup, 'endpointslices', namespace).filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === service.name);
    return `${text} (${formatEndpointSlices(slices, portName)})`;
  }
  const resource = backend.resource;
  return resource ? `APIGroup: ${resource.apiGroup ?? '<none>'}, Kind: ${resource.kind}, Name: ${resource.name}` : '';
}

/** describeIngress is `kubectl describe ingress NAME`: address, class, default backend, TLS, the rules table. */
export function describeIngress(ingress: Ingress, lookup: DescribeLookup, options: DescribeOptions): string {
  const namespace = ingress.metadata?.namespace ?? '';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ingress.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ingress.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`);
    const address = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
    w.write(LEVEL_0, `Address:\t${address}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ingress.spec?.ingressClassName ?? '<none>'}\n`);
    const defaultBackend = ingress.spec?.defaultBackend ? describeBackend(namespace, ingress.spec.defaultBackend, lookup) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    const tls = ingress.spec?.tls ?? [];
    if (tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `SNI routes ${(t.hosts ?? []).join(',')}\n`);
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of ingress.spec?.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const path of rule.http.paths) w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(namespace, path.backend, lookup)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ingress.metadata?.annotations);
    if (options.showEvents !== false) describeEvents(searchEvents(lookup, { name: ingress.metadata?.name ?? '', namespace, kind: 'Ingress', uid: ingress.metadata?.uid }), w, options.nowMs);
  });
}

/** describeIngressClass is `kubectl describe ingressclass NAME`. */
export function describeIngressClass(ingressClass: IngressClass, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ingressClass.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ingressClass.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ingressClass.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ingressClass.spec?.controller ?? ''}\n`);
    const parameters = ingressClass.spec?.parameters;
    if (parameters) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (parameters.apiGroup) w.write(LEVEL_1, `APIGroup:\t${parameters.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${parameters.kind}\n`);
      w.write(LEVEL_1, `Name:\t${parameters.name}\n`);
    }
    if (options.showEvents !== false) describeEvents(searchEvents(lookup, { name: ingressClass.metadata?.name ?? '', namespace: '', kind: 'IngressClass', uid: ingressClass.metadata?.uid }), w, options.nowMs);
  });
}
