// The node's systemd side, as seen from its kubelet: kubelet.service and containerd.service,
// their journal lines, and what a containerd stop or start does to the kubelet.
import { value } from '../api/quantity';
import type { NodeSpec } from '../clusterSpec';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import { CONTAINERD_VERSION } from '../runtime/containerRuntime';
import type { Simulator } from '../sim/simulator';
import type { Journal } from '../systemd/journal';
import { klogLine, type KlogSeverity } from '../systemd/klog';
import type { ServiceProcess } from '../systemd/serviceProcess';
import { formatTimespan } from '../systemd/systemdTime';
import { CONTAINERD_UNIT, KUBELET_UNIT, logStarted, logStopped, logStopping, type MachineServices, type ServiceUnit, type UnitUsage } from '../systemd/units';
import { KUBELET_VERSION } from './config';
import type { RuntimeHealth } from './runtimeHealth';

/** KubeletUnitsHost is the part of the Kubelet this file works with. */
export interface KubeletUnitsHost {
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly nodeName: string;
  readonly spec: NodeSpec;
  readonly journal: Journal;
  readonly process: ServiceProcess;
  readonly runtime: ContainerRuntime;
  readonly runtimeHealth: RuntimeHealth;
  readonly running: boolean;
  start(): void;
  stop(): void;
  resumePodSync(): void;
  pausePodSync(): void;
  podCount(): number;
}

/** kubeletLog writes one klog line of the kubelet to the journal. */
export function kubeletLog(k: KubeletUnitsHost, severity: KlogSeverity, source: string, message: string): void {
  k.journal.write(KUBELET_UNIT.name, 'kubelet', k.process.pid, klogLine(severity, k.epochMs + k.sim.nowMs, k.process.pid, source, message));
}

/** containerdLog writes one logrus line of containerd (`time="…" level=info msg="…"`). */
function containerdLog(k: KubeletUnitsHost, msg: string, fields = ''): void {
  const pid = k.runtime.service.pid;
  k.journal.write(CONTAINERD_UNIT.name, 'containerd', pid, `time="${rfc3339Nano(k.epochMs + k.sim.nowMs, pid)}" level=info msg=${JSON.stringify(msg)}${fields}`);
}

function rfc3339Nano(wallMs: number, pid: number): string {
  const iso = new Date(wallMs).toISOString();
  return `${iso.slice(0, 23)}${String((Math.floor(wallMs) * 104_729 + pid) % 1_000_000).padStart(6, '0')}Z`;
}

/** logContainerdStarted: systemd's lines and containerd's own as it comes up. */
export function logContainerdStarted(k: KubeletUnitsHost): void {
  logStarted(k.journal, CONTAINERD_UNIT);
  containerdLog(k, 'starting containerd', ` version=${CONTAINERD_VERSION}`);
  containerdLog(k, 'Start cri plugin with config {…}');
  containerdLog(k, 'containerd successfully booted in 0.061234s');
}

/** onKubeletStarted: a new kubelet process (systemd's line, the kubelet's first lines). */
export function onKubeletStarted(k: KubeletUnitsHost): void {
  k.process.started(k.sim.nowMs);
  logStarted(k.journal, KUBELET_UNIT);
  kubeletLog(k, 'I', 'server.go:486', `"Kubelet version" kubeletVersion="${KUBELET_VERSION}"`);
  kubeletLog(k, 'I', 'server.go:488', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""');
  kubeletLog(k, 'I', 'kubelet_node_status.go:75', `"Attempting to register node" node=${JSON.stringify(k.nodeName)}`);
  k.runtimeHealth.refresh();
}

export function onKubeletStopped(k: KubeletUnitsHost): void {
  const cpu = formatTimespan(usageOf(k, KUBELET_UNIT.name).cpuMs);
  logStopping(k.journal, KUBELET_UNIT);
  k.process.stopped(k.sim.nowMs);
  k.runtimeHealth.refresh();
  logStopped(k.journal, KUBELET_UNIT, cpu);
}

/** onRuntimeServiceChange: containerd stopped or started; the kubelet parks or resumes its pod sync. */
export function onRuntimeServiceChange(k: KubeletUnitsHost): void {
  if (k.runtime.service.active) {
    logContainerdStarted(k);
    k.runtimeHealth.refresh();
    k.resumePodSync();
    return;
  }
  k.pausePodSync();
  k.runtimeHealth.refresh();
}

/** stopContainerd is `systemctl stop containerd`: its lines, then the process ends. */
function stopContainerd(k: KubeletUnitsHost): void {
  if (!k.runtime.service.active) return;
  const cpu = formatTimespan(usageOf(k, CONTAINERD_UNIT.name).cpuMs);
  logStopping(k.journal, CONTAINERD_UNIT);
  containerdLog(k, 'Stop CRI service');
  k.runtime.stopService();
  logStopped(k.journal, CONTAINERD_UNIT, cpu);
}

/**
 * usageOf models a daemon's cgroup counters: a base footprint plus a share per pod it handles,
 * and CPU time as a small share of a core over its uptime. Shown by `systemctl status`.
 */
function usageOf(k: KubeletUnitsHost, unit: string): UnitUsage {
  const pods = k.podCount();
  const kubelet = unit === KUBELET_UNIT.name;
  const process = kubelet ? k.process : k.runtime.service;
  const uptimeMs = Math.max(0, k.sim.nowMs - process.sinceMs);
  const containers = kubelet ? 0 : k.runtime.runningContainers();
  return kubelet
    ? { tasks: 14 + Math.min(30, Math.floor(pods / 4)), memoryBytes: (38 + 0.4 * pods) * 2 ** 20, cpuMs: uptimeMs * (0.012 + 0.0004 * pods) }
    : { tasks: 9 + containers, memoryBytes: (31 + 1.1 * containers) * 2 ** 20, cpuMs: uptimeMs * (0.004 + 0.0002 * containers) };
}

/** machineServices: the units `systemctl` lists on this node. */
export function machineServices(k: KubeletUnitsHost): MachineServices {
  const kubelet: ServiceUnit = { file: KUBELET_UNIT, process: k.process, start: () => k.start(), stop: () => k.stop(), usage: () => usageOf(k, KUBELET_UNIT.name) };
  const containerd: ServiceUnit = {
    file: CONTAINERD_UNIT, process: k.runtime.service, start: () => k.runtime.startService(), stop: () => stopContainerd(k), usage: () => usageOf(k, CONTAINERD_UNIT.name),
    execStartPrePid: k.runtime.service.pid - 6,
  };
  // systemd's DefaultTasksMax is 15 % of threads-max, which the kernel sizes at one thread per 128 KiB of memory.
  const tasksMax = Math.floor((value(k.spec.memory) / (128 * 1024)) * 0.15);
  return { hostname: k.nodeName, units: [containerd, kubelet], journal: k.journal, tasksMax };
}
