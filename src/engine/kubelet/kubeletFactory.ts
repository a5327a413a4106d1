// The cluster's kubelets: one per node of the ClusterSpec, in spec order (node-1 is index 1).
import type { ComponentFactory } from '../cluster';
import { SharedServiceLister } from './envvars/serviceLister';
import { Kubelet, type KubeletOptions } from './kubelet';

/** kubeletFactoryWith builds the factory with options (a shared registry state, a config). */
export function kubeletFactoryWith(options: KubeletOptions = {}): ComponentFactory {
  return (ctx, spec) => {
    const services = new SharedServiceLister(ctx);
    return spec.nodes.map((node, i) => new Kubelet(ctx, node, i + 1, { registryState: ctx.registry, services, ...options }));
  };
}

/** kubeletFactory: one Kubelet named `kubelet/<node>` per spec node. */
export const kubeletFactory: ComponentFactory = kubeletFactoryWith();
