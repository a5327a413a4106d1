// Mirrors kubernetes pkg/kubelet/kubelet.go (v1.32): the node agent. It registers the Node, keeps
// its Lease and status fresh, watches the pods bound to it and runs them on the node's containerd.
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/object';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import type { SharedIndexInformer } from '../client/cache/sharedInformer';
import type { ApiClient } from '../client/client';
import { EventRecorder } from '../client/record/eventRecorder';
import type { Component } from '../cluster';
import type { NodeSpec } from '../clusterSpec';
import type { NodeAgent } from '../commands/shellEnv';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import { value } from '../api/quantity';
import { LoadModel } from '../metrics/loadModel';
import { apiserverPodView } from '../metrics/server/metricsServer';
import type { RegistryState } from '../registry/registryState';
import { ContainerRuntime } from '../runtime/containerRuntime';
import type { Rng } from '../sim/rng';
import type { Simulator, Timer } from '../sim/simulator';
import { spawn, wait, type Task } from '../sim/task';
import { DEFAULT_KUBELET_CONFIG, type KubeletConfiguration } from './config';
import type { SyncFailure } from './containerStatuses';
import type { LogRequest } from './containerLogs';
import { EVENTS } from './events';
import { semanticallyChanged } from './config/podsDiffer';
import { serveContainerLogs, serveExec, servePodHttp, type ServerView } from './kubeletServer';
import { registerWithAPIServer, tryUpdateNodeStatus, type NodeStatusContext } from './kubeletNodeStatus';
import { kubeletSyncPod, kubeletSyncTerminatedPod, kubeletSyncTerminatingPod, type KubeletSyncState } from './kubeletSync';
import type { RuntimeManagerContext } from './kuberuntime/kuberuntimeContainer';
import { newRuntimeManagerContext } from './kuberuntime/runtimeManagerContext';
import { NodeLeaseController } from './nodelease/controller';
import { nodeIdentity, type NodeIdentity } from './nodeIdentity';
import { GenericPLEG } from './pleg/generic';
import type { PodLifecycleState } from './podLifecycle';
import { PodWorkers } from './podWorkers';
import { StatusManager } from './status/statusManager';
import { containerEnvironment } from './envvars/containerEnv';
import type { SharedServiceLister } from './envvars/serviceLister';
import type { ExecRequest } from './containerExec';
import type { ExecResult } from '../runtime/exec/shell';
import { SourceFile, type ManifestDirectory, type StaticPodHost } from './config/file';
import type { MirrorPodContext } from './kubeletMirrorPods';
import { StaticPods } from './kubeletStaticPods';
import { isMirrorPod } from './pod/mirrorClient';
import { PodManager } from './pod/podManager';
import { RuntimeHealth } from './runtimeHealth';
import { EvictionManager } from './eviction/evictionManager';
import { toRFC3339 } from '../sim/time';
import { Journal } from '../systemd/journal';
import { PidAllocator, ServiceProcess } from '../systemd/serviceProcess';
import { kubeletLog, logContainerdStarted, machineServices, onKubeletStarted, onKubeletStopped, onRuntimeServiceChange } from './kubeletUnits';
import type { MachineServices } from '../systemd/units';

export interface KubeletOptions {
  config?: KubeletConfiguration;
  /** services: the Services the kubelet's informer holds (the cluster's kubelets share one). */
  services?: SharedServiceLister;
  /** registryState: images added or overridden by the scenario (the `sim image` command). */
  registryState?: () => RegistryState;
  /** identity overrides a control-plane machine's address and pod CIDR (kubeadm init's node). */
  identity?: Partial<Pick<NodeIdentity, 'internalIP' | 'podCIDR'>>;
  /** staticPods are the manifests in the kubelet's --pod-manifest-path (kubeadm's control plane). */
  staticPods?: Pod[];
  /** joinDelayMs holds the first registration back (a worker joining after `kubeadm init`). */
  joinDelayMs?: number;
}

/**
 * Kubelet is the component `kubelet/<node>`. stop() kills the kubelet process only: no lease,
 * no status, no watch, no pod syncs, while containerd and the containers keep running; start()
 * brings it back, relists its pods and resyncs them. Besides the apiserver's pods it runs the
 * static pods of its manifest directory (kubeadm's control plane), each shown by a mirror pod.
 *
 * @example
 * const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
 * kubelet.getContainerLogs('default', 'web', 'nginx', { tail: 10 });
 */
