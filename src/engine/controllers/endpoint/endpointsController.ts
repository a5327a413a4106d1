// Mirrors kubernetes pkg/controller/endpoint/endpoints_controller.go.

import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { deepClone, namespacedName, splitKey, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { toRFC3339 } from '../../sim/time';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { jsonEqual, semanticDeepEqual } from '../equality';
import { isPodReady } from '../podutil';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isNotFound, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from '../types';
import {
  ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, findPort, getPodServiceMemberships, getServicesToUpdateOnPodChange, IS_HEADLESS_SERVICE_LABEL, isServiceIPSet,
  podIPv4, shouldPodBeInEndpoints, shouldSetHostname,
} from '../util/endpoint/controllerUtils';
import { TriggerTimeTracker } from '../util/endpoint/triggerTimeTracker';
import { repackSubsets } from './repackSubsets';

export const ENDPOINT_CONTROLLER = 'endpoint-controller';

export interface EndpointsControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  services: SharedIndexInformer<Service>;
  pods: SharedIndexInformer<Pod>;
  endpoints: SharedIndexInformer<Endpoints>;
}

/**
 * EndpointsController keeps one Endpoints object per selector Service: the IPs of its pods, Ready
 * ones under `addresses`, the others under `notReadyAddresses` (all of them under addresses with
 * publishNotReadyAddresses), one port entry per service port resolved on the pod.
 */
export class EndpointsController {
  readonly queue: RateLimitingQueue;
  private readonly tracker: TriggerTimeTracker;

  constructor(private readonly o: EndpointsControllerOptions) {
    this.queue = new RateLimitingQueue(o.sim, 'endpoint', ENDPOINT_CONTROLLER);
    this.tracker = new TriggerTimeTracker(o.epochMs);
    const enqueue = (keys: string[]) => keys.forEach((key) => this.queue.add(key));
    o.services.addEventHandler({ add: (svc) => this.queue.add(namespacedName(svc)), update: (_old, cur) => this.queue.add(namespacedName(cur)), delete: (svc) => this.queue.add(namespacedName(svc)) });
    o.pods.addEventHandler({
      add: (pod) => enqueue(getPodServiceMemberships(o.services.indexer, pod)),
      update: (old, cur) => enqueue(getServicesToUpdateOnPodChange(o.services.indexer, old, cur)),
      delete: (pod) => enqueue(getPodServiceMemberships(o.services.indexer, pod)),
    });
    o.endpoints.addEventHandler({ delete: (ep) => this.queue.add(namespacedName(ep)) });
  }

  /** run syncs leftover Endpoints of deleted services, then starts the workers (--concurrent-endpoint-syncs, 5). */
  run(workers: number): void {
    waitForCacheSync(this.o.sim, [this.o.services, this.o.pods, this.o.endpoints]).then(() => {
      for (const key of this.o.endpoints.indexer.keys()) if (!this.o.services.indexer.get(key)) this.queue.add(key);
      runWorkers(this.o.sim, this.queue, workers, ENDPOINT_CONTROLLER, (key) => this.syncService(key));
    });
  }

  *syncService(key: string): Task<SyncError> {
    const { namespace, name } = splitKey(key);
    const service = this.o.services.indexer.get(key) as Stored<Service> | undefined;
    if (!service) {
      this.tracker.deleteService(namespace, name);
      if (!this.o.endpoints.indexer.get(key)) return undefined;
      traceDecision(this.o.sim, ENDPOINT_CONTROLLER, 'endpoints.delete', { kind: 'Endpoints', namespace, name });
      const deleted = yield* wait(this.o.client.delete('endpoints', namespace, name));
      return deleted.ok || isNotFound(deleted) ? undefined : errorOf(deleted);
    }
    if (service.spec?.type === 'ExternalName' || !service.spec?.selector) return undefined;
    const selector = fromLabelSelector({ matchLabels: service.spec.selector });
    const pods = (this.o.pods.indexer.byIndex('namespace', namespace) as Stored<Pod>[]).filter((pod) => matches(selector, pod.metadata.labels));
    const triggerMs = this.tracker.compute(namespace, service, pods);
    const subsets = repackSubsets(endpointSubsets(service, pods));
    const current = this.o.endpoints.indexer.get(key) as Stored<Endpoints> | undefined;
    const labels = endpointsLabels(service);
    if (current && semanticDeepEqual(current.subsets, subsets) && jsonEqual(current.metadata.labels ?? {}, labels)) return undefined;
    return yield* this.writeEndpoints(service, current, subsets, labels, triggerMs);
  }

  private *writeEndpoints(service: Stored<Service>, current: Stored<Endpoints> | undefined, subsets: EndpointSubset[], labels: Record<string, string>, triggerMs: number | undefined): Task<SyncError> {
    const next: Endpoints = current ? deepClone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: service.metadata.name, namespace: service.metadata.namespace } };
    const annotations = { ...(next.metadata!.annotations ?? {}) };
    if (triggerMs !== undefined) annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = toRFC3339(triggerMs, this.o.epochMs);
    else delete annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
    next.metadata = { ...next.metadata, labels, annotations };
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    if (subsets.length > 0) next.subsets = subsets;
    else delete next.subsets;
    const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
    traceDecision(this.o.sim, ENDPOINT_CONTROLLER, current ? 'endpoints.update' : 'endpoints.create', refOf(service), { ready, notReady });
    const result = yield* wait(current ? this.o.client.update('endpoints', next) : this.o.client.create('endpoints', next));
    if (result.ok) return undefined;
    if (!current && hasStatusCause(result, NAMESPACE_TERMINATING_CAUSE)) return undefined;
    this.o.recorder.event(service, 'Warning', current ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', `Failed to ${current ? 'update' : 'create'} endpoint ${service.metadata.namespace}/${service.metadata.name}: ${errorOf(result)}`);
    return errorOf(result);
  }
}

/** endpointsLabels: the service's labels, plus service.kubernetes.io/headless for headless services. */
function endpointsLabels(service: Service): Record<string, string> {
  const labels = { ...(service.metadata?.labels ?? {}) };
  if (isServiceIPSet(service)) delete labels[IS_HEADLESS_SERVICE_LABEL];
  else labels[IS_HEADLESS_SERVICE_LABEL] = '';
  return labels;
}

/** endpointSubsets builds one subset per (pod, port), ready or not, before repacking. */
function endpointSubsets(service: Service, pods: readonly Stored<Pod>[]): EndpointSubset[] {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  const subsets: EndpointSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const address: EndpointAddress = { ip: podIPv4(pod)! };
    if (shouldSetHostname(pod, service)) address.hostname = pod.spec!.hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ready = tolerateUnready || isPodReady(pod);
    const subsetFor = (ports: EndpointPort[] | undefined): EndpointSubset => (ready ? { addresses: [address], ports } : { notReadyAddresses: [address], ports });
    const servicePorts = service.spec?.ports ?? [];
    if (servicePorts.length === 0) {
      if (service.spec?.clusterIP === 'None') subsets.push(subsetFor(undefined));
      continue;
    }
    for (const svcPort of servicePorts) {
      const portNum = findPort(pod, svcPort);
      if (portNum === undefined) continue;
      const port: EndpointPort = { name: svcPort.name, port: portNum, protocol: svcPort.protocol ?? 'TCP' };
      if (!svcPort.name) delete port.name;
      if (svcPort.appProtocol) port.appProtocol = svcPort.appProtocol;
      subsets.push(subsetFor([port]));
    }
  }
  return subsets;
}
