// Mirrors kubernetes staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests (v1.32)
// and pkg/scheduler/util/pod_resources.go (DefaultMilliCPURequest, DefaultMemoryRequest).
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { milliValue, value } from '../../api/quantity';
import { emptyPodResource, type Resource } from './types';

/** DEFAULT_MILLI_CPU_REQUEST (100m) and DEFAULT_MEMORY_REQUEST (200Mi) stand in for missing requests when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** NonMissing: fill a container's absent cpu/memory request with these (the scheduler's "non-zero" requests). */
export interface NonMissing {
  milliCPU: number;
  memory: number;
}

export const NON_ZERO_DEFAULTS: NonMissing = { milliCPU: DEFAULT_MILLI_CPU_REQUEST, memory: DEFAULT_MEMORY_REQUEST };

/**
 * podRequests is what a pod asks of a node: max(sum of regular containers + sidecars, the largest
 * init-container step) + pod overhead. A restartable init container (sidecar, KEP-753) keeps running
 * beside the later init containers and the app, so it adds to both.
 *
 * Worked example: init `a` 1 cpu, sidecar `s` 0.5 cpu, init `b` 2 cpu, app 1 cpu → init steps
 * a = 1, s = 0.5, b = 2 + 0.5 = 2.5; regular = 1 + 0.5 = 1.5; request = max(1.5, 2.5) = 2.5 cpu.
 *
 * Requests the API would have defaulted from limits (request absent, limit set) are read from the
 * limit, since defaulting may not have run on objects created directly in tests.
 */
export function podRequests(spec: PodSpec, nonMissing?: NonMissing): Resource {
  const regular = emptyPodResource();
  for (const container of spec.containers ?? []) addTo(regular, containerRequests(container, nonMissing));
  const sidecars = emptyPodResource();
  let initMax = emptyPodResource();
  for (const container of spec.initContainers ?? []) {
    const own = containerRequests(container, nonMissing);
    let step: Resource;
    if (container.restartPolicy === 'Always') {
      addTo(regular, own);
      addTo(sidecars, own);
      step = copyOf(sidecars);
    } else {
      step = copyOf(own);
      addTo(step, sidecars);
    }
    initMax = maxOf(initMax, step);
  }
  const total = maxOf(regular, initMax);
  for (const [name, quantity] of Object.entries(spec.overhead ?? {})) addNamed(total, name, quantity);
  return total;
}

/** containerRequests reads one container's requests (limits standing in for absent requests). */
function containerRequests(container: Container, nonMissing?: NonMissing): Resource {
  const out = emptyPodResource();
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const names = new Set([...Object.keys(requests), ...Object.keys(limits)]);
  for (const name of names) addNamed(out, name, requests[name] ?? limits[name]);
  if (nonMissing) {
    if (!names.has('cpu')) out.milliCPU = nonMissing.milliCPU;
    if (!names.has('memory')) out.memory = nonMissing.memory;
  }
  return out;
}

function addNamed(r: Resource, name: string, quantity: string | number): void {
  switch (name) {
    case 'cpu':
      r.milliCPU += milliValue(quantity);
      return;
    case 'memory':
      r.memory += value(quantity);
      return;
    case 'ephemeral-storage':
      r.ephemeralStorage += value(quantity);
      return;
    case 'pods':
      return;
    default:
      (r.scalar ??= {})[name] = (r.scalar[name] ?? 0) + value(quantity);
  }
}

function addTo(a: Resource, b: Resource): void {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  if (b.scalar) for (const name of Object.keys(b.scalar)) (a.scalar ??= {})[name] = (a.scalar[name] ?? 0) + b.scalar[name];
}

function maxOf(a: Resource, b: Resource): Resource {
  const out = emptyPodResource();
  out.milliCPU = Math.max(a.milliCPU, b.milliCPU);
  out.memory = Math.max(a.memory, b.memory);
  out.ephemeralStorage = Math.max(a.ephemeralStorage, b.ephemeralStorage);
  for (const source of [a.scalar, b.scalar]) {
    if (!source) continue;
    for (const name of Object.keys(source)) (out.scalar ??= {})[name] = Math.max(out.scalar[name] ?? 0, source[name]);
  }
  return out;
}

function copyOf(r: Resource): Resource {
  const out = emptyPodResource();
  addTo(out, r);
  out.allowedPodNumber = r.allowedPodNumber;
  return out;
}