export class Kubelet implements Component, NodeAgent, KubeletSyncState, StaticPodHost {
  readonly name: string;
  readonly component: string;
  readonly nodeName: string;
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly identity: NodeIdentity;
  readonly hostIP: string;
  readonly runtime: ContainerRuntime;
  readonly statusManager: StatusManager;
  readonly podWorkers: PodWorkers;
  readonly reasonCache = new Map<string, Map<string, SyncFailure>>();
  readonly lifecycle = new Map<string, PodLifecycleState>();
  readonly lastSynced: KubeletSyncState['lastSynced'] = new Map();
  readonly runtimeCtx: RuntimeManagerContext;
  readonly load: LoadModel;
  readonly podManager = new PodManager();
  readonly mirrorPods: MirrorPodContext;
  private readonly config: KubeletConfiguration;
  private readonly services: SharedServiceLister | undefined;
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly rng: Rng;
  private readonly pleg: GenericPLEG;
  private readonly lease: NodeLeaseController;
  private readonly nodeStatusCtx: NodeStatusContext;
  private factory: SharedInformerFactory | undefined;
  private podInformer: SharedIndexInformer<Pod> | undefined;
  private statusTimer: Timer | undefined;
  private nodeUid: string | undefined;
  private startedAtMs = 0;
  private lastStatusReportMs = -Infinity;
  private readonly sourceFile: SourceFile;
  private readonly staticPods: StaticPods;
  private joinDelayMs: number;
  private joinTimer: Timer | undefined;
  /** wakeups: per pod, the time of the pending readiness wake-up. */
  private readonly wakeups = new Map<string, number>();
  running = false;
  /** journal is the node's systemd journal (kubelet.service and containerd.service write to it). */
  readonly journal: Journal;
  /** process is kubelet.service's main process. */
  readonly process: ServiceProcess;
  readonly runtimeHealth: RuntimeHealth;
  readonly eviction: EvictionManager;
  private readonly pids: PidAllocator;
  /** podSyncEnabled: this run of the kubelet has registered and may sync pods. */
  private podSyncEnabled = false;

