// A simulated containerd 1.7 with the CRI plugin, one per node: the runtime and image services the
// kubelet calls (RunPodSandbox, CreateContainer, StartContainer, StopContainer, PullImage…),
// with processes that run, print and exit on the sim clock whether or not the kubelet is alive.
import { processEnv } from './processEnv';
import { EMPTY_REGISTRY_STATE, type RegistryState } from '../registry/registryState';
import { resolveImage, type ResolveResult } from '../registry/resolve';
import { planContainerRun } from '../registry/runPlan';
import { DEFAULT_PULL_MODEL, pullDurationMs, type PullModel } from '../registry/pullTime';
import { Future } from '../sim/future';
import type { Rng } from '../sim/rng';
import type { Simulator, Timer } from '../sim/simulator';
import { newID } from './ids';
import { ImageStore } from './imageStore';
import { HostLocalIPAM } from './ipam';
import { exitPlan, SIGKILL_EXIT_CODE, stopPlan } from './process';
import type { ContainerConfig, ContainerRecord, LiveLog, PodSandbox, RuntimeOutage, RuntimeResult, SandboxConfig } from './types';
import { PidAllocator, ServiceProcess } from '../systemd/serviceProcess';

/** BARE_SHELL: a shell started without a script (it reads its commands from stdin). */
const BARE_SHELL = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash)( -i)?$/;

export const CONTAINERD_VERSION = '1.7.24';
/** SANDBOX_IMAGE is the pause image kubeadm 1.32 configures (pinned, present from boot). */
export const SANDBOX_IMAGE = 'registry.k8s.io/pause:3.10';

export interface RuntimeOptions {
  nodeName: string;
  podCIDR: string;
  nodeIP: string;
  nodeMemoryBytes: number;
  rng: Rng;
  registryState?: () => RegistryState;
  pullModel?: PullModel;
  /** pids: the machine's PID allocator (containerd.service's main process takes one per start). */
  pids?: PidAllocator;
}

/** PullOutcome is a finished pull: the stored image, or the registry's failure. */
export type PullOutcome = { ok: true; imageRef: string; sizeBytes: number; pullMs: number } | Extract<ResolveResult, { ok: false }>;

/**
 * ContainerRuntime is one node's containerd. Calls answer after a modelled latency; container
 * processes follow their registry behaviour (serve forever, exit after runMs, grow until
 * OOM-killed), and every state change is reported through `onPodChange` for the PLEG.
 */
export class ContainerRuntime {
  readonly images = new ImageStore();
  private readonly sandboxes = new Map<string, PodSandbox>();
  private readonly containers = new Map<string, ContainerRecord>();
  /** liveLogs: what a simulated component logs while it runs, by `namespace/pod/container` (attachLiveLog). */
  private readonly liveLogs = new Map<string, LiveLog>();
  private readonly exitTimers = new Map<string, Timer>();
  /**
   * byPod indexes sandboxes and containers by pod UID, in creation order (the PLEG and the
   * kubelet ask per pod). Arrays, not Sets: a pod has one or two of each, and two Sets per pod
   * were ~260 bytes at 150,000 pods.
   */
  private readonly byPod = new Map<string, PodIndex>();
  private readonly stopWaiters = new Map<string, Future<void>>();
  private readonly ipam: HostLocalIPAM;
  /**
   * attachLiveLog makes a component's runtime log part of its container's log: every instance of
   * that container created from now on (the etcd static pod's container shows its member's warnings).
   */
  attachLiveLog(namespace: string, pod: string, container: string, log: LiveLog): void {
    this.liveLogs.set(`${namespace}/${pod}/${container}`, log);
    for (const record of this.containers.values()) if (record.podNamespace === namespace && record.podName === pod && record.name === container) record.liveLog = log;
  }

  /** onPodChange is called with a pod UID whenever one of its containers or sandboxes changes state. */
  onPodChange: (podUid: string) => void = () => {};
  /** versions counts state changes per pod, so the kubelet can tell "nothing changed" cheaply. */
  private readonly versions = new Map<string, number>();
  /**
   * service is containerd.service's main process. Stopping it (`systemctl stop containerd`)
   * leaves the containers running under their shims, as containerd's KillMode=process does.
   */
  readonly service: ServiceProcess;
  /** outage: when containerd was last stopped, and when it came back (the kubelet's runtime checks read it). */
  outage: RuntimeOutage | undefined;
  /** onServiceChange is called after containerd stops or starts. */
  onServiceChange: () => void = () => {};

  constructor(private readonly sim: Simulator, private readonly options: RuntimeOptions) {
    this.ipam = new HostLocalIPAM(options.podCIDR);
    this.service = new ServiceProcess(options.pids ?? new PidAllocator(options.rng.fork('pids')), sim.nowMs);
    this.service.started(sim.nowMs);
    const pause = resolveImage(SANDBOX_IMAGE, this.registryState());
    if (pause.ok) this.images.add(pause, true);
  }

