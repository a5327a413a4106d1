import { parseAllDocuments } from 'yaml';
import type { ClusterSpec, NodeSpec } from '../clusterSpec';
import { DEFAULT_ETCD_TIMING, DEFAULT_NODE_CPU, DEFAULT_NODE_MEMORY, DEFAULT_NODE_PODS, nodesFromCount } from '../clusterSpec';
import { DEFAULT_EPOCH_MS } from '../sim/time';
import { scenarioSchema, type ScenarioFile, type ScenarioStep } from './schema';

/** Scenario is a loaded, defaulted scenario: the cluster to boot and the steps to run. */
export interface Scenario {
  name: string;
  file: ScenarioFile;
  cluster: ClusterSpec;
  untilMs?: number;
  steps: ScenarioStep[];
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

export const DEFAULT_SEED = 1;
export const DEFAULT_NODE_COUNT = 3;

/**
 * loadScenario parses YAML or JSON text and validates it. Errors name the file, the path of the
 * field (`spec.steps[2].at`) and what is wrong, one per line, e.g.
 * `rolling.yaml: spec.steps[2].at: invalid duration "5x" (write it with a unit: 500ms, 30s, 2m, 1h)`.
 */
export function loadScenario(text: string, fileName: string): LoadResult {
  const parsed = parseText(text, fileName);
  if (!parsed.ok) return parsed;
  const checked = scenarioSchema.safeParse(parsed.value);
  if (!checked.success) {
    const lines = checked.error.issues.map((issue) => `${fileName}: ${formatPath(issue.path)}: ${issue.message}`);
    return { ok: false, error: lines.join('\n') };
  }
  const order = checked.data.spec.steps.findIndex((s, i, all) => i > 0 && s.at < all[i - 1].at);
  if (order > 0) return { ok: false, error: `${fileName}: spec.steps[${order}].at: steps must be in time order (this step is earlier than step ${order - 1})` };
  return { ok: true, scenario: toScenario(checked.data) };
}

function parseText(text: string, fileName: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (!Array.isArray(docs)) return { ok: false, error: `${fileName}: empty file` };
  const real = docs.filter((doc) => doc.contents !== null);
  if (real.length === 0) return { ok: false, error: `${fileName}: empty file, expected a Scenario (apiVersion: k8sim.dev/v1alpha1)` };
  if (real.length > 1) return { ok: false, error: `${fileName}: expected one Scenario document, found ${real.length}` };
  const doc = real[0];
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const where = `:${lineCol(text, error.pos[0])}`;
    return { ok: false, error: `${fileName}${where}: ${error.message.split('\n')[0]}` };
  }
  return { ok: true, value: doc.toJS() };
}

/** lineCol turns a character offset into `line:column` (both 1-based), as editors show it. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function toScenario(file: ScenarioFile): Scenario {
  const cluster = file.spec.cluster ?? {};
  const nodeCPU = cluster.nodeCPU ?? DEFAULT_NODE_CPU;
  const nodeMemory = cluster.nodeMemory ?? DEFAULT_NODE_MEMORY;
  const nodes: NodeSpec[] = Array.isArray(cluster.nodes)
    ? cluster.nodes.map((n) => ({
        name: n.name,
        cpu: n.cpu ?? nodeCPU,
        memory: n.memory ?? nodeMemory,
        pods: n.pods ?? DEFAULT_NODE_PODS,
        labels: n.labels ?? {},
        taints: n.taints ?? [],
      }))
    : nodesFromCount(cluster.nodes ?? DEFAULT_NODE_COUNT, nodeCPU, nodeMemory);
  return {
    name: file.metadata.name,
    file,
    cluster: {
      seed: file.spec.seed ?? DEFAULT_SEED,
      nodes,
      etcd: {
        members: cluster.etcd?.members ?? 3,
        heartbeatIntervalMs: cluster.etcd?.heartbeatInterval ?? DEFAULT_ETCD_TIMING.heartbeatIntervalMs,
        electionTimeoutMs: cluster.etcd?.electionTimeout ?? DEFAULT_ETCD_TIMING.electionTimeoutMs,
        preVote: cluster.etcd?.preVote ?? DEFAULT_ETCD_TIMING.preVote,
        ...(cluster.etcd?.snapshotCount ? { snapshotCount: cluster.etcd.snapshotCount } : {}),
      },
      epochMs: cluster.startTime ? Date.parse(cluster.startTime) : DEFAULT_EPOCH_MS,
      ...(cluster.kubeProxy?.mode ? { kubeProxyMode: cluster.kubeProxy.mode } : {}),
      ...(cluster.kubeSystem ? { kubeSystem: true } : {}),
      ...(cluster.clientRateLimits ? { clientRateLimits: definedOnly(cluster.clientRateLimits) } : {}),
      ...(cluster.controlPlane ? { controlPlane: { controllerManagers: cluster.controlPlane.controllerManagers, schedulers: cluster.controlPlane.schedulers } } : {}),
    },
    untilMs: file.spec.until,
    steps: file.spec.steps,
  };
}

/** definedOnly drops the components a scenario did not mention, so they keep their defaults. */
function definedOnly<T extends object>(value: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
