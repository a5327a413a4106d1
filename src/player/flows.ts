import type { TraceEvent } from '../engine/sim/trace';

/**
 * Flow is one message the map animates along an edge: a request to the apiserver, a write to
 * etcd, a watch event delivered to a component, a Raft message between etcd members.
 */
export interface Flow {
  t: number;
  from: string;
  to: string;
  kind: 'request' | 'write' | 'watch' | 'raft';
  label: string;
  /** deliverAt: when a Raft message arrives (the simulated network's latency), if known. */
  deliverAt?: number;
}

/** endpointOf maps a trace component (`kubelet/node-1`, `deployment-controller`) to a map node id. */
export function endpointOf(component: string): string {
  if (component.startsWith('kubelet/')) return `node:${component.slice('kubelet/'.length)}`;
  if (component.startsWith('kube-proxy/')) return `node:${component.slice('kube-proxy/'.length)}`;
  if (component === 'kube-scheduler' || component === 'kubectl' || component.startsWith('etcd-')) return component;
  if (component === 'metrics-server') return component;
  if (component.endsWith('-controller') || component === 'kube-controller-manager') return 'kube-controller-manager';
  return component;
}

/**
 * flowOf turns the trace events that are messages into flows (undefined for internal steps).
 * Requests are drawn once per request (at authentication), not once per chain stage; Raft
 * heartbeats are kept because the Raft view shows them, the map may filter them.
 */
export function flowOf(event: TraceEvent): Flow | undefined {
  const e = event as TraceEvent & { from?: string; to?: string; verb?: string; ref?: { kind?: string; name?: string }; msgType?: string; resource?: string; deltas?: string[]; deliverAtMs?: number };
  switch (e.kind) {
    case 'apiserver.authn':
      return { t: e.t, from: endpointOf(e.from ?? 'kubectl'), to: 'kube-apiserver', kind: 'request', label: `${e.verb} ${e.ref?.kind ?? ''} ${e.ref?.name ?? ''}`.trim() };
    case 'apiserver.write':
      return { t: e.t, from: 'kube-apiserver', to: 'etcd', kind: 'write', label: `${e.verb} ${e.ref?.kind ?? ''} ${e.ref?.name ?? ''}`.trim() };
    case 'informer.pop':
      return { t: e.t, from: 'kube-apiserver', to: endpointOf(e.component), kind: 'watch', label: `${(e.deltas ?? []).join(',')} ${e.resource ?? ''}`.trim() };
    case 'raft.msg.send':
      return e.from && e.to ? { t: e.t, from: e.from, to: e.to, kind: 'raft', label: e.msgType ?? '', ...(e.deliverAtMs !== undefined ? { deliverAt: e.deliverAtMs } : {}) } : undefined;
    default:
      return undefined;
  }
}
