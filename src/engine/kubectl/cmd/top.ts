// Mirrors k8s.io/kubectl pkg/cmd/top/top_pod.go and top_node.go (v1.32): check discovery for
// metrics.k8s.io/v1beta1, read PodMetrics/NodeMetrics through the apiserver, explain an empty
// answer (pods too young → "metrics not available yet", older → "Metrics not available for pod
// ns/name, age: …"), then print with the metrics printer.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ApiResult } from '../../apiserver/request';
import { METRICS_GROUP, METRICS_VERSION, type MetricsList, type NodeMetrics, type PodMetrics } from '../../metrics/types';
import { formatGoDurationMs } from '../../registry/goDuration';
import { wait, type Task } from '../../sim/task';
import { fromRFC3339 } from '../../sim/time';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { printTopNodes, printTopPods, type TopOptions } from '../printers/table/printTop';
import { fail, failStatus, type KubectlContext } from './context';

/** METRICS_CREATION_DELAY_MS: pods younger than this may not have metrics yet (top_pod.go metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 120_000;

/** top dispatches `kubectl top pod|node`. */
export function* top(ctx: KubectlContext): Task<number> {
  const sortBy = stringFlag(ctx.cmd, 'sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail(ctx, '--sort-by accepts only cpu or memory');
  const name = ctx.cmd.positionals[0] ?? '';
  const isPod = ctx.cmd.path[1] === 'pod';
  const selector = stringFlag(ctx.cmd, 'selector');
  const fieldSelector = isPod ? stringFlag(ctx.cmd, 'field-selector') : '';
  if (name !== '' && (selector !== '' || fieldSelector !== '')) return fail(ctx, isPod ? 'only one of NAME or selector can be provided' : 'only one of NAME or --selector can be provided');
  const groups = yield* wait(ctx.client.serverGroups());
  if (!groups.some((g) => g.name === METRICS_GROUP && g.versions.includes(METRICS_VERSION))) return fail(ctx, 'Metrics API not available');
  const options: TopOptions = { noHeaders: boolFlag(ctx.cmd, 'no-headers'), sortBy: sortBy as TopOptions['sortBy'], namespace: ctx.namespace };
  return isPod ? yield* topPod(ctx, name, selector, fieldSelector, options) : yield* topNode(ctx, name, selector, options);
}

function* topPod(ctx: KubectlContext, name: string, selector: string, fieldSelector: string, options: TopOptions): Task<number> {
  const namespace = ctx.allNamespaces ? undefined : ctx.namespace;
  let metrics: PodMetrics[];
  if (name !== '') {
    const got: ApiResult<PodMetrics> = yield* wait(ctx.client.getGroup<PodMetrics>(METRICS_GROUP, 'pods', ctx.namespace, name));
    if (!got.ok) return failStatus(ctx, got.status);
    metrics = [got.object];
  } else {
    const listed: ApiResult<MetricsList<PodMetrics>> = yield* wait(ctx.client.listGroup<MetricsList<PodMetrics>>(METRICS_GROUP, 'pods', namespace, { labelSelector: selector, fieldSelector }));
    if (!listed.ok) return failStatus(ctx, listed.status);
    metrics = listed.object.items;
  }
  if (metrics.length === 0) {
    // All the pods may be too new for metrics; an older one without metrics is an error.
    const why = yield* verifyEmptyMetrics(ctx, name, selector, fieldSelector);
    if (why !== undefined) return why;
  }
  const printed = printTopPods(metrics, { ...options, allNamespaces: ctx.allNamespaces, containers: boolFlag(ctx.cmd, 'containers'), sum: boolFlag(ctx.cmd, 'sum') });
  ctx.io.err(printed.stderr);
  ctx.io.out(printed.stdout);
  return 0;
}

/** verifyEmptyMetrics returns an exit code when kubectl fails, undefined when "No resources found" applies. */
function* verifyEmptyMetrics(ctx: KubectlContext, name: string, selector: string, fieldSelector: string): Task<number | undefined> {
  let pods: Stored<Pod>[];
  if (name !== '') {
    const got = yield* wait(ctx.client.get<Pod>('pods', ctx.namespace, name));
    if (!got.ok) return failStatus(ctx, got.status);
    pods = [got.object];
  } else {
    const listed = yield* wait(ctx.client.list<Pod>('pods', ctx.namespace, { labelSelector: selector, fieldSelector }));
    if (!listed.ok) return failStatus(ctx, listed.status);
    if (listed.object.items.length === 0) return undefined;
    pods = listed.object.items;
  }
  for (const pod of pods) {
    const ageMs = ctx.env.sim.nowMs - fromRFC3339(pod.metadata.creationTimestamp ?? '', ctx.env.epochMs);
    if (ageMs > METRICS_CREATION_DELAY_MS) return fail(ctx, `Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${formatGoDurationMs(ageMs)}`);
  }
  return fail(ctx, 'metrics not available yet');
}

function* topNode(ctx: KubectlContext, name: string, selector: string, options: TopOptions): Task<number> {
  let metrics: NodeMetrics[];
  let nodes: Stored<Node>[];
  if (name !== '') {
    const got: ApiResult<NodeMetrics> = yield* wait(ctx.client.getGroup<NodeMetrics>(METRICS_GROUP, 'nodes', undefined, name));
    if (!got.ok) return failStatus(ctx, got.status);
    metrics = [got.object];
  } else {
    const listed: ApiResult<MetricsList<NodeMetrics>> = yield* wait(ctx.client.listGroup<MetricsList<NodeMetrics>>(METRICS_GROUP, 'nodes', undefined, { labelSelector: selector }));
    if (!listed.ok) return failStatus(ctx, listed.status);
    metrics = listed.object.items;
  }
  if (metrics.length === 0) return fail(ctx, 'metrics not available yet');
  if (name !== '') {
    const got = yield* wait(ctx.client.get<Node>('nodes', undefined, name));
    if (!got.ok) return failStatus(ctx, got.status);
    nodes = [got.object];
  } else {
    const listed = yield* wait(ctx.client.list<Node>('nodes', undefined, { labelSelector: selector }));
    if (!listed.ok) return failStatus(ctx, listed.status);
    nodes = listed.object.items;
  }
  const available = new Map(nodes.map((n) => [n.metadata.name, (boolFlag(ctx.cmd, 'show-capacity') ? n.status?.capacity : n.status?.allocatable) ?? {}]));
  const printed = printTopNodes(metrics, available, options);
  ctx.io.err(printed.stderr);
  ctx.io.out(printed.stdout);
  return 0;
}
