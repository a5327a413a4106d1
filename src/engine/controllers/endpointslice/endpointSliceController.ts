// Mirrors kubernetes pkg/controller/endpointslice/endpointslice_controller.go.

import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { namespacedName, splitKey, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { toRFC3339 } from '../../sim/time';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isNotFound, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from '../types';
import { ENDPOINTS_LAST_CHANGE_TRIGGER_TIME, getPodServiceMemberships, getServicesToUpdateOnPodChange } from '../util/endpoint/controllerUtils';
import { TriggerTimeTracker } from '../util/endpoint/triggerTimeTracker';
import { reconcile, type ReconcilePlan } from './reconciler';
import { ENDPOINTSLICE_CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './utils';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';

export interface EndpointSliceControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  services: SharedIndexInformer<Service>;
  pods: SharedIndexInformer<Pod>;
  nodes: SharedIndexInformer<Node>;
  endpointSlices: SharedIndexInformer<EndpointSlice>;
}

/**
 * EndpointSliceController keeps a selector Service's EndpointSlices (`<svc>-xxxxx`, labelled
 * kubernetes.io/service-name, owned by the Service) listing its pods with ready/serving/terminating
 * conditions. It ignores the slice events its own writes cause (the endpointSliceTracker's job).
 */
export class EndpointSliceController {
  readonly queue: RateLimitingQueue;
  private readonly tracker: TriggerTimeTracker;
  /** resourceVersions this controller wrote, so their watch events do not trigger a resync. */
  private readonly written = new Set<string>();

  constructor(private readonly o: EndpointSliceControllerOptions) {
    this.queue = new RateLimitingQueue(o.sim, 'endpoint_slice', ENDPOINTSLICE_CONTROLLER);
    this.tracker = new TriggerTimeTracker(o.epochMs);
    const enqueue = (keys: string[]) => keys.forEach((key) => this.queue.add(key));
    const onService = (svc: Stored<Service>) => this.queue.add(namespacedName(svc));
    o.services.addEventHandler({ add: onService, update: (_old, cur) => onService(cur), delete: onService });
    o.pods.addEventHandler({
      add: (pod) => enqueue(getPodServiceMemberships(o.services.indexer, pod)),
      update: (old, cur) => enqueue(getServicesToUpdateOnPodChange(o.services.indexer, old, cur)),
      delete: (pod) => enqueue(getPodServiceMemberships(o.services.indexer, pod)),
    });
    o.endpointSlices.addEventHandler({
      add: (slice) => this.onSliceChange(slice, false),
      update: (_old, cur) => this.onSliceChange(cur, false),
      delete: (slice) => this.onSliceChange(slice, true),
    });
  }

  /** run starts the workers (--concurrent-service-endpoint-syncs, 5). */
  run(workers: number): void {
    const { sim, services, pods, nodes, endpointSlices } = this.o;
    waitForCacheSync(sim, [services, pods, nodes, endpointSlices]).then(() =>
      runWorkers(sim, this.queue, workers, ENDPOINTSLICE_CONTROLLER, (key) => this.syncService(key)),
    );
  }

  private onSliceChange(slice: Stored<EndpointSlice>, deleted: boolean): void {
    const labels = slice.metadata.labels ?? {};
    if (labels[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME || !labels[LABEL_SERVICE_NAME]) return;
    if (!deleted && this.written.delete(slice.metadata.resourceVersion ?? '')) return;
    this.queue.add(`${slice.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`);
  }

  *syncService(key: string): Task<SyncError> {
    const { namespace, name } = splitKey(key);
    const service = this.o.services.indexer.get(key) as Stored<Service> | undefined;
    if (!service) {
      this.tracker.deleteService(namespace, name);
      return undefined;
    }
    if (service.spec?.type === 'ExternalName' || !service.spec?.selector) return undefined;
    const selector = fromLabelSelector({ matchLabels: service.spec.selector });
    const pods = (this.o.pods.indexer.byIndex('namespace', namespace) as Stored<Pod>[]).filter((pod) => matches(selector, pod.metadata.labels));
    const existing = (this.o.endpointSlices.indexer.byIndex('namespace', namespace) as Stored<EndpointSlice>[]).filter((slice) => {
      const labels = slice.metadata.labels ?? {};
      return labels[LABEL_SERVICE_NAME] === name && labels[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME && !slice.metadata.deletionTimestamp;
    });
    const triggerMs = this.tracker.compute(namespace, service, pods);
    const plan = reconcile(service, pods, existing, (node) => this.o.nodes.indexer.get(node) as Node | undefined);
    const err = yield* this.finalize(service, plan, triggerMs);
    return err ?? plan.errors[0];
  }

  /** finalize writes the plan: creates, then updates, then deletes (reconciler.finalize order). */
  private *finalize(service: Stored<Service>, plan: ReconcilePlan, triggerMs: number | undefined): Task<SyncError> {
    const stamp = (slice: EndpointSlice) => {
      const annotations = { ...(slice.metadata?.annotations ?? {}) };
      if (triggerMs !== undefined) annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME] = toRFC3339(triggerMs, this.o.epochMs);
      else delete annotations[ENDPOINTS_LAST_CHANGE_TRIGGER_TIME];
      slice.metadata = { ...slice.metadata, annotations };
      return slice;
    };
    const ref = refOf(service);
    for (const slice of plan.toCreate) {
      traceDecision(this.o.sim, ENDPOINTSLICE_CONTROLLER, 'endpointslice.create', ref, { endpoints: slice.endpoints.length });
      const created = yield* wait(this.o.client.create('endpointslices', stamp(slice)));
      if (created.ok) this.written.add(created.object.metadata.resourceVersion ?? '');
      else if (!hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE)) return errorOf(created);
    }
    for (const slice of plan.toUpdate) {
      traceDecision(this.o.sim, ENDPOINTSLICE_CONTROLLER, 'endpointslice.update', ref, { slice: slice.metadata?.name, endpoints: slice.endpoints.length });
      const updated = yield* wait(this.o.client.update('endpointslices', stamp(slice)));
      if (!updated.ok) return errorOf(updated);
      this.written.add(updated.object.metadata.resourceVersion ?? '');
    }
    for (const slice of plan.toDelete) {
      traceDecision(this.o.sim, ENDPOINTSLICE_CONTROLLER, 'endpointslice.delete', ref, { slice: slice.metadata.name });
      const deleted = yield* wait(this.o.client.delete('endpointslices', slice.metadata.namespace, slice.metadata.name));
      if (!deleted.ok && !isNotFound(deleted)) return errorOf(deleted);
    }
    return undefined;
  }
}
