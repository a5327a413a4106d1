// Mirrors kubernetes staging/src/k8s.io/endpointslice/utils.go (podToEndpoint, getEndpointPorts,
// newEndpointSlice, setEndpointSliceLabels).

import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import { getPodsPrefix, newControllerRef } from '../controllerUtils';
import { isPodReady } from '../podutil';
import { findPort, IS_HEADLESS_SERVICE_LABEL, isServiceIPSet, podIPv4, shouldSetHostname } from '../util/endpoint/controllerUtils';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';
/** MAX_ENDPOINTS_PER_SLICE is --max-endpoints-per-slice (100). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/**
 * podToEndpoint: serving = Ready, terminating = being deleted, ready = serving and not terminating
 * (or always, with publishNotReadyAddresses).
 */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = { addresses: [podIPv4(pod)!], conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec!.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts resolves every service port on the pod; unresolvable ones are skipped. */
export function getEndpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const svcPort of service.spec?.ports ?? []) {
    const port = findPort(pod, svcPort);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: svcPort.name ?? '', protocol: svcPort.protocol ?? 'TCP', port };
    if (svcPort.appProtocol) ep.appProtocol = svcPort.appProtocol;
    ports.push(ep);
  }
  return ports;
}

/** portsKey identifies a port set (NewPortMapKey), order-insensitive. */
export function portsKey(ports: readonly EndpointPort[] | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.protocol ?? '', p.port ?? 0, p.appProtocol ?? '']).sort());
}

/**
 * endpointSliceLabels: the service's labels (minus the reserved keys), the headless marker, then
 * kubernetes.io/service-name and the managed-by label; keys sorted as Go marshals maps.
 */
export function endpointSliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.metadata?.labels ?? {})) if (key !== LABEL_SERVICE_NAME && key !== LABEL_MANAGED_BY) labels[key] = value;
  if (isServiceIPSet(service)) delete labels[IS_HEADLESS_SERVICE_LABEL];
  else labels[IS_HEADLESS_SERVICE_LABEL] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata?.name ?? '';
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** newEndpointSlice is an empty slice for the service: generateName `<svc>-`, owned by the Service. */
export function newEndpointSlice(service: Service, ports: EndpointPort[], addressType: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: getPodsPrefix(service.metadata?.name ?? ''),
      namespace: service.metadata?.namespace,
      labels: endpointSliceLabels(service),
      ownerReferences: [newControllerRef(service, 'v1', 'Service')],
    },
    addressType,
    endpoints: [],
    ports,
  };
}
