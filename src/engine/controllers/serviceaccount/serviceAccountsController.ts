// Mirrors kubernetes pkg/controller/serviceaccount/serviceaccounts_controller.go.

import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isAlreadyExists, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from '../types';

export const SERVICE_ACCOUNT_CONTROLLER = 'serviceaccount-controller';
/** SERVICE_ACCOUNTS_TO_ENSURE: DefaultServiceAccountsControllerOptions ensures only `default`. */
export const SERVICE_ACCOUNTS_TO_ENSURE = ['default'];

export interface ServiceAccountsControllerOptions {
  sim: Simulator;
  client: ControllerClient;
  serviceAccounts: SharedIndexInformer<ServiceAccount>;
  namespaces: SharedIndexInformer<Namespace>;
}

/**
 * ServiceAccountsController makes sure every active namespace has a `default` ServiceAccount
 * (the ServiceAccount admission plugin refuses pods until it exists), recreating it if deleted.
 */
export class ServiceAccountsController {
  readonly queue: RateLimitingQueue;

  constructor(private readonly options: ServiceAccountsControllerOptions) {
    this.queue = new RateLimitingQueue(options.sim, 'serviceaccount', SERVICE_ACCOUNT_CONTROLLER);
    options.serviceAccounts.addEventHandler({
      delete: (sa) => {
        if (SERVICE_ACCOUNTS_TO_ENSURE.includes(sa.metadata.name)) this.queue.add(sa.metadata.namespace ?? '');
      },
    });
    options.namespaces.addEventHandler({
      add: (ns) => this.queue.add(ns.metadata.name),
      update: (_old, cur) => this.queue.add(cur.metadata.name),
    });
  }

  /** run starts the single worker kube-controller-manager gives this controller. */
  run(workers = 1): void {
    const { sim, serviceAccounts, namespaces } = this.options;
    waitForCacheSync(sim, [serviceAccounts, namespaces]).then(() =>
      runWorkers(sim, this.queue, workers, SERVICE_ACCOUNT_CONTROLLER, (key) => this.syncNamespace(key)),
    );
  }

  /** syncNamespace creates the missing ServiceAccounts of one active namespace. */
  *syncNamespace(key: string): Task<SyncError> {
    const ns = this.options.namespaces.indexer.get(key) as Stored<Namespace> | undefined;
    if (!ns || ns.status?.phase !== 'Active') return undefined;
    let firstErr: SyncError;
    for (const name of SERVICE_ACCOUNTS_TO_ENSURE) {
      if (this.options.serviceAccounts.indexer.get(`${key}/${name}`)) continue;
      const sa: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: key } };
      traceDecision(this.options.sim, SERVICE_ACCOUNT_CONTROLLER, 'serviceaccount.create', refOf(ns), { serviceAccount: name });
      const created = yield* wait(this.options.client.create('serviceaccounts', sa));
      if (created.ok || isAlreadyExists(created) || hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE)) continue;
      firstErr ??= errorOf(created);
    }
    return firstErr;
  }
}