  constructor(ctx: ComponentContext, readonly spec: NodeSpec, index: number, options: KubeletOptions = {}) {
    this.nodeName = spec.name;
    this.name = `kubelet/${spec.name}`;
    this.component = this.name;
    this.sim = ctx.sim;
    this.epochMs = ctx.epochMs;
    this.config = options.config ?? DEFAULT_KUBELET_CONFIG;
    this.rng = ctx.sim.rng.fork(this.name);
    this.services = options.services;
    this.identity = { ...nodeIdentity(index, this.rng.fork('identity')), ...options.identity };
    this.sourceFile = new SourceFile(options.staticPods ?? [], spec.name, ctx.epochMs);
    this.joinDelayMs = options.joinDelayMs ?? 0;
    this.hostIP = this.identity.internalIP;
    this.client = clientFor(ctx, USERS.node(spec.name), this.name).withRateLimit(ctx.clientRateLimits.kubelet.qps, ctx.clientRateLimits.kubelet.burst);
    this.recorder = new EventRecorder(this.sim, this.client, { component: 'kubelet', host: spec.name }, ctx.epochMs, this.rng.fork('events'));
    this.journal = new Journal(() => this.sim.nowMs);
    this.pids = new PidAllocator(this.rng.fork('pids'));
    this.runtime = new ContainerRuntime(this.sim, { nodeName: spec.name, podCIDR: this.identity.podCIDR, nodeIP: this.hostIP, nodeMemoryBytes: value(spec.memory), rng: this.rng.fork('containerd'), registryState: options.registryState, pids: this.pids });
    this.process = new ServiceProcess(this.pids, this.sim.nowMs);
    this.runtimeHealth = new RuntimeHealth({ sim: this.sim, epochMs: this.epochMs, runtime: this.runtime, journal: this.journal, process: this.process, relistPeriodMs: this.config.plegRelistPeriodMs });
    this.runtime.onServiceChange = () => onRuntimeServiceChange(this);
    logContainerdStarted(this);
    this.runtimeCtx = newRuntimeManagerContext({
      sim: this.sim, runtime: this.runtime, config: this.config, recorder: this.recorder, isRunning: () => this.running,
      containerEnv: containerEnvironment(this.runtime, options.services, this.hostIP, this.rng.fork('envvars')),
    });
    this.load = new LoadModel(ctx.load, apiserverPodView(ctx));
    this.statusManager = new StatusManager(this.sim, this.client, this.epochMs, (uid) => this.podManager.mirrorUidOf(uid));
    this.podWorkers = new PodWorkers(this.sim, this.rng.fork('podWorkers'), {
      syncPod: (pod) => kubeletSyncPod(this, pod),
      syncTerminatingPod: (pod, grace, statusFn) => kubeletSyncTerminatingPod(this, pod, grace, statusFn),
      syncTerminatedPod: (pod, statusFn) => kubeletSyncTerminatedPod(this, pod, statusFn),
      podForgotten: (uid) => this.forgetPod(uid),
    }, { resyncIntervalMs: this.config.syncFrequencyMs, backOffPeriodMs: this.config.backOffPeriodMs, tickAlignedMs: (due) => this.syncTickAligned(due) });
    this.eviction = new EvictionManager({
      sim: this.sim, runtime: this.runtime, load: this.load, capacityBytes: value(spec.memory), thresholdBytes: this.config.evictionHardMemoryBytes,
      activePods: () => ((this.podInformer?.indexer.list() ?? []) as Array<Stored<Pod>>).filter((p) => !isMirrorPod(p) && this.podWorkers.state(p.metadata.uid ?? '') === 'syncing'),
      killPod: (pod, grace, statusFn) => this.podWorkers.killPod(pod.metadata.uid ?? '', grace, statusFn),
      recordEvent: (pod, reason, message) => this.recorder.event(pod, 'Warning', reason, message),
      now: () => toRFC3339(this.sim.nowMs, this.epochMs),
    });
    this.mirrorPods = {
      client: this.client, podManager: this.podManager, workerState: (uid) => this.podWorkers.state(uid),
      node: () => (this.nodeUid === undefined ? undefined : { name: this.nodeName, uid: this.nodeUid }),
    };
    this.staticPods = new StaticPods({
      sim: this.sim, sourceFile: this.sourceFile, podManager: this.podManager, podWorkers: this.podWorkers, statusManager: this.statusManager,
      mirrorPods: this.mirrorPods, isRunning: () => this.running, startedAtMs: () => this.startedAtMs,
    });
    this.pleg = new GenericPLEG(this.sim, this.runtime, this.config.plegRelistPeriodMs, this.name, (uids) => this.podWorkers.syncPods(uids));
    this.runtime.onPodChange = (uid) => this.pleg.markChanged(uid);
    this.lease = new NodeLeaseController(this.sim, this.client, this.rng.fork('lease'), spec.name, () => this.nodeUid, this.config.nodeLeaseDurationSeconds, this.config.leaseRenewIntervalMs, this.epochMs);
    this.nodeStatusCtx = {
      sim: this.sim, client: this.client, spec, identity: this.identity, config: this.config, runtime: this.runtime, epochMs: this.epochMs,
      recordNodeEvent: (type, reason, message) => this.recorder.event(this.nodeRef(), type, reason, message),
      isRunning: () => this.running,
      notReady: () => this.runtimeHealth.notReady(),
      memoryPressure: () => this.eviction.memoryPressure(),
    };
  }

  start(): void {
    if (this.running || this.joinTimer) return;
    if (this.joinDelayMs > 0) {
      // A worker's kubelet starts when `kubeadm join` runs on it, after the control plane is up.
      const delay = this.joinDelayMs;
      this.joinDelayMs = 0;
      this.joinTimer = this.sim.after(delay, () => {
        this.joinTimer = undefined;
        this.start();
      });
      return;
    }
    this.running = true;
    this.startedAtMs = this.sim.nowMs;
    onKubeletStarted(this);
    this.services?.start();
    this.recorder.event(this.nodeRef(), 'Normal', EVENTS.StartingKubelet, 'Starting kubelet.');
    this.recorder.event(this.nodeRef(), 'Warning', EVENTS.InvalidDiskCapacity, 'invalid capacity 0 on image filesystem');
    spawn(this.run());
  }

  stop(): void {
    this.sim.cancel(this.joinTimer);
    this.joinTimer = undefined;
    if (!this.running) return;
    this.running = false;
    this.podSyncEnabled = false;
    this.factory?.stop();
    this.factory = undefined;
    this.lease.stop();
    this.sim.cancel(this.statusTimer);
    this.staticPods.stop();
    this.pleg.stop();
    this.podWorkers.stop();
    this.statusManager.stop();
    onKubeletStopped(this);
    if (this.sim.trace.enabled) this.sim.emit({ component: this.name, kind: 'kubelet.stop' });
  }

