import type { Component, ComponentFactory } from '../cluster';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import { newControllerContext } from './controllerContext';
import { CONTROLLER_DESCRIPTORS, type ControllerOptions, type RunningController } from './controllerDescriptors';

export const KUBE_CONTROLLER_MANAGER = 'kube-controller-manager';

export interface KubeControllerManagerOptions extends Partial<ControllerOptions> {
  /** --controllers: the controllers to start, by name (default: all of CONTROLLER_DESCRIPTORS). */
  controllers?: readonly string[];
}

/**
 * KubeControllerManager is the kube-controller-manager process: one SharedInformerFactory shared by
 * every controller (one pod cache however many controllers watch pods) and the controllers of
 * cmd/kube-controller-manager/app/controllermanager.go NewControllerDescriptors, each started with
 * its --concurrent-*-syncs worker count.
 *
 * @example
 * const cluster = Cluster.boot(spec, [kubeControllerManagerFactory]);
 * const kcm = cluster.component<KubeControllerManager>('kube-controller-manager');
 */
export class KubeControllerManager implements Component {
  readonly name = KUBE_CONTROLLER_MANAGER;
  readonly informerFactory: SharedInformerFactory;
  readonly controllers = new Map<string, RunningController>();
  private readonly options: ControllerOptions;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly settings: KubeControllerManagerOptions = {},
  ) {
    const client = clientFor(ctx, USERS.controllerManager, KUBE_CONTROLLER_MANAGER);
    this.informerFactory = new SharedInformerFactory(ctx.sim, client, KUBE_CONTROLLER_MANAGER);
    this.options = { ...defaultControllerOptions(), ...settings };
  }

  start(): void {
    const controllerContext = newControllerContext(this.ctx, this.informerFactory);
    const enabled = this.settings.controllers;
    for (const descriptor of CONTROLLER_DESCRIPTORS) {
      if (enabled && !enabled.includes(descriptor.name)) continue;
      this.controllers.set(descriptor.name, descriptor.init(controllerContext, this.options));
    }
    this.informerFactory.start();
  }

  stop(): void {
    for (const controller of this.controllers.values()) controller.queues.forEach((queue) => queue.shutDown());
    this.informerFactory.stop();
  }

  /** controller returns a running controller by name (tests and the UI inspect queues through it). */
  controller<T>(name: string): T | undefined {
    return this.controllers.get(name)?.controller as T | undefined;
  }
}

/** defaultControllerOptions are kube-controller-manager v1.32's flag defaults. */
export function defaultControllerOptions(): ControllerOptions {
  return {
    concurrentDeploymentSyncs: 5,
    concurrentReplicaSetSyncs: 5,
    concurrentEndpointSyncs: 5,
    concurrentServiceEndpointSyncs: 5,
    concurrentGCSyncs: 20,
    concurrentNamespaceSyncs: 10,
    rootCAPEM: undefined,
  };
}

/** kubeControllerManagerFactory adds kube-controller-manager to a cluster (Cluster.boot). */
export const kubeControllerManagerFactory: ComponentFactory = (ctx) => [new KubeControllerManager(ctx)];

/** kubeControllerManagerFactoryWith builds the factory with flags (e.g. a subset of controllers). */
export function kubeControllerManagerFactoryWith(options: KubeControllerManagerOptions): ComponentFactory {
  return (ctx) => [new KubeControllerManager(ctx, options)];
}
