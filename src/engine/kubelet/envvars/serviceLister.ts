// The kubelet's Service informer (kubelet.go serviceLister), which makeEnvironmentVariables reads.
//
// Simulator shortcut (as ProxyHub for kube-proxy): real kubelets open one watch each; here all the
// kubelets of a cluster share one, since they would all hold the same Services.
import type { Service } from 'kubernetes-types/core/v1';
import { SharedInformerFactory } from '../../client/cache/informerFactory';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import { clientFor, USERS, type ComponentContext } from '../../componentContext';

export class SharedServiceLister {
  private informer: SharedIndexInformer<Service> | undefined;

  constructor(private readonly ctx: ComponentContext) {}

  /** start opens the watch the first time a kubelet starts. */
  start(): void {
    if (this.informer) return;
    const factory = new SharedInformerFactory(this.ctx.sim, clientFor(this.ctx, USERS.node('kubelets'), 'kubelet'), 'kubelet');
    this.informer = factory.forResource<Service>('services');
    factory.start();
  }

  list(): readonly Service[] {
    return (this.informer?.indexer.list() ?? []) as Service[];
  }
}
