// Mirrors kubernetes pkg/kubelet/nodestatus/setters.go (v1.32): the functions that fill
// node.status on every status update (MachineInfo, NodeAddress, VersionInfo, Images,
// DaemonEndpoints, MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition,
// ReadyCondition).
import type { ContainerImage, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import { milliValue, value } from '../../api/quantity';
import type { NodeSpec } from '../../clusterSpec';
import { toRFC3339 } from '../../sim/time';
import { DEFAULT_DISK_BYTES, KERNEL_VERSION, KUBELET_VERSION, OS_IMAGE, type KubeletConfiguration } from '../config';
import type { NodeIdentity } from '../nodeIdentity';
import { deepEqual } from '../util/deepEqual';
import { formatBinarySI, formatMilliCPU } from './quantity';

/** NodeStatusInput is what the setters read: the node's shape, identity and live runtime facts. */
export interface NodeStatusInput {
  spec: NodeSpec;
  identity: NodeIdentity;
  config: KubeletConfiguration;
  containerRuntimeVersion: string;
  images: readonly ContainerImage[];
  nowMs: number;
  epochMs: number;
  /** notReady: why the node is not ready (runtime errors, aggregated); absent when it is. */
  notReady?: string;
  /** memoryPressure: the eviction manager reports the memory.available threshold met (or met within the transition period). */
  memoryPressure?: boolean;
}

/** ConditionSpec: a condition's healthy state and the event recorded when it is entered. */
interface ConditionSpec {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  event: string;
}

/** The four conditions in the order the setters append them, all healthy. */
const CONDITIONS: ConditionSpec[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/** MEMORY_PRESSURE: MemoryPressureCondition when the eviction manager says so. */
const MEMORY_PRESSURE: ConditionSpec = { type: 'MemoryPressure', status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available', event: 'NodeHasInsufficientMemory' };

/** notReadySpec: ReadyCondition when the runtime, network or storage report errors (reason KubeletNotReady). */
function notReadySpec(message: string): ConditionSpec {
  return { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message, event: 'NodeNotReady' };
}

/**
 * setNodeStatus computes the kubelet-owned node.status from the previous one. Heartbeat times are
 * always now; a condition's lastTransitionTime moves only when its status changes. `events` are
 * the node events the change calls for (NodeHasSufficientMemory when a pressure condition is
 * first set or clears; NodeReady only when Ready flips, not on first registration).
 */
export function setNodeStatus(previous: NodeStatus | undefined, input: NodeStatusInput): { status: NodeStatus; events: string[] } {
  const now = toRFC3339(input.nowMs, input.epochMs);
  const events: string[] = [];
  const conditions: NodeCondition[] = [];
  for (const healthy of CONDITIONS) {
    const spec = healthy.type === 'Ready' && input.notReady !== undefined ? notReadySpec(input.notReady) : healthy.type === 'MemoryPressure' && input.memoryPressure ? MEMORY_PRESSURE : healthy;
    const old = previous?.conditions?.find((c) => c.type === spec.type);
    const same = old?.status === spec.status;
    if (!same && (spec.type !== 'Ready' || old)) events.push(spec.event);
    conditions.push({ type: spec.type, status: spec.status, lastHeartbeatTime: now, lastTransitionTime: same ? old!.lastTransitionTime : now, reason: spec.reason, message: spec.message });
  }
  const { capacity, allocatable } = machineInfo(input.spec, input.config);
  const status: NodeStatus = {
    capacity,
    allocatable,
    conditions,
    addresses: [{ type: 'InternalIP', address: input.identity.internalIP }, { type: 'Hostname', address: input.spec.name }],
    daemonEndpoints: { kubeletEndpoint: { Port: input.config.port } },
    nodeInfo: {
      machineID: input.identity.machineID,
      systemUUID: input.identity.systemUUID,
      bootID: input.identity.bootID,
      kernelVersion: KERNEL_VERSION,
      osImage: OS_IMAGE,
      containerRuntimeVersion: input.containerRuntimeVersion,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    // Shared, frozen: the apiserver copies what it is sent.
    images: input.images as ContainerImage[],
  };
  return { status, events };
}

/**
 * machineInfo: capacity is the machine (NodeSpec cpu/memory/pods, a 100Gi disk, no hugepages);
 * allocatable subtracts kubeadm's only default reservation, the hard eviction thresholds:
 * memory.available<100Mi and nodefs.available<10% (no kube-reserved/system-reserved).
 */
export function machineInfo(spec: NodeSpec, config: KubeletConfiguration): MachineInfo {
  const memo = machineInfos.get(spec);
  if (memo?.config === config) return memo.info;
  const cpu = formatMilliCPU(milliValue(spec.cpu));
  const memoryBytes = value(spec.memory);
  const pods = String(value(spec.pods));
  const disk = DEFAULT_DISK_BYTES;
  const capacity = { cpu, 'ephemeral-storage': formatBinarySI(disk), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: formatBinarySI(memoryBytes), pods };
  const allocatable = {
    cpu,
    'ephemeral-storage': String(disk - Math.trunc(disk * config.evictionHardNodefsFraction)),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatBinarySI(memoryBytes - config.evictionHardMemoryBytes),
    pods,
  };
  const info = Object.freeze({ capacity: Object.freeze(capacity), allocatable: Object.freeze(allocatable) });
  machineInfos.set(spec, { config, info });
  return info;
}

type MachineInfo = { readonly capacity: Readonly<Record<string, string>>; readonly allocatable: Readonly<Record<string, string>> };

/** machineInfos: a node's machine does not change, and its status is computed every 10 s. */
const machineInfos = new WeakMap<NodeSpec, { config: KubeletConfiguration; info: MachineInfo }>();

/**
 * statusChanged compares the kubelet-owned fields of two statuses, ignoring condition heartbeat
 * times and key order (nodeStatusHasChanged).
 */
export function statusChanged(stored: NodeStatus | undefined, next: NodeStatus): boolean {
  if (!stored) return true;
  return !(
    deepEqual(stored.capacity, next.capacity) && deepEqual(stored.allocatable, next.allocatable) && deepEqual(stored.addresses, next.addresses) &&
    deepEqual(stored.daemonEndpoints, next.daemonEndpoints) && deepEqual(stored.nodeInfo, next.nodeInfo) && deepEqual(stored.images, next.images) &&
    sameConditions(stored.conditions ?? [], next.conditions ?? [])
  );
}

/** sameConditions: same types, statuses, reasons, messages and transition times, in order (heartbeats aside). */
function sameConditions(a: readonly NodeCondition[], b: readonly NodeCondition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.status !== y.status || x.reason !== y.reason || x.message !== y.message || x.lastTransitionTime !== y.lastTransitionTime) return false;
  }
  return true;
}
