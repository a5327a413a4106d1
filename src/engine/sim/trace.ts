/**
 * Trace is the engine's event log: every write, watch delivery, decision and role change that a
 * view may animate. It is the public contract of `npm run sim -- --trace` (one JSON line per
 * event) and of the UI's message animations, so fields are only ever added, never renamed.
 */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface TraceEvent {
  /** Sim time in ms. */
  t: number;
  /** Who acted: 'kube-apiserver', 'etcd-1', 'kube-scheduler', 'kubelet/node-1', 'kubectl', ... */
  component: string;
  /** What happened, a dotted closed vocabulary: 'request', 'watch.deliver', 'pod.bind', ... */
  kind: string;
  ref?: ObjectRef;
  [detail: string]: unknown;
}

export type TraceListener = (event: TraceEvent) => void;

export class Trace {
  private listeners: TraceListener[] = [];

  /** enabled is true while anyone listens; emitters check it before building an event. */
  get enabled(): boolean {
    return this.listeners.length > 0;
  }

  emit(event: TraceEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** subscribe returns an unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}
