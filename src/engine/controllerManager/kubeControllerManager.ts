import type { Component, ComponentFactory } from '../cluster';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import type { ApiClient } from '../client/client';
import { candidateIdentity, DEFAULT_LEASE_TIMING, LeaderElector, STATIC_POD_RESTART_MS } from '../client/leaderelection/leaderElector';
import { EventRecorder } from '../client/record/eventRecorder';
import { controlPlaneReplicas, DEFAULT_CONTROL_PLANE_HOST } from '../controlPlane';
import type { Timer } from '../sim/simulator';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import { newControllerContext } from './controllerContext';
import { CONTROLLER_DESCRIPTORS, type ControllerOptions, type RunningController } from './controllerDescriptors';

export const KUBE_CONTROLLER_MANAGER = 'kube-controller-manager';

export interface KubeControllerManagerOptions extends Partial<ControllerOptions> {
  /** --controllers: the controllers to start, by name (default: all of CONTROLLER_DESCRIPTORS). */
  controllers?: readonly string[];
  /** instanceName names the replica (kube-controller-manager, kube-controller-manager-2, ...). */
  instanceName?: string;
  /** host is the control-plane machine (the leader-election identity's prefix). */
  host?: string;
  /** leaderElect is --leader-elect (true, as kubeadm runs it). */
  leaderElect?: boolean;
}


/**
 * KubeControllerManager is the kube-controller-manager process: one SharedInformerFactory shared by
 * every controller (one pod cache however many controllers watch pods) and the controllers of
 * cmd/kube-controller-manager/app/controllermanager.go NewControllerDescriptors, each started with
 * its --concurrent-*-syncs worker count. With --leader-elect (kubeadm's default) a replica starts
 * its informers and controllers only once it holds the `kube-controller-manager` Lease in
 * kube-system; a leader that cannot renew exits ("leaderelection lost") and its static pod is
 * restarted by the kubelet, as a standby.
 *
 * @example
 * const cluster = Cluster.boot(spec, [kubeControllerManagerFactory]);
 * const kcm = cluster.component<KubeControllerManager>('kube-controller-manager');
 */
export class KubeControllerManager implements Component {
  readonly name: string;
  /** host is the control-plane machine this replica runs on. */
  readonly host: string;
  informerFactory: SharedInformerFactory;
  controllers = new Map<string, RunningController>();
  elector: LeaderElector | undefined;
  private readonly options: ControllerOptions;
  private readonly client: ApiClient;
  private running = false;
  private controllersStarted = false;
  private restart: Timer | undefined;
  private starts = 0;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly settings: KubeControllerManagerOptions = {},
  ) {
    this.name = settings.instanceName ?? KUBE_CONTROLLER_MANAGER;
    this.host = settings.host ?? DEFAULT_CONTROL_PLANE_HOST;
    this.client = clientFor(ctx, USERS.controllerManager, KUBE_CONTROLLER_MANAGER);
    this.informerFactory = new SharedInformerFactory(ctx.sim, this.client, KUBE_CONTROLLER_MANAGER);
    this.options = { ...defaultControllerOptions(), ...settings };
  }

  /** running is whether the process is up (a standby is running but not leading). */
  get isRunning(): boolean {
    return this.running;
  }

  get isLeader(): boolean {
    return this.controllersStarted;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.settings.leaderElect === false) return this.startControllers();
    const rng = this.ctx.sim.rng.fork(`${this.name}#${this.starts++}`);
    const recorder = new EventRecorder(this.ctx.sim, this.client, { component: KUBE_CONTROLLER_MANAGER }, this.ctx.epochMs, rng.fork('events'));
    this.elector = new LeaderElector(this.ctx.sim, this.client, rng, {
      namespace: 'kube-system',
      name: KUBE_CONTROLLER_MANAGER,
      identity: candidateIdentity(this.host, rng),
      ...DEFAULT_LEASE_TIMING,
      epochMs: this.ctx.epochMs,
      component: this.name,
      onStartedLeading: () => this.startControllers(),
      onStoppedLeading: () => this.exitAndRestart(),
    }, recorder);
    this.elector.run();
  }

  /** stop kills the process: no Lease release, the standbys wait for it to expire. */
  stop(): void {
    this.running = false;
    this.ctx.sim.cancel(this.restart);
    this.restart = undefined;
    this.elector?.stop();
    this.stopControllers();
  }

  /** controller returns a running controller by name (tests and the UI inspect queues through it). */
  controller<T>(name: string): T | undefined {
    return this.controllers.get(name)?.controller as T | undefined;
  }

  private startControllers(): void {
    if (this.controllersStarted) return;
    this.controllersStarted = true;
    if (this.starts > 1 || this.controllers.size > 0) this.informerFactory = new SharedInformerFactory(this.ctx.sim, this.client, KUBE_CONTROLLER_MANAGER);
    this.controllers = new Map();
    const controllerContext = newControllerContext(this.ctx, this.informerFactory);
    const enabled = this.settings.controllers;
    for (const descriptor of CONTROLLER_DESCRIPTORS) {
      if (enabled && !enabled.includes(descriptor.name)) continue;
      this.controllers.set(descriptor.name, descriptor.init(controllerContext, this.options));
    }
    this.informerFactory.start();
  }

  private stopControllers(): void {
    if (!this.controllersStarted) return;
    this.controllersStarted = false;
    for (const controller of this.controllers.values()) controller.queues.forEach((queue) => queue.shutDown());
    this.informerFactory.stop();
  }

  /** exitAndRestart: the process exits on a lost lease; the kubelet starts it again later. */
  private exitAndRestart(): void {
    this.stop();
    this.restart = this.ctx.sim.after(STATIC_POD_RESTART_MS, () => this.start());
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
export const kubeControllerManagerFactory: ComponentFactory = (ctx, spec) => controlPlaneReplicas(spec.controlPlane?.controllerManagers).map((r) => new KubeControllerManager(ctx, { instanceName: r.index === 1 ? KUBE_CONTROLLER_MANAGER : `${KUBE_CONTROLLER_MANAGER}-${r.index}`, host: r.host }));

/** kubeControllerManagerFactoryWith builds the factory with flags (e.g. a subset of controllers). */
export function kubeControllerManagerFactoryWith(options: KubeControllerManagerOptions): ComponentFactory {
  return (ctx) => [new KubeControllerManager(ctx, options)];
}
