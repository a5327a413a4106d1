// What `sim load` has set: plain data the cluster keeps (like the registry state), read by the
// load model whenever a kubelet's stats are collected. Changing it never mutates; a new state
// replaces the old one.

/** LoadMode: `perPod` applies the amount to every pod; `total` spreads it over the ready pods. */
export type LoadMode = 'perPod' | 'total';

/** LoadAmount is one resource's load: millicores for cpu, bytes for memory. */
export interface LoadAmount {
  amount: number;
  mode: LoadMode;
}

/**
 * LoadTarget is the load on one Deployment's pods, as an external traffic generator would put it
 * there: CPU (and optionally memory) on top of each container's idle usage.
 */
export interface LoadTarget {
  namespace: string;
  /** deployment is the Deployment name of `sim load deployment/NAME`. */
  deployment: string;
  /** selector is the Deployment's pod selector, resolved when the load was set (`app=web`). */
  selector: string;
  cpu?: LoadAmount;
  memory?: LoadAmount;
  /** sinceMs: sim time the load was set. */
  sinceMs: number;
}

export interface LoadState {
  /** targets, sorted by namespace then deployment (one per Deployment). */
  readonly targets: readonly LoadTarget[];
}

export const EMPTY_LOAD_STATE: LoadState = { targets: [] };

/**
 * withLoad returns the state with `target` replacing any load on the same Deployment; a target
 * without cpu or memory removes the load.
 */
export function withLoad(state: LoadState, target: LoadTarget): LoadState {
  const others = state.targets.filter((t) => t.namespace !== target.namespace || t.deployment !== target.deployment);
  const targets = target.cpu || target.memory ? [...others, target] : others;
  targets.sort((a, b) => (a.namespace === b.namespace ? cmp(a.deployment, b.deployment) : cmp(a.namespace, b.namespace)));
  return { targets };
}

/** loadOn finds the load on one Deployment. */
export function loadOn(state: LoadState, namespace: string, deployment: string): LoadTarget | undefined {
  return state.targets.find((t) => t.namespace === namespace && t.deployment === deployment);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
