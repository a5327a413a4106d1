import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Endpoints, Namespace, Node, Pod, ResourceQuota, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { RESOURCES } from '../api/resources';
import type { RateLimitingQueue } from '../client/workqueue/queue';
import { DEPLOYMENT_CONTROLLER, DeploymentController } from '../controllers/deployment/deploymentController';
import { ENDPOINT_CONTROLLER, EndpointsController } from '../controllers/endpoint/endpointsController';
import { ENDPOINTSLICE_CONTROLLER, EndpointSliceController } from '../controllers/endpointslice/endpointSliceController';
import { GarbageCollector } from '../controllers/garbagecollector/garbageCollector';
import { GARBAGE_COLLECTOR } from '../controllers/garbagecollector/operations';
import { NAMESPACE_CONTROLLER } from '../controllers/namespace/deletion/namespacedResourcesDeleter';
import { NamespaceController } from '../controllers/namespace/namespaceController';
import { REPLICASET_CONTROLLER, ReplicaSetController } from '../controllers/replicaset/replicaSetController';
import { Publisher, ROOT_CA_CERT_PUBLISHER } from '../controllers/rootcacertpublisher/publisher';
import { fakeRootCAPEM } from '../controllers/rootcacertpublisher/rootCA';
import { SERVICE_ACCOUNT_CONTROLLER, ServiceAccountsController } from '../controllers/serviceaccount/serviceAccountsController';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { NODE_CONTROLLER_SOURCE, NODE_LIFECYCLE_CONTROLLER, NodeLifecycleController } from '../controllers/nodelifecycle/nodeLifecycleController';
import { TAINT_EVICTION_CONTROLLER, TaintEvictionController } from '../controllers/tainteviction/taintEvictionController';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { CRONJOB_CONTROLLER, CronJobController } from '../controllers/cronjob/cronJobController';
import { STATEFULSET_CONTROLLER, StatefulSetController } from '../controllers/statefulset/statefulSetController';
import { JOB_CONTROLLER, JobController } from '../controllers/job/jobController';
import { RESOURCE_QUOTA_CONTROLLER, ResourceQuotaController } from '../controllers/resourcequota/resourceQuotaController';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { HPA_CONTROLLER, defaultHPAControllerConfiguration, type HPAControllerConfiguration } from '../controllers/podautoscaler/config';
import { HorizontalController } from '../controllers/podautoscaler/horizontal';
import { RestMetricsClient } from '../controllers/podautoscaler/metrics/restMetricsClient';
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { PersistentVolumeController, PV_BINDER_CONTROLLER, PV_CONTROLLER_SOURCE } from '../controllers/volume/persistentvolume/pvController';
import { PV_PROTECTION_CONTROLLER, PVC_PROTECTION_CONTROLLER, PVCProtectionController, PVProtectionController } from '../controllers/volume/protection/protectionController';
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import { DAEMONSET_CONTROLLER, DaemonSetsController } from '../controllers/daemon/daemonSetController';
import type { ControllerContext } from './controllerContext';

/** ControllerOptions are the kube-controller-manager flags the controllers read. */
export interface ControllerOptions {
  /** --concurrent-deployment-syncs (5). */
  concurrentDeploymentSyncs: number;
  /** --concurrent-replicaset-syncs (5). */
  concurrentReplicaSetSyncs: number;
  /** --concurrent-endpoint-syncs (5). */
  concurrentEndpointSyncs: number;
  /** --concurrent-service-endpoint-syncs (5, the EndpointSlice controller). */
  concurrentServiceEndpointSyncs: number;
  /** --concurrent-gc-syncs (20). */
  concurrentGCSyncs: number;
  /** --concurrent-namespace-syncs (10). */
  concurrentNamespaceSyncs: number;
  /** --concurrent-daemonset-syncs (2). */
  concurrentDaemonSetSyncs?: number;
  /** The cluster CA published as kube-root-ca.crt (a generated fake when unset). */
  rootCAPEM: string | undefined;
  /** --horizontal-pod-autoscaler-* flags that differ from the v1.32 defaults. */
  horizontalPodAutoscaler?: Partial<HPAControllerConfiguration>;
}

/** RunningController is a started controller and the queues the UI may draw. */
export interface RunningController {
  controller: unknown;
  queues: RateLimitingQueue[];
}

/** ControllerDescriptor mirrors cmd/kube-controller-manager/app ControllerDescriptor: a name and an init function. */
export interface ControllerDescriptor {
  name: string;
  init(ctx: ControllerContext, options: ControllerOptions): RunningController;
}

/**
 * CONTROLLER_DESCRIPTORS are the controllers this simulator runs, under their v1.32 names
 * (cmd/kube-controller-manager/names), in NewControllerDescriptors order.
 */
