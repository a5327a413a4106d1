// Mirrors metrics-server pkg/server (v0.7, as deployed with `--metric-resolution=15s`): scrape
// every kubelet each resolution, keep the last two scrapes, serve metrics.k8s.io/v1beta1 through
// the apiserver's aggregation layer (APIService v1beta1.metrics.k8s.io). Until two scrapes are
// stored the APIService is not Available, so `kubectl top` first answers "Metrics API not
// available", as on a fresh cluster.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { storageKey, resourceInfo } from '../../api/resources';
import { SharedInformerFactory } from '../../client/cache/informerFactory';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { Component, ComponentFactory } from '../../cluster';
import { clientFor, USERS, type ComponentContext } from '../../componentContext';
import { waitForCacheSync } from '../../controllers/cacheSync';
import { spawn, wait, type Task } from '../../sim/task';
import { LoadModel, type PodView } from '../loadModel';
import { METRICS_GROUP, METRICS_VERSION } from '../types';
import { MetricsAPI, METRICS_RESOURCES } from './api';
import { isKubeletEndpoint, Scraper } from './scraper';
import { NodeStorage, PodStorage } from './storage';

export const METRICS_SERVER = 'metrics-server';

export interface MetricsServerOptions {
  /** --metric-resolution: the scrape interval (15 s in the released manifests). */
  metricResolutionMs?: number;
}

/**
 * MetricsServer is the `metrics-server` component.
 *
 * @example
 * const cluster = Cluster.boot(spec, [...DEFAULT_COMPONENTS]);
 * cluster.exec('kubectl top pods'); // after two scrapes: NAME CPU(cores) MEMORY(bytes) ...
 */
export class MetricsServer implements Component {
  readonly name = METRICS_SERVER;
  readonly metricResolutionMs: number;
  readonly podStorage: PodStorage;
  readonly nodeStorage = new NodeStorage();
  readonly load: LoadModel;
  private readonly factory: SharedInformerFactory;
  private readonly nodes: SharedIndexInformer<Node>;
  private readonly api: MetricsAPI;
  private readonly scraper: Scraper;
  private running = false;
  private generation = 0;

  constructor(private readonly ctx: ComponentContext, options: MetricsServerOptions = {}) {
    this.metricResolutionMs = options.metricResolutionMs ?? 15_000;
    this.podStorage = new PodStorage(this.metricResolutionMs);
    const client = clientFor(ctx, USERS.controller(METRICS_SERVER), METRICS_SERVER);
    this.factory = new SharedInformerFactory(ctx.sim, client, METRICS_SERVER);
    this.nodes = this.factory.forResource<Node>('nodes');
    this.load = new LoadModel(ctx.load, apiserverPodView(ctx));
    this.api = new MetricsAPI({ sim: ctx.sim, epochMs: ctx.epochMs, client, nodes: this.nodes, pods: this.podStorage, nodeStorage: this.nodeStorage });
    this.scraper = new Scraper(ctx.sim, ctx.sim.rng.fork(METRICS_SERVER), (node) => {
      const kubelet = ctx.lookup(`kubelet/${node}`);
      return isKubeletEndpoint(kubelet) ? kubelet : undefined;
    }, this.load);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    this.ctx.apiserver.aggregator.register({
      group: METRICS_GROUP, version: METRICS_VERSION, resources: METRICS_RESOURCES,
      available: () => this.running && (this.nodeStorage.ready || this.podStorage.ready),
      serve: (req) => spawn(this.api.serve(req)),
    });
    this.factory.start();
    waitForCacheSync(this.ctx.sim, [this.nodes]).then(() => spawn(this.runScrape(generation)));
  }

  /** stop kills the process: the APIService stays registered but is no longer Available. */
  stop(): void {
    this.running = false;
    this.factory.stop();
  }

  /** runScrape ticks every resolution from the first tick (time.NewTicker), storing each batch. */
  private *runScrape(generation: number): Task<void> {
    let tickMs = this.ctx.sim.nowMs;
    while (this.running && generation === this.generation) {
      const nodes = (this.nodes.indexer.list() as Node[]).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
      const result = yield* wait(this.scraper.scrape(nodes));
      if (!this.running || generation !== this.generation) return;
      this.nodeStorage.store(result.batch);
      this.podStorage.store(result.batch);
      if (this.ctx.sim.trace.enabled) this.ctx.sim.emit({ component: METRICS_SERVER, kind: 'metrics.scrape', nodes: result.batch.nodes.size, pods: result.batch.pods.size, failedNodes: result.failedNodes, durationMs: this.ctx.sim.nowMs - tickMs });
      tickMs += this.metricResolutionMs;
      if (tickMs > this.ctx.sim.nowMs) yield* wait(this.ctx.sim.sleep(tickMs - this.ctx.sim.nowMs));
    }
  }
}

/** apiserverPodView reads pods from the apiserver's watch cache (the load model is physics, not a client). */
export function apiserverPodView(ctx: ComponentContext): PodView {
  const info = resourceInfo('pods');
  const cacher = () => ctx.apiserver.ctx.cachers.get('pods');
  return {
    get: (namespace, name) => cacher()?.get(storageKey(info, namespace, name)) as Pod | undefined,
    list: (namespace) => {
      const listed = cacher()?.list({ namespace });
      return listed?.ok ? (listed.items as Pod[]) : [];
    },
  };
}

/** metricsServerFactory adds metrics-server to a cluster (Cluster.boot). */
export const metricsServerFactory: ComponentFactory = (ctx) => [new MetricsServer(ctx)];
