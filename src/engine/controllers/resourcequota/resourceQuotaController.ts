// Mirrors pkg/controller/resourcequota (resource_quota_controller.go syncResourceQuota, the
// replenishment of resource_quota_monitor.go) in v1.32: status.hard follows spec.hard and
// status.used is recounted from the namespace's objects — when a quota is created or changed, when
// a pod is deleted or finishes (its usage is released at once), and on every full resync
// (--resource-quota-sync-period, 5 m).
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { namespacedName, type KubeObject, type Stored } from '../../api/object';
import { findResource } from '../../api/resources';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import { formatQuantity, parseQuantity } from '../../kubectl/printers/table/quantity';
import { add, usageOf, type Usage } from '../../quota/evaluator';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { stableStringify } from '../equality';
import { errorOf, type ControllerClient, type SyncError } from '../types';

export const RESOURCE_QUOTA_CONTROLLER = 'resourcequota-controller';
/** RESYNC_PERIOD_MS is --resource-quota-sync-period (5 m). */
export const RESYNC_PERIOD_MS = 300_000;

const POD_RESOURCES = new Set(['pods', 'count/pods', 'cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

export interface ResourceQuotaControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  quotas: SharedIndexInformer<ResourceQuota>;
  pods: SharedIndexInformer<Pod>;
}

export class ResourceQuotaController {
  readonly queue: RateLimitingQueue;
  private readonly sim: Simulator;
  private readonly epochMs: number;
  private readonly client: ControllerClient;
  private readonly quotas: SharedIndexInformer<ResourceQuota>;
  private readonly pods: SharedIndexInformer<Pod>;

  constructor(options: ResourceQuotaControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, quotas: this.quotas, pods: this.pods } = options);
    this.queue = new RateLimitingQueue(this.sim, 'resourcequota_primary', RESOURCE_QUOTA_CONTROLLER);
    this.quotas.addEventHandler({
      add: (q) => this.queue.add(namespacedName(q)),
      // A change of spec.hard, or a status that does not match it yet, needs a recount.
      update: (_old, cur) => {
        if (stableStringify(cur.spec?.hard ?? {}) !== stableStringify(cur.status?.hard ?? {})) this.queue.add(namespacedName(cur));
      },
    });
    this.pods.addEventHandler({
      update: (old, cur) => {
        if (!isTerminal(old) && isTerminal(cur)) this.replenish(cur.metadata.namespace);
      },
      delete: (pod) => this.replenish(pod.metadata.namespace),
    });
  }

  run(workers: number): void {
    waitForCacheSync(this.sim, [this.quotas, this.pods]).then(() => {
      runWorkers(this.sim, this.queue, workers, RESOURCE_QUOTA_CONTROLLER, (key) => this.syncResourceQuota(key));
      this.resyncEvery();
    });
  }

  private resyncEvery(): void {
    this.sim.after(RESYNC_PERIOD_MS, () => {
      for (const q of this.quotas.indexer.list()) this.queue.add(namespacedName(q));
      this.resyncEvery();
    });
  }

  /** replenish recounts every quota of the namespace (a pod released its usage). */
  private replenish(namespace: string | undefined): void {
    for (const q of this.quotas.indexer.byIndex('namespace', namespace ?? '')) this.queue.add(namespacedName(q));
  }

  /** syncResourceQuota sets status.hard = spec.hard and status.used = the recount of every hard resource. */
  *syncResourceQuota(key: string): Task<SyncError> {
    const quota = this.quotas.indexer.get(key) as Stored<ResourceQuota> | undefined;
    if (!quota) return undefined;
    const namespace = quota.metadata.namespace ?? '';
    const hard = quota.spec?.hard ?? {};
    let total: Usage = new Map();
    if (Object.keys(hard).some((r) => POD_RESOURCES.has(r))) {
      for (const pod of this.pods.indexer.byIndex('namespace', namespace) as Stored<Pod>[]) total = add(total, usageOf(pod, this.sim.nowMs, this.epochMs) ?? new Map());
    }
    for (const resource of countedResources(Object.keys(hard))) {
      const listed = yield* wait(this.client.list(resource, namespace));
      if (!listed.ok) return errorOf(listed);
      for (const item of listed.object.items as KubeObject[]) total = add(total, usageOf(item, this.sim.nowMs, this.epochMs) ?? new Map());
    }
    const used: Record<string, string> = {};
    for (const name of Object.keys(hard)) used[name] = formatQuantity(total.get(name) ?? parseQuantity(0));
    const status = { hard: { ...hard }, used };
    if (stableStringify(quota.status ?? {}) === stableStringify(status)) return undefined;
    const updated = yield* wait(this.client.updateStatus('resourcequotas', { ...quota, status }));
    return errorOf(updated);
  }
}

/** countedResources: the non-pod resources a quota's hard list counts (`services`, `count/deployments.apps`). */
function countedResources(hard: string[]): string[] {
  const out = new Set<string>();
  for (const name of hard) {
    if (POD_RESOURCES.has(name)) continue;
    const plain = name.startsWith('services.') ? 'services' : name.startsWith('count/') ? name.slice(6).split('.')[0] : name;
    if (findResource(plain)?.namespaced) out.add(plain);
  }
  return [...out].sort();
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
