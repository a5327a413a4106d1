// What every kube-proxy watches (Services and EndpointSlices, pkg/proxy/config) and the sync
// runner (pkg/util/async BoundedFrequencyRunner with --iptables-min-sync-period 1 s).
//
// Simulator shortcut: real kube-proxies open one watch each; here they share one watch cache and
// one sync schedule, because they all receive the same events at the same moment. Each node still
// renders its own rules (Local-policy endpoints differ per node), lazily, when asked.
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { namespacedName, type Stored } from '../api/object';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import type { SharedIndexInformer } from '../client/cache/sharedInformer';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import type { Rng } from '../sim/rng';
import type { Simulator, Timer } from '../sim/simulator';
import type { DnsData } from './dns';
import { endpointsByServicePort, endpointsKey, type EndpointInfo } from './endpoints';
import type { ServicePortState } from './iptables/syncProxyRules';
import { servicePortInfos } from './servicePort';

/** MIN_SYNC_PERIOD_MS is --iptables-min-sync-period / --ipvs-min-sync-period (1 s). */
export const MIN_SYNC_PERIOD_MS = 1_000;
const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
const SERVICE_NAME_INDEX = 'serviceName';

/** ServiceSnapshot is a Service and its slices as of a sync; endpoints are grouped on first use. */
interface ServiceSnapshot {
  service: Stored<Service>;
  slices: Stored<EndpointSlice>[];
  states?: ServicePortState[];
}

/** SyncListener is told about each sync (a kube-proxy emitting its trace event). */
export type SyncListener = (generation: number, changed: readonly string[]) => void;

/**
 * ProxyHub holds the watch cache and the synced state all kube-proxies render from. A change
 * marks its Service dirty; a sync runs at most once per MIN_SYNC_PERIOD_MS and only re-reads the
 * dirty Services (kube-proxy's partial sync), so 30k endpoints behind one Service cost one regroup
 * per second, not one per node.
 */
export class ProxyHub {
  readonly sim: Simulator;
  readonly services: SharedIndexInformer<Service>;
  readonly slices: SharedIndexInformer<EndpointSlice>;
  /** rng: the statistic match and IPVS are the only random choices of the data path. */
  readonly rng: Rng;
  generation = 0;
  lastSyncMs = -Infinity;
  private readonly factory: SharedInformerFactory;
  private readonly snapshots = new Map<string, ServiceSnapshot>();
  private readonly dirty = new Set<string>();
  private readonly listeners: SyncListener[] = [];
  private sorted: ServicePortState[] | undefined;
  private timer: Timer | undefined;
  private started = false;

  constructor(ctx: ComponentContext) {
    this.sim = ctx.sim;
    this.rng = ctx.sim.rng.fork('kube-proxy/datapath');
    this.factory = new SharedInformerFactory(ctx.sim, clientFor(ctx, USERS.kubeProxy, 'kube-proxy'), 'kube-proxy');
    this.services = this.factory.forResource<Service>('services');
    this.slices = this.factory.forResource<EndpointSlice>('endpointslices');
    this.slices.addIndexers({ [SERVICE_NAME_INDEX]: (s) => [`${s.metadata.namespace}/${s.metadata.labels?.[LABEL_SERVICE_NAME] ?? ''}`] });
    const onService = (svc: Stored<Service>) => this.changed(namespacedName(svc));
    const onSlice = (slice: Stored<EndpointSlice>) => this.changed(`${slice.metadata.namespace}/${slice.metadata.labels?.[LABEL_SERVICE_NAME] ?? ''}`);
    this.services.addEventHandler({ add: onService, update: (_, cur) => onService(cur), delete: onService });
    this.slices.addEventHandler({ add: onSlice, update: (_, cur) => onSlice(cur), delete: onSlice });
  }

  /** start runs the watches (the first kube-proxy to start does it). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.factory.start();
  }

  onSync(listener: SyncListener): void {
    this.listeners.push(listener);
  }

  /** states: every synced Service port with its endpoints, sorted by `ns/name:port` (cached per sync). */
  states(): readonly ServicePortState[] {
    if (this.sorted) return this.sorted;
    const out: ServicePortState[] = [];
    for (const key of [...this.snapshots.keys()].sort()) out.push(...statesOf(this.snapshots.get(key)!));
    this.sorted = out.sort((a, b) => (a.info.nameString < b.info.nameString ? -1 : a.info.nameString > b.info.nameString ? 1 : 0));
    return this.sorted;
  }

  /** dnsData is CoreDNS's view: the latest cached Services and slices (not the last sync). */
  dnsData(): DnsData {
    return {
      service: (namespace, name) => this.services.indexer.get(`${namespace}/${name}`) as Stored<Service> | undefined,
      slices: (namespace, name) => this.slicesOf(namespace, name),
    };
  }

  /** slicesOf lists the cached slices of a Service (CoreDNS's view, not the synced one). */
  slicesOf(namespace: string, name: string): Stored<EndpointSlice>[] {
    return this.slices.indexer.byIndex(SERVICE_NAME_INDEX, `${namespace}/${name}`) as Stored<EndpointSlice>[];
  }

  private changed(key: string): void {
    this.dirty.add(key);
    if (this.timer) return;
    this.timer = this.sim.at(Math.max(this.sim.nowMs, this.lastSyncMs + MIN_SYNC_PERIOD_MS), () => this.sync());
  }

  /** sync is syncProxyRules' input side: re-read the dirty Services from the caches. */
  private sync(): void {
    this.timer = undefined;
    if (!this.services.hasSynced || !this.slices.hasSynced) {
      this.timer = this.sim.after(100, () => this.sync());
      return;
    }
    const changed = [...this.dirty].sort();
    this.dirty.clear();
    for (const key of changed) {
      const service = this.services.indexer.get(key) as Stored<Service> | undefined;
      if (!service) this.snapshots.delete(key);
      else this.snapshots.set(key, { service, slices: this.slicesOf(service.metadata.namespace ?? '', service.metadata.name) });
    }
    this.sorted = undefined;
    this.generation++;
    this.lastSyncMs = this.sim.nowMs;
    for (const listener of this.listeners) listener(this.generation, changed);
  }
}

function statesOf(snapshot: ServiceSnapshot): ServicePortState[] {
  if (snapshot.states) return snapshot.states;
  const { service } = snapshot;
  const ports = servicePortInfos(service);
  const endpoints = ports.length > 0 ? endpointsByServicePort(service.metadata.namespace ?? '', service.metadata.name, snapshot.slices) : new Map<string, EndpointInfo[]>();
  snapshot.states = ports.map((info) => ({ info, endpoints: endpoints.get(endpointsKey(info.nameString, info.protocol)) ?? [] }));
  return snapshot.states;
}
