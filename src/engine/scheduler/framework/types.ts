// Mirrors kubernetes pkg/scheduler/framework/interface.go (Code, Status) and types.go (Resource),
// v1.32. Statuses are plain data so that a whole cycle's filter table can be traced for the UI.

/** MAX_NODE_SCORE / MIN_NODE_SCORE bound every normalized plugin score (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** ScoreList is one plugin's scores, one per node (the framework passes Float64Array buffers). */
export type ScoreList = number[] | Float64Array;
export const MIN_NODE_SCORE = 0;

/**
 * Code is a plugin's verdict. `Unschedulable` means preemption might help; `UnschedulableAndUnresolvable`
 * means it cannot (taints, affinity); `Skip` from PreScore/PreFilter turns the plugin off for the cycle.
 */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending';

/** Status is a non-success result; the hot paths use `null` for Success to avoid allocations. */
export interface Status {
  code: Code;
  /** reasons are the texts the FitError histogram counts ("Insufficient cpu", ...). */
  reasons: string[];
  /** plugin is the plugin that failed (Status.Plugin()). */
  plugin: string;
}

export function newStatus(code: Code, plugin: string, ...reasons: string[]): Status {
  return { code, reasons, plugin };
}

/** isRejected mirrors Status.IsRejected: Unschedulable, UnschedulableAndUnresolvable or Pending. */
export function isRejected(status: Status | null): boolean {
  return status !== null && (status.code === 'Unschedulable' || status.code === 'UnschedulableAndUnresolvable' || status.code === 'Pending');
}

/** statusMessage joins the reasons as Status.Message does. */
export function statusMessage(status: Status | null): string {
  return status === null ? '' : status.reasons.join(', ');
}

/**
 * Resource is framework.Resource: the scalar amounts the scheduler does arithmetic on. cpu in
 * millicores, memory and ephemeral storage in bytes; `scalar` holds extended resources
 * (`nvidia.com/gpu`) and hugepages.
 */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalar: Record<string, number> | undefined;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: undefined };
}

/**
 * PodResource is a pod's Resource, a class apart from the nodes' (emptyResource): V8 keeps one
 * number representation per field per object shape, and a node's memory (128Gi) does not fit a
 * small integer, so in a shape shared with nodes every pod's cpu and memory would be a boxed
 * double (16 bytes each, ~20 per pod across the scheduler's caches).
 */
class PodResource implements Resource {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  allowedPodNumber = 0;
  scalar: Record<string, number> | undefined = undefined;
}

/** emptyPodResource is a zero Resource for one pod's requests. */
export function emptyPodResource(): Resource {
  return new PodResource();
}

/** addResource adds `b` into `a` (sign -1 subtracts); pods count is not touched. */
export function addResource(a: Resource, b: Resource, sign = 1): void {
  a.milliCPU += sign * b.milliCPU;
  a.memory += sign * b.memory;
  a.ephemeralStorage += sign * b.ephemeralStorage;
  if (b.scalar) {
    const scalar = (a.scalar ??= {});
    for (const name of Object.keys(b.scalar)) scalar[name] = (scalar[name] ?? 0) + sign * b.scalar[name];
  }
}

/** resourceAmount reads one named resource (`cpu` in millicores, `memory` in bytes, ...). */
export function resourceAmount(r: Resource, name: string): number {
  switch (name) {
    case 'cpu':
      return r.milliCPU;
    case 'memory':
      return r.memory;
    case 'ephemeral-storage':
      return r.ephemeralStorage;
    case 'pods':
      return r.allowedPodNumber;
    default:
      return r.scalar?.[name] ?? 0;
  }
}

/** isExtendedResourceName: neither cpu/memory/ephemeral-storage/pods nor hugepages (v1helper). */
export function isExtendedResourceName(name: string): boolean {
  return name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods' && !name.startsWith('hugepages-');
}