  /** stopService stops containerd itself; running containers keep running. */
  stopService(): void {
    if (!this.service.active) return;
    this.service.stopped(this.sim.nowMs);
    this.outage = { fromMs: this.sim.nowMs };
    this.onServiceChange();
  }

  startService(): void {
    if (this.service.active) return;
    this.service.started(this.sim.nowMs);
    if (this.outage) this.outage.toMs = this.sim.nowMs;
    this.onServiceChange();
  }

  /** sandbox finds a pod sandbox by ID (crictl). */
  sandbox(id: string): PodSandbox | undefined {
    return this.sandboxes.get(id);
  }

  /** listSandboxes returns every pod sandbox, in creation order (crictl pods). */
  listSandboxes(): PodSandbox[] {
    return [...this.sandboxes.values()];
  }

  version(): { runtimeName: string; runtimeVersion: string; runtimeApiVersion: string } {
    return { runtimeName: 'containerd', runtimeVersion: `v${CONTAINERD_VERSION}`, runtimeApiVersion: 'v1' };
  }

  /** pullImage resolves `image` in the registry and stores it after the modelled pull time. */
  pullImage(image: string): Future<PullOutcome> {
    const resolved = resolveImage(image, this.registryState());
    const out = new Future<PullOutcome>();
    const present = resolved.ok ? this.images.status(resolved.imageRef) : undefined;
    const baseMs = resolved.ok && !present ? pullDurationMs(resolved.sizeBytes, resolved.layers, this.options.pullModel ?? DEFAULT_PULL_MODEL) : pullDurationMs(0, 0, this.options.pullModel ?? DEFAULT_PULL_MODEL);
    const pullMs = Math.round(baseMs * (0.9 + 0.3 * this.options.rng.float()));
    const startMs = this.sim.nowMs;
    this.sim.after(pullMs, () => {
      this.traceCri('PullImage', undefined, startMs, { image, ok: resolved.ok, ...(resolved.ok ? { sizeBytes: resolved.sizeBytes } : {}) });
      if (!resolved.ok) return out.resolve(resolved);
      const record = this.images.add(resolved);
      out.resolve({ ok: true, imageRef: record.repoDigests[0], sizeBytes: record.sizeBytes, pullMs });
    });
    return out;
  }

  /** runPodSandbox starts the pause container and sets up the network (IP from host-local IPAM). */
  runPodSandbox(config: SandboxConfig, hostNetwork: boolean): Future<RuntimeResult<PodSandbox>> {
    const startMs = this.sim.nowMs;
    return this.later(this.options.rng.intBetween(150, 350), () => {
      const ip = hostNetwork ? this.options.nodeIP : this.ipam.allocate(config.podUid);
      this.traceCri('RunPodSandbox', config, startMs, { image: SANDBOX_IMAGE, ok: Boolean(ip), ...(ip ? { ip } : {}) });
      if (!ip) return { ok: false, message: `failed to setup network for sandbox: plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${this.options.podCIDR}` };
      const sandbox: PodSandbox = { id: newID(this.options.rng), podUid: config.podUid, namespace: config.namespace, name: config.name, attempt: config.attempt, ip, state: 'SANDBOX_READY', createdAtMs: this.sim.nowMs };
      this.sandboxes.set(sandbox.id, sandbox);
      const index = this.podIndex(sandbox.podUid);
      index.sandboxes = index.sandboxes.concat(sandbox);
      this.changed(config.podUid);
      return { ok: true, value: sandbox };
    });
  }

  /** stopPodSandbox kills what still runs in the sandbox and tears the network down. */
  stopPodSandbox(id: string): Future<void> {
    return this.later(this.options.rng.intBetween(30, 80), () => {
      const sandbox = this.sandboxes.get(id);
      if (!sandbox || sandbox.state === 'SANDBOX_NOTREADY') return;
      for (const c of this.containers.values()) if (c.sandboxId === id && c.state === 'CONTAINER_RUNNING') this.exit(c, SIGKILL_EXIT_CODE, 'Error');
      sandbox.state = 'SANDBOX_NOTREADY';
      if (sandbox.ip !== this.options.nodeIP) this.ipam.release(sandbox.ip);
      this.changed(sandbox.podUid);
    });
  }

  removePodSandbox(id: string): void {
    const sandbox = this.sandboxes.get(id);
    if (!sandbox) return;
    for (const c of this.podContainers(sandbox.podUid)) if (c.sandboxId === id) this.removeContainer(c.id);
    this.sandboxes.delete(id);
    const index = this.byPod.get(sandbox.podUid);
    if (index) removeFrom(index.sandboxes, sandbox);
    if (index && index.sandboxes.length === 0 && index.containers.length === 0) {
      this.byPod.delete(sandbox.podUid);
      this.versions.delete(sandbox.podUid);
    }
  }