  /** run is Kubelet.Run: register, then heartbeats, the pod watch, PLEG and the workers. */
  private *run(): Task<void> {
    const registered = yield* registerWithAPIServer(this.nodeStatusCtx);
    if (!registered || !this.running) return;
    kubeletLog(this, 'I', 'kubelet_node_status.go:78', registered.created ? `"Successfully registered node" node=${JSON.stringify(this.nodeName)}` : `"Node was previously registered" node=${JSON.stringify(this.nodeName)}`);
    this.nodeUid = registered.node.metadata.uid;
    this.staticPods.apply();
    this.recorder.event(this.nodeRef(), 'Normal', EVENTS.NodeAllocatableEnforced, 'Updated Node Allocatable limit across pods');
    this.lease.start();
    if (registered.created) {
      this.lastStatusReportMs = this.sim.nowMs;
      this.scheduleStatusUpdate();
    } else {
      this.lastStatusReportMs = -Infinity;
      spawn(this.statusTick());
    }
    this.watchPods();
    this.statusManager.start();
    this.podSyncEnabled = true;
    this.resumePodSync();
  }

  /** resumePodSync starts the PLEG and the pod workers once registered, unless containerd is down (they wait for it). */
  resumePodSync(): void {
    if (!this.running || !this.podSyncEnabled || !this.runtime.service.active) return;
    this.pleg.start();
    this.podWorkers.start();
  }

  /** pausePodSync parks the PLEG and the pod workers ("Skipping pod synchronization"). */
  pausePodSync(): void {
    this.pleg.stop();
    this.podWorkers.stop();
  }

  /** services: this machine's systemd units and journal (`systemctl`, `journalctl`, `crictl`). */
  machineServices(): MachineServices {
    return machineServices(this);
  }

  /** logSyncError is pod_workers' "Error syncing pod, skipping" line in the journal. */
  logSyncError(pod: Stored<Pod>, error: string): void {
    kubeletLog(this, 'E', 'pod_workers.go:1301', `"Error syncing pod, skipping" err=${JSON.stringify(error)} pod="${pod.metadata.namespace}/${pod.metadata.name}" podUID=${JSON.stringify(pod.metadata.uid ?? '')}`);
  }

  /** podCount: the pods the kubelet manages (the unit usage model grows with it). */
  podCount(): number {
    return this.lifecycle.size;
  }

  /** scheduleStatusUpdate runs syncNodeStatus every nodeStatusUpdateFrequency (10 s, jitter 4 %). */
  private scheduleStatusUpdate(): void {
    const delayMs = Math.round(this.config.nodeStatusUpdateFrequencyMs * (1 + 0.04 * this.rng.float()));
    this.statusTimer = this.sim.after(delayMs, () => spawn(this.statusTick()));
  }

  /** statusTick is one syncNodeStatus, then the next one is booked. */
  private *statusTick(): Task<void> {
    if (!this.running) return;
    // The eviction manager's 10 s monitoring interval rides on the node status loop's tick.
    if (this.podSyncEnabled) this.eviction.synchronize();
    this.lastStatusReportMs = yield* tryUpdateNodeStatus(this.nodeStatusCtx, this.lastStatusReportMs);
    if (this.running) this.scheduleStatusUpdate();
  }

  /**
   * watchPods is the kubelet's apiserver pod source: pods with spec.nodeName = this node. Mirror
   * pods are not run: they only pair with the static pods (HandlePodAdditions/Updates/Removes).
   */
  private watchPods(): void {
    const factory = new SharedInformerFactory(this.sim, this.client, this.name);
    this.factory = factory;
    this.podManager.clearMirrorPods();
    this.podInformer = factory.forResource<Pod>('pods', { fieldSelector: `spec.nodeName=${this.nodeName}` });
    this.podInformer.addEventHandler({
      add: (pod) => (isMirrorPod(pod) ? this.staticPods.mirrorPodSeen(pod, true) : this.podWorkers.updatePod(pod)),
      update: (oldPod, newPod) => {
        if (isMirrorPod(newPod)) return this.staticPods.mirrorPodSeen(newPod, semanticallyChanged(oldPod, newPod));
        this.statusManager.podUpdated(newPod);
        if (semanticallyChanged(oldPod, newPod)) this.podWorkers.updatePod(newPod);
        else this.podWorkers.setPod(newPod);
      },
      delete: (pod) => (isMirrorPod(pod) ? this.staticPods.mirrorPodRemoved(pod) : this.podWorkers.removePod(pod.metadata.uid ?? '')),
    });
    factory.start();
    spawn(this.cleanupAfterSync(factory));
  }

