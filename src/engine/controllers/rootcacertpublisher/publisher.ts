// Mirrors kubernetes pkg/controller/certificates/rootcacertpublisher/publisher.go.

import type { ConfigMap, Namespace } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { jsonEqual } from '../equality';
import { refOf, traceDecision } from '../trace';
import { errorOf, hasStatusCause, isNotFound, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from '../types';

export const ROOT_CA_CERT_PUBLISHER = 'root-ca-cert-publisher';
export const ROOT_CA_CERT_CONFIG_MAP_NAME = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export interface PublisherOptions {
  sim: Simulator;
  client: ControllerClient;
  configMaps: SharedIndexInformer<ConfigMap>;
  namespaces: SharedIndexInformer<Namespace>;
  rootCA: string;
}

/**
 * Publisher puts the cluster CA into a `kube-root-ca.crt` ConfigMap in every namespace (projected
 * service account volumes mount it as ca.crt) and puts it back if someone edits or deletes it.
 */
export class Publisher {
  readonly queue: RateLimitingQueue;

  constructor(private readonly options: PublisherOptions) {
    this.queue = new RateLimitingQueue(options.sim, 'root_ca_cert_publisher', ROOT_CA_CERT_PUBLISHER);
    const onConfigMap = (cm: Stored<ConfigMap>) => {
      if (cm.metadata.name === ROOT_CA_CERT_CONFIG_MAP_NAME) this.queue.add(cm.metadata.namespace ?? '');
    };
    options.configMaps.addEventHandler({ update: (_old, cur) => onConfigMap(cur), delete: onConfigMap });
    options.namespaces.addEventHandler({
      add: (ns) => this.queue.add(ns.metadata.name),
      update: (_old, cur) => {
        if (cur.status?.phase === 'Active') this.queue.add(cur.metadata.name);
      },
    });
  }

  run(workers = 1): void {
    const { sim, configMaps, namespaces } = this.options;
    waitForCacheSync(sim, [configMaps, namespaces]).then(() =>
      runWorkers(sim, this.queue, workers, ROOT_CA_CERT_PUBLISHER, (key) => this.syncNamespace(key)),
    );
  }

  /** syncNamespace creates the ConfigMap, or restores its data and description annotation. */
  *syncNamespace(namespace: string): Task<SyncError> {
    const { client, configMaps, rootCA, sim } = this.options;
    const data = { 'ca.crt': rootCA };
    const cm = configMaps.indexer.get(`${namespace}/${ROOT_CA_CERT_CONFIG_MAP_NAME}`) as Stored<ConfigMap> | undefined;
    if (!cm) {
      const fresh: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CERT_CONFIG_MAP_NAME, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } }, data };
      traceDecision(sim, ROOT_CA_CERT_PUBLISHER, 'rootcacert.publish', { kind: 'ConfigMap', namespace, name: ROOT_CA_CERT_CONFIG_MAP_NAME });
      const created = yield* wait(client.create('configmaps', fresh));
      if (created.ok || isNotFound(created) || hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE)) return undefined;
      return errorOf(created);
    }
    if (jsonEqual(cm.data ?? {}, data) && (cm.metadata.annotations?.[DESCRIPTION_ANNOTATION] ?? '').length > 0) return undefined;
    const copy = deepClone(cm);
    copy.data = data;
    copy.metadata.annotations = { ...copy.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
    traceDecision(sim, ROOT_CA_CERT_PUBLISHER, 'rootcacert.restore', refOf(cm));
    return errorOf(yield* wait(client.update('configmaps', copy)));
  }
}