  /** createContainer creates (does not start) a container from a stored image. */
  createContainer(sandboxId: string, config: ContainerConfig): Future<RuntimeResult<ContainerRecord>> {
    const startMs = this.sim.nowMs;
    return this.later(this.options.rng.intBetween(20, 60), () => {
      const sandbox = this.sandboxes.get(sandboxId);
      const image = this.images.status(config.imageRef);
      this.traceCri('CreateContainer', sandbox, startMs, { container: config.name, ok: Boolean(sandbox && image) });
      if (!sandbox || sandbox.state !== 'SANDBOX_READY') return { ok: false, message: `failed to create containerd container: sandbox ${sandboxId} not found or not ready` };
      if (!image) return { ok: false, message: `failed to create containerd container: failed to get image "${config.imageRef}": not found` };
      const planned = planContainerRun(image.resolved, { command: config.command, args: config.args, env: config.env }, this.registryState());
      // A shell with an open stdin and no script reads commands until stdin closes: it keeps running.
      const plan = config.stdin && BARE_SHELL.test(planned.argv.join(' ')) ? { ...planned, behavior: { ...planned.behavior, mode: 'serve' as const, runMs: 0, readyAfterMs: 0, ports: [] } } : planned;
      const container: ContainerRecord = {
        id: newID(this.options.rng), sandboxId, podUid: sandbox.podUid, podName: sandbox.name, podNamespace: sandbox.namespace, name: config.name,
        attempt: config.attempt, image: image.resolved.normalized, imageRef: image.repoDigests[0], hash: config.hash, state: 'CONTAINER_CREATED',
        createdAtMs: this.sim.nowMs, argv: plan.argv, env: processEnv(sandbox.name, image.resolved.config.env ?? [], config.envs ?? []), tools: image.resolved.config.tools, files: image.resolved.config.files, behavior: plan.behavior, memoryLimitBytes: config.memoryLimitBytes,
        // Fields set later are made now: added afterwards they would go to a property array.
        startedAtMs: undefined, finishedAtMs: undefined, exitCode: undefined, reason: undefined, cpuAccounting: undefined,
        liveLog: this.liveLogs.get(`${sandbox.namespace}/${sandbox.name}/${config.name}`),
        layer: undefined,
      };
      this.containers.set(container.id, container);
      const index = this.podIndex(container.podUid);
      index.containers = index.containers.concat(container);
      this.changed(container.podUid);
      return { ok: true, value: container };
    });
  }

  /** startContainer starts the process; a finite one schedules its own exit. */
  startContainer(id: string): Future<RuntimeResult<void>> {
    const startMs = this.sim.nowMs;
    return this.later<RuntimeResult<void>>(this.options.rng.intBetween(40, 120), () => {
      const container = this.containers.get(id);
      this.traceCri('StartContainer', container && { namespace: container.podNamespace, name: container.podName }, startMs, { container: container?.name, ok: container?.state === 'CONTAINER_CREATED' });
      if (!container || container.state !== 'CONTAINER_CREATED') return { ok: false, message: `failed to start containerd task "${id}": not found` };
      container.state = 'CONTAINER_RUNNING';
      container.startedAtMs = this.sim.nowMs;
      const plan = exitPlan(container.behavior, container.memoryLimitBytes, this.options.nodeMemoryBytes);
      if (plan) this.exitTimers.set(id, this.sim.after(plan.afterMs, () => this.exit(container, plan.exitCode, plan.reason)));
      this.changed(container.podUid);
      return { ok: true, value: undefined };
    });
  }

  /**
   * stopContainer sends SIGTERM, waits up to `timeoutSec` for the process to exit, then SIGKILLs
   * it (exit 137). Resolves once the container has exited.
   */
  stopContainer(id: string, timeoutSec: number): Future<void> {
    const container = this.containers.get(id);
    if (!container || container.state !== 'CONTAINER_RUNNING') return Future.resolved<void>(undefined);
    const pending = this.stopWaiters.get(id);
    if (pending) return pending;
    const done = new Future<void>();
    this.stopWaiters.set(id, done);
    const plan = stopPlan(container.argv, container.behavior);
    const graceMs = Math.max(0, timeoutSec) * 1000;
    if (plan && plan.afterMs <= graceMs) this.sim.after(plan.afterMs, () => this.exit(container, plan.exitCode, plan.exitCode === 0 ? 'Completed' : 'Error'));
    else this.sim.after(graceMs, () => this.exit(container, SIGKILL_EXIT_CODE, 'Error'));
    return done;
  }

