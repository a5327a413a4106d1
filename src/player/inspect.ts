import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api/object';
import { milliValue, value } from '../engine/api/quantity';
import type { Cluster } from '../engine/cluster';
import { printObjects } from '../engine/kubectl/cmd/output';
import { eventPrinter } from '../engine/kubectl/printers/table/printEvent';
import type { CycleTable } from '../engine/scheduler/traceCycle';
import type { ComponentStats } from './componentStats';

/** InspectTarget is what the learner clicked (the same shapes as the map's selection). */
export type InspectTarget = { kind: 'pod'; namespace: string; name: string } | { kind: 'node'; name: string } | { kind: 'component'; name: string } | { kind: 'deployment'; namespace: string; name: string };

/** EventRow is one line of `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE. */
export type EventRow = [string, string, string, string, string];

export interface ScheduleDecision extends CycleTable {
  t: number;
  result: string;
  node?: string;
  message?: string;
  numAllNodes?: number;
  evaluatedNodes?: number;
}

export interface NodeUsageRow {
  pod: string;
  cpuMilli: number;
  memoryBytes: number;
}

/** InspectData is what the inspector shows for the selection, computed in the engine's worker. */
export interface InspectData {
  target: InspectTarget;
  /** yaml is `kubectl get -o yaml` of the object now ('' for components). */
  yaml: string;
  events: EventRow[];
  schedule?: ScheduleDecision;
  usage?: { cpuAllocatableMilli: number; memoryAllocatableBytes: number; rows: NodeUsageRow[] };
  component?: ComponentStats[];
  /** informerCaches: objects in each informer cache of the component's leading replica. */
  informerCaches?: Array<{ resource: string; objects: number }>;
}

/** inspect gathers the inspector's data for `target` from the apiserver's caches and the trace stats. */
export function inspect(cluster: Cluster, target: InspectTarget, stats: Map<string, ComponentStats>, schedules: Map<string, ScheduleDecision>): InspectData {
  const nowMs = cluster.sim.nowMs;
  const object = objectOf(cluster, target);
  const data: InspectData = { target, yaml: object ? printObjects([object], 'yaml', 'unstructured') : '', events: [] };
  if (target.kind !== 'component') data.events = eventsFor(cluster, target.kind === 'pod' ? 'Pod' : target.kind === 'node' ? 'Node' : 'Deployment', target.name, nowMs);
  if (target.kind === 'pod') data.schedule = schedules.get(`${target.namespace}/${target.name}`);
  if (target.kind === 'node' && object) data.usage = usageOf(cluster, object as Node);
  if (target.kind === 'component') {
    data.component = componentStats(target.name, stats);
    data.informerCaches = informerCaches(cluster, target.name);
  }
  return data;
}

function cached(cluster: Cluster, resource: string, key: string): KubeObject | undefined {
  return cluster.apiserver.ctx.cachers.get(resource)?.get(key);
}

function objectOf(cluster: Cluster, target: InspectTarget): KubeObject | undefined {
  if (target.kind === 'pod') return cached(cluster, 'pods', `/registry/pods/${target.namespace}/${target.name}`);
  if (target.kind === 'deployment') return cached(cluster, 'deployments', `/registry/deployments/${target.namespace}/${target.name}`);
  if (target.kind === 'node') return cached(cluster, 'nodes', `/registry/minions/${target.name}`);
  return undefined;
}

function eventsFor(cluster: Cluster, kind: string, name: string, nowMs: number): EventRow[] {
  const listed = cluster.apiserver.ctx.cachers.get('events')?.list({});
  if (!listed?.ok) return [];
  return (listed.items as Event[])
    .filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name)
    .map((e) => eventPrinter.printRow(e, { nowMs, wide: false }) as EventRow);
}

function usageOf(cluster: Cluster, node: Node) {
  const listed = cluster.apiserver.ctx.cachers.get('pods')?.list({});
  const pods = listed?.ok ? (listed.items as Pod[]) : [];
  const rows: NodeUsageRow[] = [];
  for (const pod of pods) {
    if (pod.spec?.nodeName !== node.metadata?.name || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    let cpuMilli = 0;
    let memoryBytes = 0;
    for (const c of pod.spec?.containers ?? []) {
      cpuMilli += milliValue(c.resources?.requests?.cpu ?? 0);
      memoryBytes += value(c.resources?.requests?.memory ?? 0);
    }
    rows.push({ pod: `${pod.metadata?.namespace}/${pod.metadata?.name}`, cpuMilli, memoryBytes });
  }
  return { cpuAllocatableMilli: milliValue(node.status?.allocatable?.cpu ?? 0), memoryAllocatableBytes: value(node.status?.allocatable?.memory ?? 0), rows };
}

function componentStats(name: string, stats: Map<string, ComponentStats>): ComponentStats[] {
  const all = [...stats.values()];
  if (name === 'kube-controller-manager') return all.filter((s) => s.component.endsWith('-controller')).sort((a, b) => a.component.localeCompare(b.component));
  return all.filter((s) => s.component === name);
}

/** informerCaches reads the leading replica's informer caches (kube-controller-manager, kube-scheduler). */
function informerCaches(cluster: Cluster, name: string): Array<{ resource: string; objects: number }> | undefined {
  const replicas = cluster.components.filter((c) => c.name.startsWith(name)) as Array<{ isLeader?: boolean; informerFactory?: { cacheSizes(): Array<{ resource: string; objects: number }> } }>;
  return replicas.find((c) => c.isLeader && c.informerFactory)?.informerFactory?.cacheSizes();
}
