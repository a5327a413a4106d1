// Mirrors k8s.io/kubectl pkg/metricsutil/metrics_printer.go and metrics_sorter.go (v1.32):
// `kubectl top pods|nodes`. Every cell is tab-terminated, so each line ends in padding spaces.
// CPU prints as millicores (`12m`), memory as MiB rounded down (`34Mi`), percentages truncated.
import { goSort } from '../../describe/goSort';
import { compareStrings } from './labels';
import { addQuantity, milliValue, parseQuantity, quantityValue, zeroQuantity, type Quantity } from './quantity';
import { formatTabbed, TABLE_TABWRITER } from './tabwriter';

type Usage = Record<string, string | number>;

/** PodMetrics is metrics.k8s.io/v1beta1 PodMetrics (the fields top reads). */
export interface PodMetrics {
  metadata: { name: string; namespace?: string };
  containers: Array<{ name: string; usage: Usage }>;
}

/** NodeMetrics is metrics.k8s.io/v1beta1 NodeMetrics. */
export interface NodeMetrics {
  metadata: { name: string };
  usage: Usage;
}

export interface TopOptions {
  noHeaders?: boolean;
  /** `--sort-by=cpu|memory`: descending; default by (namespace,) name */
  sortBy?: '' | 'cpu' | 'memory';
  allNamespaces?: boolean;
  containers?: boolean;
  sum?: boolean;
  /** the request namespace for the empty notice */
  namespace?: string;
}

const q = (usage: Usage | undefined, name: string): Quantity => (usage?.[name] !== undefined ? parseQuantity(usage[name]) : zeroQuantity());
const cpuText = (quantity: Quantity) => `${milliValue(quantity)}m`;
const memoryText = (quantity: Quantity) => `${Math.trunc(quantityValue(quantity) / (1024 * 1024))}Mi`;

function podUsage(m: PodMetrics): { cpu: Quantity; memory: Quantity } {
  let cpu = parseQuantity('0');
  let memory = parseQuantity('0');
  for (const c of m.containers) {
    cpu = addQuantity(cpu, q(c.usage, 'cpu'));
    memory = addQuantity(memory, q(c.usage, 'memory'));
  }
  return { cpu, memory };
}

/** usageCells prints CPU and memory, each followed by a percentage of `available` when given. */
function usageCells(cpu: Quantity, memory: Quantity, available?: Usage): string[] {
  const cells = [cpuText(cpu)];
  const percent = (used: Quantity, total: Quantity) => `${Math.trunc((milliValue(used) / milliValue(total)) * 100)}%`;
  if (available?.cpu !== undefined) cells.push(percent(cpu, q(available, 'cpu')));
  cells.push(memoryText(memory));
  if (available?.memory !== undefined) cells.push(percent(memory, q(available, 'memory')));
  return cells;
}

const line = (cells: string[]) => cells.map((c) => `${c}\t`).join('');

/** sortByUsage is the metrics sorters under Go's (unstable) sort.Sort: usage descending, else by name. */
function sortByUsage<T>(items: T[], sortBy: TopOptions['sortBy'], usage: (t: T) => { cpu: Quantity; memory: Quantity }, byName: (a: T, b: T) => number): T[] {
  if (sortBy === 'cpu') return goSort(items, (a, b) => milliValue(usage(a).cpu) > milliValue(usage(b).cpu));
  if (sortBy === 'memory') return goSort(items, (a, b) => quantityValue(usage(a).memory) > quantityValue(usage(b).memory));
  return goSort(items, (a, b) => byName(a, b) < 0);
}

/**
 * printTopNodes is `kubectl top nodes`: NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%), percentages
 * of allocatable; nodes without metrics get `<unknown>` cells after the others.
 */
export function printTopNodes(metrics: readonly NodeMetrics[], allocatable: ReadonlyMap<string, Usage>, options: TopOptions = {}): { stdout: string; stderr: string } {
  if (metrics.length === 0) return { stdout: '', stderr: 'error: metrics not available yet\n' };
  const lines: string[] = [];
  if (!options.noHeaders) lines.push(line(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']));
  const usage = (m: NodeMetrics) => ({ cpu: q(m.usage, 'cpu'), memory: q(m.usage, 'memory') });
  const sorted = sortByUsage([...metrics], options.sortBy, usage, (a, b) => compareStrings(a.metadata.name, b.metadata.name));
  for (const m of sorted) lines.push(line([m.metadata.name, ...usageCells(usage(m).cpu, usage(m).memory, allocatable.get(m.metadata.name))]));
  const measured = new Set(metrics.map((m) => m.metadata.name));
  for (const name of [...allocatable.keys()].filter((n) => !measured.has(n)).sort(compareStrings)) lines.push(line([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']));
  return { stdout: formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER), stderr: '' };
}

/** printTopPods is `kubectl top pods` (with -A, --containers, --sum, --sort-by). */
export function printTopPods(metrics: readonly PodMetrics[], options: TopOptions = {}): { stdout: string; stderr: string } {
  if (metrics.length === 0) {
    return { stdout: '', stderr: options.allNamespaces ? 'No resources found\n' : `No resources found in ${options.namespace ?? 'default'} namespace.\n` };
  }
  const prefix = (m: PodMetrics) => (options.allNamespaces ? [m.metadata.namespace ?? ''] : []);
  const lines: string[] = [];
  if (!options.noHeaders) lines.push(line([...(options.allNamespaces ? ['NAMESPACE'] : []), ...(options.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']));
  const byName = (a: PodMetrics, b: PodMetrics) =>
    options.allNamespaces && a.metadata.namespace !== b.metadata.namespace ? compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') : compareStrings(a.metadata.name, b.metadata.name);
  for (const m of sortByUsage([...metrics], options.sortBy, podUsage, byName)) {
    if (!options.containers) {
      const { cpu, memory } = podUsage(m);
      lines.push(line([...prefix(m), m.metadata.name, ...usageCells(cpu, memory)]));
      continue;
    }
    const usage = (c: PodMetrics['containers'][number]) => ({ cpu: q(c.usage, 'cpu'), memory: q(c.usage, 'memory') });
    for (const c of sortByUsage([...m.containers], options.sortBy, usage, (a, b) => compareStrings(a.name, b.name))) {
      lines.push(line([...prefix(m), m.metadata.name, c.name, ...usageCells(usage(c).cpu, usage(c).memory)]));
    }
  }
  if (options.sum) lines.push(...sumLines(metrics, 3 + (options.allNamespaces ? 1 : 0) + (options.containers ? 1 : 0)));
  return { stdout: formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER), stderr: '' };
}

/** sumLines is printPodResourcesSum: an underline row, then the totals under the usage columns. */
function sumLines(metrics: readonly PodMetrics[], columnWidth: number): string[] {
  let cpu = zeroQuantity();
  let memory = zeroQuantity();
  for (const m of metrics) {
    const usage = podUsage(m);
    cpu = addQuantity(cpu, usage.cpu);
    memory = addQuantity(memory, usage.memory);
  }
  const blanks = (n: number) => Array.from({ length: Math.max(0, n) }, () => '');
  return [line([...blanks(columnWidth - 2), '________', '________']), line([...blanks(columnWidth - 3), '', ...usageCells(cpu, memory)])];
}
