// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) describeNodeResource: the
// "Non-terminated Pods" table and "Allocated resources" totals, percentages of allocatable
// truncated toward zero (`int64(float)`).
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../printers/humanDuration';
import { compareStrings } from '../printers/table/labels';
import { addQuantity, formatQuantity, milliValue, parseQuantity, quantityValue, zeroQuantity, type Quantity } from '../printers/table/quantity';
import { podRequestsAndLimits, type ResourceAmounts } from './podResources';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const HUGE_PAGES_PREFIX = 'hugepages-';

/** percent is int64(float64(a)/float64(b)*100): NaN/Inf cases only arise with zero allocatable. */
function percent(numerator: number, denominator: number): number {
  const value = Math.trunc((numerator / denominator) * 100);
  return Number.isFinite(value) ? value : 0;
}

const get = (amounts: ResourceAmounts, name: string): Quantity => amounts.get(name) ?? zeroQuantity();

function allocatableOf(node: Node): Record<string, string> {
  const allocatable = node.status?.allocatable ?? {};
  return Object.keys(allocatable).length > 0 ? allocatable : node.status?.capacity ?? {};
}

function podRow(pod: Pod, allocatable: Record<string, string>, nowMs: number): string {
  const { requests, limits } = podRequestsAndLimits(pod);
  const allocCpu = milliValue(parseQuantity(allocatable.cpu ?? '0'));
  const allocMem = quantityValue(parseQuantity(allocatable.memory ?? '0'));
  const cell = (q: Quantity, alloc: number, milli: boolean) => `${formatQuantity(q)} (${percent(milli ? milliValue(q) : quantityValue(q), alloc)}%)`;
  return [
    pod.metadata?.namespace ?? '', pod.metadata?.name ?? '', '',
    cell(get(requests, 'cpu'), allocCpu, true), cell(get(limits, 'cpu'), allocCpu, true),
    cell(get(requests, 'memory'), allocMem, false), cell(get(limits, 'memory'), allocMem, false),
    translateTimestampSince(pod.metadata?.creationTimestamp, nowMs),
  ].join('\t');
}

function sumAll(pods: readonly Pod[], side: 'requests' | 'limits'): ResourceAmounts {
  const total: ResourceAmounts = new Map();
  for (const pod of pods) {
    for (const [name, q] of podRequestsAndLimits(pod)[side]) total.set(name, total.has(name) ? addQuantity(total.get(name)!, q) : q);
  }
  return total;
}

/** describeNodeResource writes both tables for the node's non-terminated pods. */
export function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  const allocatable = allocatableOf(node);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const pod of pods) w.write(LEVEL_1, `${podRow(pod, allocatable, nowMs)}\n`);
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs = sumAll(pods, 'requests');
  const limits = sumAll(pods, 'limits');
  const line = (name: string, milli: boolean) => {
    const alloc = parseQuantity(allocatable[name] ?? '0');
    const allocValue = milli ? milliValue(alloc) : quantityValue(alloc);
    const value = (q: Quantity) => (milli ? milliValue(q) : quantityValue(q));
    const pct = (q: Quantity) => (allocValue !== 0 ? percent(value(q), allocValue) : 0);
    const [r, l] = [get(reqs, name), get(limits, name)];
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${pct(r)}%)\t${formatQuantity(l)} (${pct(l)}%)\n`);
  };
  line('cpu', true);
  line('memory', false);
  line('ephemeral-storage', false);
  const names = Object.keys(allocatable).sort(compareStrings);
  for (const name of names.filter((n) => n.startsWith(HUGE_PAGES_PREFIX))) line(name, false);
  for (const name of names.filter((n) => !n.startsWith(HUGE_PAGES_PREFIX) && !isStandard(n) && n !== 'pods')) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(get(reqs, name))}\t${formatQuantity(get(limits, name))}\n`);
  }
}

/** isStandard is IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*. */
function isStandard(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith(HUGE_PAGES_PREFIX);
}
