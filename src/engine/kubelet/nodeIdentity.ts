// Where a simulated node sits in the cluster network and who it is: addresses, pod CIDR and the
// machine identifiers node.status.nodeInfo shows.
import type { Rng } from '../sim/rng';

export interface NodeIdentity {
  /** internalIP: 10.0.1.1 for the first node, 10.0.1.254, then 10.0.2.1 … */
  internalIP: string;
  /** podCIDR: 10.244.<n>.0/24 for the n-th node (10.244.0.0/16 is kubeadm/flannel's cluster CIDR). */
  podCIDR: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
}

/**
 * nodeIdentity derives a node's identity from its 1-based position among the nodes and its Rng.
 * The pod CIDR is normally assigned by kube-controller-manager's node-ipam controller; with no
 * controller manager yet, the kubelet registers the node with it.
 */
export function nodeIdentity(index: number, rng: Rng): NodeIdentity {
  const hex = (n: number) => {
    let out = '';
    while (out.length < n) out += rng.nextU32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  };
  const uuid = () => {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[rng.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const third = 1 + Math.floor((index - 1) / 254);
  const fourth = ((index - 1) % 254) + 1;
  const podSecond = 244 + Math.floor(index / 256);
  return {
    internalIP: `10.0.${third}.${fourth}`,
    podCIDR: `10.${podSecond}.${index % 256}.0/24`,
    machineID: hex(32),
    systemUUID: uuid(),
    bootID: uuid(),
  };
}
