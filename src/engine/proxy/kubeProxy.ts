// Mirrors kubernetes cmd/kube-proxy and pkg/proxy/{iptables,ipvs}/proxier.go (v1.32): the
// per-node service proxy `kube-proxy/<node>`, in iptables mode (the default) or IPVS mode.
import type { Component, ComponentFactory } from '../cluster';
import type { NodeSpec } from '../clusterSpec';
import type { ComponentContext } from '../componentContext';
import { nodeInternalIP } from '../kubelet/kubeletFactory';
import { iptablesSave } from './iptables/save';
import { syncProxyRules, type IptablesRuleset, type ProxierConfig } from './iptables/syncProxyRules';
import { buildVirtualServers, ipvsadmList, virtualServerKey, type VirtualServer } from './ipvs/virtualServers';
import { ProxyHub } from './proxyHub';

export type ProxyMode = 'iptables' | 'ipvs';
/** CLUSTER_CIDR is kubeadm's --pod-network-cidr for the simulated network (10.244.0.0/16). */
export const CLUSTER_CIDR = '10.244.0.0/16';

/**
 * KubeProxy is one node's kube-proxy. Its rules are a function of the last sync of the shared
 * watch (see ProxyHub) and of the node (its name for Local traffic policy, its IP for node
 * ports), built on demand and kept until the next sync.
 *
 * @example
 * const proxy = cluster.component<KubeProxy>('kube-proxy/node-1')!;
 * proxy.iptablesSave(); // '*filter\n:KUBE-NODEPORTS - [0:0]\n...'
 */
export class KubeProxy implements Component {
  readonly name: string;
  running = false;
  private cached: { generation: number; rules?: IptablesRuleset; servers?: VirtualServer[] } = { generation: -1 };
  /** rrNext: per IPVS virtual server, the index of the next real server (round robin). */
  private readonly rrNext = new Map<string, number>();

  constructor(
    readonly hub: ProxyHub,
    readonly nodeName: string,
    readonly nodeIP: string,
    readonly mode: ProxyMode,
  ) {
    this.name = `kube-proxy/${nodeName}`;
    hub.onSync((generation, changed) => {
      if (this.running && hub.sim.trace.enabled) hub.sim.emit({ component: this.name, kind: 'proxy.sync', mode: this.mode, generation, services: changed.slice(0, 20), changedServices: changed.length });
    });
  }

  start(): void {
    this.running = true;
    this.hub.start();
  }

  stop(): void {
    this.running = false;
  }

  config(): ProxierConfig {
    return { nodeName: this.nodeName, nodeIP: this.nodeIP, clusterCIDR: CLUSTER_CIDR, localhostNodePorts: true };
  }

  /** ruleset: this node's filter and nat tables as of the last sync (iptables mode). */
  ruleset(): IptablesRuleset {
    this.refresh();
    this.cached.rules ??= syncProxyRules(this.hub.states(), this.config());
    return this.cached.rules;
  }

  /** virtualServers: this node's IPVS table as of the last sync. */
  virtualServers(): VirtualServer[] {
    this.refresh();
    this.cached.servers ??= buildVirtualServers(this.hub.states(), this.nodeName, this.nodeIP);
    return this.cached.servers;
  }

  /** dump is what `iptables-save` (iptables mode) or `ipvsadm -Ln` (IPVS mode) prints on the node. */
  dump(): string {
    return this.mode === 'ipvs' ? ipvsadmList(this.virtualServers()) : iptablesSave(this.ruleset());
  }

  iptablesSave(): string {
    return iptablesSave(this.ruleset());
  }

  /** pickRealServer is the IPVS rr scheduler: real servers in turn, per virtual server. */
  pickRealServer(vs: VirtualServer): { index: number; of: number } | undefined {
    if (vs.realServers.length === 0) return undefined;
    const key = virtualServerKey(vs.protocol, vs.address, vs.port);
    const next = this.rrNext.get(key) ?? 0;
    this.rrNext.set(key, next + 1);
    return { index: next % vs.realServers.length, of: vs.realServers.length };
  }

  private refresh(): void {
    if (this.cached.generation !== this.hub.generation) this.cached = { generation: this.hub.generation };
  }
}

/** kubeProxyOn finds the kube-proxy of `node` among a cluster's components (none on a node without one). */
export function kubeProxyOn(component: ((name: string) => unknown) | undefined, node: string): KubeProxy | undefined {
  const proxy = component?.(`kube-proxy/${node}`);
  return proxy instanceof KubeProxy ? proxy : undefined;
}

/** kubeProxyFactoryWith: one kube-proxy per node, all in `mode`, sharing one watch (ProxyHub). */
export function kubeProxyFactoryWith(mode?: ProxyMode): ComponentFactory {
  return (ctx: ComponentContext, spec) => {
    const hub = new ProxyHub(ctx);
    const chosen = mode ?? spec.kubeProxyMode ?? 'iptables';
    // The node's InternalIP, as its kubelet registers it.
    return spec.nodes.map((node: NodeSpec) => new KubeProxy(hub, node.name, nodeInternalIP(spec, node), chosen));
  };
}

/** kubeProxyFactory adds kube-proxy to every node, in the mode the ClusterSpec asks (iptables by default). */
export const kubeProxyFactory: ComponentFactory = kubeProxyFactoryWith();