  /**
   * cleanupAfterSync: once the first pod list arrived, pods the kubelet still runs but neither the
   * apiserver (deleted while the kubelet was down) nor the manifest directory has are terminated
   * (HandlePodCleanups), and orphaned mirror pods are looked for.
   */
  private *cleanupAfterSync(factory: SharedInformerFactory): Task<void> {
    while (!factory.hasSynced) {
      if (this.factory !== factory) return;
      yield* wait(this.sim.sleep(100));
    }
    const known = new Set((this.podInformer?.indexer.list() ?? []).map((p) => p.metadata.uid ?? ''));
    for (const pod of this.podManager.staticPods()) known.add(pod.metadata.uid ?? '');
    this.podWorkers.syncKnownPods(known);
    if (this.staticPods.any) this.staticPods.scheduleHousekeeping();
  }

  moveManifestOut(name: string): boolean {
    return this.staticPods.changeManifests((source) => source.moveOut(name));
  }

  moveManifestBack(name: string): boolean {
    return this.staticPods.changeManifests((source) => source.moveBack(name));
  }

  manifestDirectory(): ManifestDirectory {
    return this.staticPods.manifestDirectory();
  }

  /** podByName is the pod the kubelet runs under that name: a static pod, else the apiserver's (never a mirror). */
  private podByName(namespace: string, name: string): Stored<Pod> | undefined {
    const staticPod = this.podManager.staticPodByName(namespace, name);
    if (staticPod) return staticPod;
    const pod = this.podInformer?.indexer.get(`${namespace}/${name}`) as Stored<Pod> | undefined;
    return pod && !isMirrorPod(pod) ? pod : undefined;
  }

  /** syncPodAt wakes a pod worker at `atMs` (a readiness probe about to pass), once per time. */
  syncPodAt(uid: string, atMs: number): void {
    const dueMs = this.syncTickAligned(atMs);
    const pending = this.wakeups.get(uid);
    if (pending !== undefined && pending <= dueMs && pending > this.sim.nowMs) return;
    this.wakeups.set(uid, dueMs);
    this.sim.at(dueMs, () => {
      if (this.wakeups.get(uid) === dueMs) this.wakeups.delete(uid);
      if (this.running) this.podWorkers.syncPods([uid]);
    });
  }

  /** execInContainer is this node's exec endpoint (`kubectl exec`). */
  execInContainer(namespace: string, podName: string, request: ExecRequest): ExecResult | { error: string } {
    return serveExec(this.serverView(), this.podByName(namespace, podName), request);
  }

  /** podHttp is a connection to one of this node's pods on `port`. */
  podHttp(namespace: string, podName: string, port: number): string | undefined {
    return servePodHttp(this.serverView(), this.podByName(namespace, podName), port);
  }

  /** getContainerLogs is what `kubectl logs` gets from this node. */
  getContainerLogs(namespace: string, podName: string, container: string, options: LogRequest = {}): string | { error: string } {
    return serveContainerLogs(this.serverView(), namespace, podName, this.podByName(namespace, podName), container, options);
  }

  private serverView(): ServerView {
    return {
      running: this.running,
      endpoint: `${this.hostIP}:${this.config.port}`,
      nodeName: this.nodeName,
      runtime: this.runtime,
      nowMs: this.sim.nowMs,
      epochMs: this.epochMs,
      status: (pod) => this.statusManager.getPodStatus(pod.metadata.uid ?? '') ?? pod.status,
    };
  }

  /** lifecycleState is the pod's podLifecycle state on this node (the lifecycle view). */
  lifecycleState(uid: string): PodLifecycleState | undefined {
    return this.lifecycle.get(uid);
  }

  private forgetPod(uid: string): void {
    for (const sandbox of this.runtime.podSandboxes(uid)) this.runtime.removePodSandbox(sandbox.id);
    this.reasonCache.delete(uid);
    this.runtimeCtx.prober.forgetPod(uid);
    this.lifecycle.delete(uid);
    this.lastSynced.delete(uid);
    this.statusManager.forget(uid);
    // A static pod's containers are gone: its orphaned mirror pod may go too.
    if (this.staticPods.any) this.staticPods.scheduleHousekeeping();
  }

  /** syncTickAligned rounds up to the kubelet's 1 s syncLoop tick (workQueue items are picked per tick). */
  private syncTickAligned(dueMs: number): number {
    const elapsed = Math.max(0, dueMs - this.startedAtMs);
    return this.startedAtMs + Math.ceil(elapsed / 1000) * 1000;
  }

  /** nodeRef is the kubelet's reference to its Node in events (uid = node name, as upstream). */
  private nodeRef(): Stored<KubeObject> {
    return { kind: 'Node', metadata: { name: this.nodeName, uid: this.nodeName } };
  }
}
