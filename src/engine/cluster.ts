import type { ApiServerOptions } from './apiserver/server';
import { ApiServer } from './apiserver/server';
import { bootstrapObjects } from './apiserver/bootstrap';
import { ApiClient } from './client/client';
import type { ClusterSpec } from './clusterSpec';
import { USERS, type ComponentContext } from './componentContext';
import { SingleMemberEtcd } from './etcd/singleMember';
import { Future } from './sim/future';
import { Simulator } from './sim/simulator';
import { spawn } from './sim/task';

/** A cluster component with a lifecycle (kube-scheduler, a kubelet, kube-controller-manager, ...). */
export interface Component {
  readonly name: string;
  start(): void;
  stop?(): void;
}

export type ComponentFactory = (ctx: ComponentContext, spec: ClusterSpec) => Component[];

/**
 * Cluster wires one simulated Kubernetes cluster: simulator, etcd, kube-apiserver and the
 * components that `componentFactories` build (controller manager, scheduler, one kubelet per
 * node, ...). It is the engine's public entry: views and the CLI talk to the cluster through it.
 *
 * @example
 * const cluster = Cluster.boot(spec);
 * cluster.runUntil(10_000);
 */
export class Cluster {
  readonly sim: Simulator;
  readonly etcd: SingleMemberEtcd;
  readonly apiserver: ApiServer;
  readonly components: Component[] = [];
  readonly ctx: ComponentContext;
  /** ready settles once the apiserver has bootstrapped and every component has started. */
  readonly ready = new Future<void>();

  private constructor(
    readonly spec: ClusterSpec,
    factories: ComponentFactory[],
    apiserverOptions: ApiServerOptions,
  ) {
    this.sim = new Simulator(spec.seed);
    this.etcd = new SingleMemberEtcd(this.sim, 'etcd-1');
    this.apiserver = new ApiServer(this.sim, this.etcd, { epochMs: spec.epochMs, ...apiserverOptions });
    this.ctx = { sim: this.sim, apiserver: this.apiserver, epochMs: spec.epochMs };
    for (const factory of factories) this.components.push(...factory(this.ctx, spec));
  }

  /** boot starts the control plane at sim time 0; components start once the apiserver is ready. */
  static boot(spec: ClusterSpec, factories: ComponentFactory[] = [], apiserverOptions: ApiServerOptions = {}): Cluster {
    const cluster = new Cluster(spec, factories, apiserverOptions);
    cluster.apiserver.start();
    cluster.apiserver.ready().then(() => {
      spawn(bootstrapObjects(cluster.apiserver)).then(() => {
        for (const component of cluster.components) component.start();
        cluster.ready.resolve();
      });
    });
    return cluster;
  }

  /** admin is a client with kubectl's default identity (the kubeadm admin certificate). */
  admin(component = 'kubectl'): ApiClient {
    return new ApiClient(this.apiserver, USERS.admin, component);
  }

  component<T extends Component>(name: string): T | undefined {
    return this.components.find((c) => c.name === name) as T | undefined;
  }

  runUntil(timeMs: number): void {
    this.sim.runUntil(timeMs);
  }
}