  /** oomKill is the kernel's OOM killer in the container's cgroup: exit 137, reason OOMKilled. */
  oomKill(id: string): void {
    const container = this.containers.get(id);
    if (container) this.exit(container, SIGKILL_EXIT_CODE, 'OOMKilled');
  }

  /** requestExit makes a running process exit on its own (a preStop `nginx -s quit`), shortly after. */
  requestExit(id: string, exitCode: number, afterMs = 50): void {
    const container = this.containers.get(id);
    if (!container || container.state !== 'CONTAINER_RUNNING') return;
    this.sim.after(afterMs, () => this.exit(container, exitCode, exitCode === 0 ? 'Completed' : 'Error'));
  }

  removeContainer(id: string): void {
    const container = this.containers.get(id);
    if (!container) return;
    this.sim.cancel(this.exitTimers.get(id));
    this.exitTimers.delete(id);
    this.containers.delete(id);
    const index = this.byPod.get(container.podUid);
    if (index) removeFrom(index.containers, container);
  }

  /** podSandboxes / podContainers list one pod's sandboxes and containers, newest first. */
  podSandboxes(podUid: string): PodSandbox[] {
    const sandboxes = this.byPod.get(podUid)?.sandboxes;
    if (!sandboxes) return [];
    return sandboxes.slice().sort((a, b) => b.createdAtMs - a.createdAtMs || b.attempt - a.attempt);
  }

  podContainers(podUid: string): ContainerRecord[] {
    const containers = this.byPod.get(podUid)?.containers;
    if (!containers) return [];
    return containers.slice().sort((a, b) => b.createdAtMs - a.createdAtMs || b.attempt - a.attempt);
  }

  private podIndex(podUid: string): PodIndex {
    let index = this.byPod.get(podUid);
    if (!index) this.byPod.set(podUid, (index = { sandboxes: [], containers: [] }));
    return index;
  }

  container(id: string): ContainerRecord | undefined {
    return this.containers.get(id);
  }

  /** listContainers returns every container this runtime knows, in creation order (the stats provider walks it). */
  listContainers(): ContainerRecord[] {
    return [...this.containers.values()];
  }

  /** runningContainers counts running containers (node summary, tests). */
  runningContainers(): number {
    let count = 0;
    for (const c of this.containers.values()) if (c.state === 'CONTAINER_RUNNING') count++;
    return count;
  }

  private exit(container: ContainerRecord, exitCode: number, reason: string): void {
    if (container.state !== 'CONTAINER_RUNNING') return;
    this.sim.cancel(this.exitTimers.get(container.id));
    this.exitTimers.delete(container.id);
    container.state = 'CONTAINER_EXITED';
    container.finishedAtMs = this.sim.nowMs;
    container.exitCode = exitCode;
    container.reason = reason;
    const waiter = this.stopWaiters.get(container.id);
    this.stopWaiters.delete(container.id);
    this.changed(container.podUid);
    waiter?.resolve();
  }

  /** podVersion changes whenever one of the pod's sandboxes or containers changes state. */
  podVersion(podUid: string): number {
    return this.versions.get(podUid) ?? 0;
  }

  /** filesChanged: an exec changed a container's files; the PLEG sees the pod as changed (its exec probes may answer differently). */
  filesChanged(podUid: string): void {
    this.changed(podUid);
  }

  private changed(podUid: string): void {
    this.versions.set(podUid, (this.versions.get(podUid) ?? 0) + 1);
    this.onPodChange(podUid);
  }

  /**
   * traceCri records a finished CRI call (`cri.RunPodSandbox`, `cri.PullImage`, ...) as the
   * kubelet → container runtime step of the pod-creation sequence.
   */
  private traceCri(call: string, pod: { namespace: string; name: string } | undefined, startMs: number, detail: Record<string, unknown>): void {
    if (!this.sim.trace.enabled) return;
    this.sim.emit({
      component: `containerd/${this.options.nodeName}`,
      kind: `cri.${call}`,
      ...(pod ? { ref: { kind: 'Pod', namespace: pod.namespace, name: pod.name } } : {}),
      durationMs: this.sim.nowMs - startMs,
      ...detail,
    });
  }

  private later<T>(delayMs: number, run: () => T): Future<T> {
    const out = new Future<T>();
    this.sim.after(delayMs, () => out.resolve(run()));
    return out;
  }

  private registryState(): RegistryState {
    return this.options.registryState?.() ?? EMPTY_REGISTRY_STATE;
  }
}

/**
 * PodIndex: a pod's sandboxes and containers. Appends make a new array (concat) rather than push:
 * a pushed-to empty array keeps room for 17, ~270 wasted bytes per pod at one container.
 */
interface PodIndex {
  sandboxes: PodSandbox[];
  containers: ContainerRecord[];
}

function removeFrom<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}
