// Mirrors kubernetes pkg/controller/util/endpoint/controller_utils.go and pkg/api/v1/pod FindPort.

import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches } from '../../../api/labels';
import type { Stored } from '../../../api/object';
import type { Indexer } from '../../../client/cache/indexer';
import { jsonEqual } from '../../equality';
import { isPodReady, isPodTerminal } from '../../podutil';

/** IS_HEADLESS_SERVICE_LABEL is v1.IsHeadlessService, set on endpoints of services without a cluster IP. */
export const IS_HEADLESS_SERVICE_LABEL = 'service.kubernetes.io/headless';
/** ENDPOINTS_LAST_CHANGE_TRIGGER_TIME is v1.EndpointsLastChangeTriggerTime. */
export const ENDPOINTS_LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/**
 * shouldPodBeInEndpoints: the pod has an IP and has not finished; terminating pods only when asked
 * (EndpointSlices keep them with terminating=true, Endpoints drop them).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!podIPv4(pod)) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/** podIPv4 is the pod's IPv4 address (status.podIPs, else status.podIP). */
export function podIPv4(pod: Pod): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => !!ip);
  if (pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => !ip.includes(':'));
}

/** shouldSetHostname: the pod asked for a hostname under this (headless) service's subdomain. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata?.name && svc.metadata?.namespace === pod.metadata?.namespace;
}

/** findPort resolves a service port's targetPort on a pod: a number as is, a name via container ports. */
export function findPort(pod: Pod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  const protocol = svcPort.protocol ?? 'TCP';
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always')];
  for (const container of containers) {
    for (const port of container.ports ?? []) if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  }
  return undefined;
}

/** isServiceIPSet: the service has a cluster IP (not headless). */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** getPodServiceMemberships lists `namespace/name` of services whose selector matches the pod. */
export function getPodServiceMemberships(services: Indexer, pod: Pod): string[] {
  const keys: string[] = [];
  for (const svc of services.byIndex('namespace', pod.metadata?.namespace ?? '') as Stored<Service>[]) {
    if (!svc.spec?.selector) continue;
    if (matches(fromLabelSelector({ matchLabels: svc.spec.selector }), pod.metadata?.labels)) keys.push(`${svc.metadata.namespace}/${svc.metadata.name}`);
  }
  return keys;
}

/**
 * getServicesToUpdateOnPodChange: services to resync after a pod update — none unless something
 * endpoints show changed (readiness, IPs, deletion); both old and new memberships if labels moved.
 */
export function getServicesToUpdateOnPodChange(services: Indexer, oldPod: Pod, newPod: Pod): string[] {
  if (oldPod.metadata?.resourceVersion === newPod.metadata?.resourceVersion) return [];
  const { podChanged, labelsChanged } = podEndpointsChanged(oldPod, newPod);
  if (!podChanged && !labelsChanged) return [];
  const keys = new Set(getPodServiceMemberships(services, newPod));
  if (labelsChanged) for (const key of getPodServiceMemberships(services, oldPod)) keys.add(key);
  return [...keys].sort();
}

function podEndpointsChanged(oldPod: Pod, newPod: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged = !jsonEqual(oldPod.metadata?.labels ?? {}, newPod.metadata?.labels ?? {})
    || oldPod.spec?.hostname !== newPod.spec?.hostname || oldPod.spec?.subdomain !== newPod.spec?.subdomain;
  const podChanged = oldPod.metadata?.deletionTimestamp !== newPod.metadata?.deletionTimestamp
    || isPodReady(oldPod) !== isPodReady(newPod)
    || podIPv4(oldPod) !== podIPv4(newPod)
    || oldPod.spec?.nodeName !== newPod.spec?.nodeName;
  return { podChanged, labelsChanged };
}
