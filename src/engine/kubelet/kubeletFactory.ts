// The cluster's kubelets: one per node of the ClusterSpec, in spec order (node-1 is index 1).
// Control-plane machines (a kubeSystem cluster) run kubeadm's static pods; the workers join once
// the control plane is up, as `kubeadm join` follows `kubeadm init`.
import { APISERVER_ADDRESS } from '../apiserver/bootstrap';
import type { ComponentFactory } from '../cluster';
import type { ClusterSpec, NodeSpec } from '../clusterSpec';
import { etcdPod, kubeApiServerPod, kubeControllerManagerPod, kubeSchedulerPod } from '../kubeadm/staticPods';
import { SharedServiceLister } from './envvars/serviceLister';
import { Rng } from '../sim/rng';
import { Kubelet, type KubeletOptions } from './kubelet';
import { nodeIdentity } from './nodeIdentity';

/** WORKER_JOIN_DELAY_MS: workers register this long after the control plane (kubeadm join after init). */
export const WORKER_JOIN_DELAY_MS = 20_000;

/** kubeletFactoryWith builds the factory with options (a shared registry state, a config). */
export function kubeletFactoryWith(options: KubeletOptions = {}): ComponentFactory {
  return (ctx, spec) => {
    const services = new SharedServiceLister(ctx);
    const controlPlane = spec.nodes.filter((n) => n.role === 'control-plane');
    const workers = spec.nodes.filter((n) => n.role !== 'control-plane');
    const shared = { registryState: ctx.registry, services, ...options };
    return [
      ...controlPlane.map((node, k) => new Kubelet(ctx, node, k === 0 ? 0 : workers.length + k, { ...shared, ...controlPlaneMachine(spec, controlPlane, k) })),
      ...workers.map((node, i) => new Kubelet(ctx, node, i + 1, { ...shared, ...(spec.kubeSystem ? { joinDelayMs: WORKER_JOIN_DELAY_MS } : {}) })),
    ];
  };
}

/** controlPlaneAddress: the first machine is the apiserver's advertised address, the others follow it. */
function controlPlaneAddress(k: number): string {
  const parts = APISERVER_ADDRESS.split('.');
  return [...parts.slice(0, 3), String(Number(parts[3]) + k)].join('.');
}

/**
 * controlPlaneMachine: the k-th control-plane node's address, its pod CIDR (the first registers
 * first and gets 10.244.0.0/24 from node-ipam) and its static pods: a stacked etcd member while
 * there are members to host, the apiserver, controller manager and scheduler.
 */
function controlPlaneMachine(spec: ClusterSpec, controlPlane: readonly NodeSpec[], k: number): KubeletOptions {
  const ip = controlPlaneAddress(k);
  const etcdHosts = controlPlane.slice(0, spec.etcd.members);
  const initialCluster = etcdHosts.map((n, j) => `${n.name}=https://${controlPlaneAddress(j)}:2380`).join(',');
  const staticPods = [...(k < etcdHosts.length ? [etcdPod(controlPlane[k].name, ip, initialCluster)] : []), kubeApiServerPod(ip), kubeControllerManagerPod(), kubeSchedulerPod()];
  return { identity: { internalIP: ip, ...(k === 0 ? { podCIDR: '10.244.0.0/24' } : {}) }, staticPods };
}

/**
 * nodeInternalIP is the address the kubelet registers for `node` (kube-proxy binds its rules to
 * the same one): a control-plane machine's from the apiserver's, a worker's from its position.
 */
export function nodeInternalIP(spec: ClusterSpec, node: NodeSpec): string {
  const controlPlane = spec.nodes.filter((n) => n.role === 'control-plane');
  const k = controlPlane.indexOf(node);
  if (k >= 0) return controlPlaneAddress(k);
  return nodeIdentity(spec.nodes.filter((n) => n.role !== 'control-plane').indexOf(node) + 1, new Rng(0)).internalIP;
}

/** kubeletFactory: one Kubelet named `kubelet/<node>` per spec node. */
export const kubeletFactory: ComponentFactory = kubeletFactoryWith();