export const CONTROLLER_DESCRIPTORS: readonly ControllerDescriptor[] = [
  {
    name: 'deployment-controller',
    init(ctx, options) {
      const client = ctx.clientFor('deployment-controller', DEPLOYMENT_CONTROLLER);
      const controller = new DeploymentController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(DEPLOYMENT_CONTROLLER, client),
        deployments: ctx.informerFactory.forResource<Deployment>('deployments'),
        replicaSets: ctx.informerFactory.forResource<ReplicaSet>('replicasets'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      controller.run(options.concurrentDeploymentSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'replicaset-controller',
    init(ctx, options) {
      const client = ctx.clientFor('replicaset-controller', REPLICASET_CONTROLLER);
      const controller = new ReplicaSetController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(REPLICASET_CONTROLLER, client),
        replicaSets: ctx.informerFactory.forResource<ReplicaSet>('replicasets'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      controller.run(options.concurrentReplicaSetSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'daemonset-controller',
    init(ctx, options) {
      const client = ctx.clientFor('daemon-set-controller', DAEMONSET_CONTROLLER);
      const controller = new DaemonSetsController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(DAEMONSET_CONTROLLER, client),
        daemonSets: ctx.informerFactory.forResource<DaemonSet>('daemonsets'),
        revisions: ctx.informerFactory.forResource<ControllerRevision>('controllerrevisions'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        nodes: ctx.informerFactory.forResource<Node>('nodes'),
      });
      controller.run(options.concurrentDaemonSetSyncs ?? 2);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'endpoints-controller',
    init(ctx, options) {
      const client = ctx.clientFor('endpoint-controller', ENDPOINT_CONTROLLER);
      const controller = new EndpointsController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(ENDPOINT_CONTROLLER, client),
        services: ctx.informerFactory.forResource<Service>('services'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        endpoints: ctx.informerFactory.forResource<Endpoints>('endpoints'),
      });
      controller.run(options.concurrentEndpointSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'endpointslice-controller',
    init(ctx, options) {
      const controller = new EndpointSliceController({
        sim: ctx.sim, epochMs: ctx.epochMs, client: ctx.clientFor('endpointslice-controller', ENDPOINTSLICE_CONTROLLER),
        services: ctx.informerFactory.forResource<Service>('services'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        nodes: ctx.informerFactory.forResource<Node>('nodes'),
        endpointSlices: ctx.informerFactory.forResource<EndpointSlice>('endpointslices'),
      });
      controller.run(options.concurrentServiceEndpointSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'garbage-collector-controller',
    init(ctx, options) {
      // Upstream monitors every deletable resource through metadata informers; events are ignored.
      const monitors = RESOURCES.filter((info) => info.resource !== 'events').map((info) => ctx.informerFactory.forResource(info.resource));
      const controller = new GarbageCollector({ sim: ctx.sim, client: ctx.clientFor('generic-garbage-collector', GARBAGE_COLLECTOR), monitors });
      controller.run(options.concurrentGCSyncs);
      return { controller, queues: [controller.attemptToDelete, controller.attemptToOrphan] };
    },
  },
  {
    name: 'namespace-controller',
    init(ctx, options) {
      const controller = new NamespaceController({
        sim: ctx.sim, epochMs: ctx.epochMs, client: ctx.clientFor('namespace-controller', NAMESPACE_CONTROLLER),
        namespaces: ctx.informerFactory.forResource<Namespace>('namespaces'),
      });
      controller.run(options.concurrentNamespaceSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'serviceaccount-controller',
    init(ctx) {
      const controller = new ServiceAccountsController({
        sim: ctx.sim, client: ctx.clientFor('service-account-controller', SERVICE_ACCOUNT_CONTROLLER),
        serviceAccounts: ctx.informerFactory.forResource<ServiceAccount>('serviceaccounts'),
        namespaces: ctx.informerFactory.forResource<Namespace>('namespaces'),
      });
      controller.run(1);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: 'root-ca-certificate-publisher-controller',
    init(ctx, options) {
      const controller = new Publisher({
        sim: ctx.sim, client: ctx.clientFor('root-ca-cert-publisher', ROOT_CA_CERT_PUBLISHER),
        configMaps: ctx.informerFactory.forResource<ConfigMap>('configmaps'),
        namespaces: ctx.informerFactory.forResource<Namespace>('namespaces'),
        rootCA: options.rootCAPEM ?? fakeRootCAPEM(ctx.sim.rng.fork('cluster-ca')),
      });
      controller.run(1);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: RESOURCE_QUOTA_CONTROLLER,
    init(ctx) {
      const controller = new ResourceQuotaController({
        sim: ctx.sim, epochMs: ctx.epochMs, client: ctx.clientFor('resourcequota-controller', RESOURCE_QUOTA_CONTROLLER),
        quotas: ctx.informerFactory.forResource<ResourceQuota>('resourcequotas'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      // --concurrent-resource-quota-syncs (5).
      controller.run(5);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: JOB_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('job-controller', JOB_CONTROLLER);
      const controller = new JobController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(JOB_CONTROLLER, client),
        jobs: ctx.informerFactory.forResource<Job>('jobs'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      // --concurrent-job-syncs (5).
      controller.run(5);
      return { controller, queues: [controller.queue, controller.orphanQueue] };
    },
  },
  {
    // Upstream registers it after the disruption controller, just before the CronJob controller.
    name: STATEFULSET_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('statefulset-controller', STATEFULSET_CONTROLLER);
      const controller = new StatefulSetController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(STATEFULSET_CONTROLLER, client),
        statefulSets: ctx.informerFactory.forResource<StatefulSet>('statefulsets'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        revisions: ctx.informerFactory.forResource<ControllerRevision>('controllerrevisions'),
        claims: ctx.informerFactory.forResource<PersistentVolumeClaim>('persistentvolumeclaims'),
      });
      // --concurrent-statefulset-syncs (5).
      controller.run(5);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: CRONJOB_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('cronjob-controller', CRONJOB_CONTROLLER);
      const controller = new CronJobController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(CRONJOB_CONTROLLER, client),
        cronJobs: ctx.informerFactory.forResource<CronJob>('cronjobs'),
        jobs: ctx.informerFactory.forResource<Job>('jobs'),
      });
      // --concurrent-cron-job-syncs (5).
      controller.run(5);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: NODE_LIFECYCLE_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('node-controller', NODE_LIFECYCLE_CONTROLLER);
      const controller = new NodeLifecycleController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(NODE_CONTROLLER_SOURCE, client),
        nodes: ctx.informerFactory.forResource<Node>('nodes'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        leases: ctx.informerFactory.forResource<Lease>('leases'),
      });
      controller.run();
      return { controller, queues: [controller.nodeUpdateQueue, controller.podUpdateQueue] };
    },
  },
  {
    // The taint manager reuses the node-controller service account (startTaintEvictionController).
    name: TAINT_EVICTION_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('node-controller', TAINT_EVICTION_CONTROLLER);
      const controller = new TaintEvictionController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(TAINT_EVICTION_CONTROLLER, client),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        nodes: ctx.informerFactory.forResource<Node>('nodes'),
      });
      controller.run();
      return { controller, queues: [controller.nodeUpdateQueue, controller.podUpdateQueue] };
    },
  },
  {
    name: 'horizontal-pod-autoscaler-controller',
    init(ctx, options) {
      const config = { ...defaultHPAControllerConfiguration(), ...options.horizontalPodAutoscaler };
      const client = ctx.clientFor('horizontal-pod-autoscaler', HPA_CONTROLLER);
      const controller = new HorizontalController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(HPA_CONTROLLER, client),
        metricsClient: new RestMetricsClient(client, ctx.epochMs),
        hpas: ctx.informerFactory.forResource<HorizontalPodAutoscaler>('horizontalpodautoscalers'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
        config,
      });
      controller.run(config.concurrentSyncs);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: PV_BINDER_CONTROLLER,
    init(ctx) {
      const client = ctx.clientFor('persistent-volume-binder', PV_BINDER_CONTROLLER);
      const controller = new PersistentVolumeController({
        sim: ctx.sim, epochMs: ctx.epochMs, client, recorder: ctx.recorderFor(PV_CONTROLLER_SOURCE, client),
        volumes: ctx.informerFactory.forResource<PersistentVolume>('persistentvolumes'),
        claims: ctx.informerFactory.forResource<PersistentVolumeClaim>('persistentvolumeclaims'),
        classes: ctx.informerFactory.forResource<StorageClass>('storageclasses'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      controller.run();
      return { controller, queues: [controller.claimQueue, controller.volumeQueue] };
    },
  },
  {
    name: PVC_PROTECTION_CONTROLLER,
    init(ctx) {
      const controller = new PVCProtectionController({
        sim: ctx.sim, client: ctx.clientFor('pvc-protection-controller', PVC_PROTECTION_CONTROLLER),
        claims: ctx.informerFactory.forResource<PersistentVolumeClaim>('persistentvolumeclaims'),
        pods: ctx.informerFactory.forResource<Pod>('pods'),
      });
      controller.run(1);
      return { controller, queues: [controller.queue] };
    },
  },
  {
    name: PV_PROTECTION_CONTROLLER,
    init(ctx) {
      const controller = new PVProtectionController({
        sim: ctx.sim, client: ctx.clientFor('pv-protection-controller', PV_PROTECTION_CONTROLLER),
        volumes: ctx.informerFactory.forResource<PersistentVolume>('persistentvolumes'),
      });
      controller.run(1);
      return { controller, queues: [controller.queue] };
    },
  },
];
