// Mirrors kubernetes pkg/kubelet/kubelet_node_status.go (v1.32): registerWithAPIServer,
// initialNode and tryUpdateNodeStatus.
import type { Node, NodeStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { ApiClient } from '../client/client';
import type { NodeSpec } from '../clusterSpec';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { Simulator } from '../sim/simulator';
import { wait, type Task } from '../sim/task';
import type { KubeletConfiguration } from './config';
import type { NodeIdentity } from './nodeIdentity';
import { setNodeStatus, statusChanged, type NodeStatusInput } from './nodestatus/setters';

export interface NodeStatusContext {
  sim: Simulator;
  client: ApiClient;
  spec: NodeSpec;
  identity: NodeIdentity;
  config: KubeletConfiguration;
  runtime: ContainerRuntime;
  epochMs: number;
  /** recordNodeEvent records "Node <name> status is now: <event>" and the like on the Node. */
  recordNodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void;
  isRunning(): boolean;
  /** notReady: the aggregated runtime errors that make Ready False (runtimeState), undefined when none. */
  notReady?(): string | undefined;
  /** memoryPressure: the eviction manager's MemoryPressure verdict. */
  memoryPressure?(): boolean;
  /**
   * unchanged is the stored status (and the inputs) last found equal to the kubelet's own, heartbeats
   * aside: while the apiserver still serves that very object and the inputs are the same, the
   * next status is equal too, and the 10 s loop need not build and compare it.
   */
  unchanged?: { stored: NodeStatus; input: NodeStatusInput };
}

/** Registration retries: 100 ms doubling to 7 s (registerWithAPIServer's step/MaxRegistrationRetry). */
const REGISTER_RETRY_INITIAL_MS = 100;
const REGISTER_RETRY_MAX_MS = 7_000;

/**
 * initialNode is the Node the kubelet registers: well-known labels plus the configured ones,
 * configured taints (registerWithTaints), the pod CIDR (normally set by the node-ipam controller),
 * and a full first status.
 */
export function initialNode(ctx: NodeStatusContext): { node: Node; events: string[] } {
  const name = ctx.spec.name;
  const labels = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...ctx.spec.labels,
  };
  const { status, events } = setNodeStatus(undefined, statusInput(ctx));
  const taints = ctx.spec.taints.map((t) => ({ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect }));
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: ctx.identity.podCIDR, podCIDRs: [ctx.identity.podCIDR], ...(taints.length > 0 ? { taints } : {}) },
    status,
  };
  return { node, events };
}

/**
 * registerWithAPIServer creates the Node (or adopts the existing one after a kubelet restart),
 * retrying with back-off. `created` tells whether this call wrote the first status.
 */
export function* registerWithAPIServer(ctx: NodeStatusContext): Task<{ node: Stored<Node>; created: boolean } | undefined> {
  let retryMs = REGISTER_RETRY_INITIAL_MS;
  while (ctx.isRunning()) {
    const { node, events } = initialNode(ctx);
    const created = yield* wait(ctx.client.create<Node>('nodes', node));
    if (created.ok) {
      for (const event of events) ctx.recordNodeEvent('Normal', event, `Node ${ctx.spec.name} status is now: ${event}`);
      return { node: created.object, created: true };
    }
    if (created.status.reason === 'AlreadyExists') {
      const existing = yield* wait(ctx.client.get<Node>('nodes', undefined, ctx.spec.name));
      if (existing.ok) return { node: existing.object, created: false };
    }
    yield* wait(ctx.sim.sleep(retryMs));
    retryMs = Math.min(retryMs * 2, REGISTER_RETRY_MAX_MS);
  }
  return undefined;
}

/**
 * tryUpdateNodeStatus computes the status and patches it when it changed (heartbeat times
 * aside) or nodeStatusReportFrequency (5 min) passed since the last report. Returns the time of
 * the report, or the previous one.
 */
export function* tryUpdateNodeStatus(ctx: NodeStatusContext, lastReportMs: number): Task<number> {
  // kubelet_node_status.go tryUpdateNodeStatus: the first try reads the apiserver's cache (RV 0).
  const got = yield* wait(ctx.client.get<Node>('nodes', undefined, ctx.spec.name, { resourceVersion: '0' }));
  if (!got.ok) return lastReportMs;
  const stored = got.object.status;
  const input = statusInput(ctx);
  const due = ctx.sim.nowMs - lastReportMs >= ctx.config.nodeStatusReportFrequencyMs;
  const memo = ctx.unchanged;
  if (!due && memo && memo.stored === stored && sameInputs(memo.input, input)) return lastReportMs;
  const { status, events } = setNodeStatus(stored, input);
  if (!due && stored && !statusChanged(stored, status)) {
    ctx.unchanged = { stored, input };
    return lastReportMs;
  }
  const patched = yield* wait(ctx.client.patch('nodes', undefined, ctx.spec.name, 'strategic', { status }, { subresource: 'status' }));
  if (!patched.ok) return lastReportMs;
  for (const event of events) ctx.recordNodeEvent('Normal', event, `Node ${ctx.spec.name} status is now: ${event}`);
  return ctx.sim.nowMs;
}

/** sameInputs: everything setNodeStatus reads but the clock. */
function sameInputs(a: NodeStatusInput, b: NodeStatusInput): boolean {
  return a.spec === b.spec && a.identity === b.identity && a.config === b.config && a.images === b.images && a.containerRuntimeVersion === b.containerRuntimeVersion && a.epochMs === b.epochMs && a.notReady === b.notReady && a.memoryPressure === b.memoryPressure;
}

function statusInput(ctx: NodeStatusContext): NodeStatusInput {
  return {
    spec: ctx.spec,
    identity: ctx.identity,
    config: ctx.config,
    containerRuntimeVersion: `containerd://${ctx.runtime.version().runtimeVersion.slice(1)}`,
    images: ctx.runtime.images.nodeStatusImages(),
    nowMs: ctx.sim.nowMs,
    epochMs: ctx.epochMs,
    notReady: ctx.notReady?.(),
    ...(ctx.memoryPressure?.() ? { memoryPressure: true } : {}),
  };
}
