import type { ApiServerOptions } from './apiserver/server';
import { ApiServer } from './apiserver/server';
import { bootstrapObjects, bootstrapRbacObjects } from './apiserver/bootstrap';
import { ApiClient } from './client/client';
import { clientRateLimits } from './client/flowcontrol';
import { withControlPlaneNodes, type ClusterSpec } from './clusterSpec';
import { controlPlaneReplicas } from './controlPlane';
import { installAddons } from './kubeadm/installAddons';
import { STATIC_POD_PATH, type StaticPodHost } from './kubelet/config/file';
import type { PkiState } from './kubeadm/certs/certificates';
import { pkiMounts } from './kubeadm/certs/pkiFiles';
import { DEFAULT_ETCD_DATA_DIR, etcdHostDataDir } from './kubeadm/etcdDataDir';
import { etcdDataMounts, switchEtcdData, type EtcdDataState } from './kubeadm/etcdDataSwitch';
import type { Snapshot, SnapshotKv } from './etcdctl/snapshotFile';
import { storedValue } from './etcd/revisionStamp';
import { manifestMount } from './commands/manifestMount';
import { USERS, type ComponentContext } from './componentContext';
import { EtcdCluster } from './etcd/etcdCluster';
import type { CommandProcess } from './commands/process';
import { PROGRAMS } from './commands/programs';
import { runCommandLine } from './commands/shell';
import { ShellSession } from './commands/bash/session';
import type { ControlPlaneProcess, NodeAgent, ShellEnv } from './commands/shellEnv';
import type { Editor } from './commands/editor';
import { Future } from './sim/future';
import { APISERVER_URL } from './kubectl/cmd/discovery';
import { APISERVER_ADDRESS } from './apiserver/bootstrap';
import { defaultKubeConfig, type KubeConfig } from './kubectl/kubeconfig/kubeconfig';
import { EMPTY_LOAD_STATE, type LoadState } from './metrics/loadState';
import { EMPTY_REGISTRY_STATE, type RegistryState } from './registry/registryState';
import type { Rng } from './sim/rng';
import { Simulator } from './sim/simulator';
import { spawn } from './sim/task';

/** A cluster component with a lifecycle (kube-scheduler, a kubelet, kube-controller-manager, ...). */
export interface Component {
  readonly name: string;
  start(): void;
  stop?(): void;
}

export type ComponentFactory = (ctx: ComponentContext, spec: ClusterSpec) => Component[];

/**
 * BOOT_LEAD_MS: the control plane starts this long before t = 0, so that at t = 0 the nodes are
 * registered and Ready and `kubectl get nodes` shows them a minute old, as on a fresh cluster.
 */
export const BOOT_LEAD_MS = 60_000;

/**
 * Cluster wires one simulated Kubernetes cluster: simulator, etcd, kube-apiserver and the
 * components that `componentFactories` build (controller manager, scheduler, one kubelet per
 * node, ...). It is the engine's public entry: views and the CLI talk to the cluster through it.
 *
 * @example
 * const cluster = Cluster.boot(spec);
 * cluster.runUntil(10_000);
 */
export class Cluster {
  readonly sim: Simulator;
  readonly etcd: EtcdCluster;
  readonly apiserver: ApiServer;
  readonly components: Component[] = [];
  private byName: Map<string, Component> | undefined;
  readonly ctx: ComponentContext;
  /** ready settles once the apiserver has bootstrapped and every component has started. */
  readonly ready = new Future<void>();
  private readonly shellRng: Rng;
  /** registryState is what `sim image` changed in the simulated registry (plain data). */
  registryState: RegistryState = EMPTY_REGISTRY_STATE;
  /** kubeconfigState is the terminal's kubeconfig once `kubectl config` changed it (plain data). */
  kubeconfigState: KubeConfig | undefined;
  /** loadState is the load `sim load` put on Deployments (plain data, read by the kubelets' stats). */
  loadState: LoadState = EMPTY_LOAD_STATE;
  /** pkiState is when kubeadm issued each certificate (init at boot, then `kubeadm certs renew`; plain data). */
  pkiState: PkiState = { initMs: -BOOT_LEAD_MS, issuedMs: {} };
  /** etcdData: the host directory etcd serves from, and what the directories it left hold. */
  readonly etcdData: EtcdDataState = { current: DEFAULT_ETCD_DATA_DIR, saved: new Map() };
  /** shellSession is the terminal's bash: variables, files and background jobs between lines. */
  readonly shellSession: ShellSession;
  /** machines: each node's shell once `ssh` reached it (the terminal's machine included). */
  private readonly machines = new Map<string, ShellSession>();

  private constructor(
    readonly spec: ClusterSpec,
    factories: ComponentFactory[],
    apiserverOptions: ApiServerOptions,
  ) {
    this.sim = new Simulator(spec.seed, -BOOT_LEAD_MS);
    this.etcd = new EtcdCluster(this.sim, { ...spec.etcd, epochMs: spec.epochMs });
    this.apiserver = new ApiServer(this.sim, this.etcd, { epochMs: spec.epochMs, ...apiserverOptions });
    this.shellRng = this.sim.rng.fork('shell');
    this.shellSession = new ShellSession(spec.nodes.find((n) => n.role === 'control-plane')?.name ?? 'control-plane');
    this.machines.set(this.shellSession.hostname, this.shellSession);
    this.ctx = { sim: this.sim, apiserver: this.apiserver, epochMs: spec.epochMs, registry: () => this.registryState, load: () => this.loadState, lookup: (name) => this.component(name), clientRateLimits: clientRateLimits(spec.clientRateLimits) };
    for (const factory of factories) this.components.push(...factory(this.ctx, spec));
    if (spec.kubeSystem) this.attachControlPlaneLogs();
    this.mountMachine(this.shellSession);
  }

  /**
   * attachControlPlaneLogs makes what the control plane logs while it runs part of its static pods'
   * logs: each stacked etcd member's warnings (`kubectl logs etcd-NODE`), and the apiserver's
   * slow-request traces on the node serving the cluster's API address.
   */
  private attachControlPlaneLogs(): void {
    for (const node of this.spec.nodes) {
      const kubelet = this.component<Component & NodeAgent>(`kubelet/${node.name}`);
      if (!kubelet?.runtime || !kubelet.hostIP) continue;
      const member = this.etcd.members.find((m) => m.config.clientURL.includes(`//${kubelet.hostIP}:`));
      if (member) kubelet.runtime.attachLiveLog('kube-system', `etcd-${node.name}`, 'etcd', (fromMs) => member.log.since(fromMs));
      if (kubelet.hostIP === APISERVER_ADDRESS) kubelet.runtime.attachLiveLog('kube-system', `kube-apiserver-${node.name}`, 'kube-apiserver', (fromMs) => this.apiserver.log(fromMs));
    }
  }

  /** mountMachine gives a machine's shell kubeadm's files: the kubelet's manifests, the PKI and kubeconfigs. */
  private mountMachine(session: ShellSession): void {
    this.mountManifests(session);
    const node = this.spec.nodes.find((n) => n.name === session.hostname);
    const kubelet = this.component<Component & { hostIP?: string }>(`kubelet/${session.hostname}`);
    const host = { name: session.hostname, ip: kubelet?.hostIP ?? APISERVER_ADDRESS };
    for (const [dir, files] of pkiMounts(host, node?.role === 'control-plane' || !node, () => this.pkiState, this.spec.epochMs, APISERVER_URL)) session.mount(dir, files);
    // cri-tools' config, as kubeadm install guides write it: crictl talks to containerd without endpoint warnings.
    session.writeFile('/etc/crictl.yaml', 'runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\ntimeout: 2\ndebug: false\n', false);
    const member = this.etcd.memberViews().find((m) => m.clientURL.includes(`//${host.ip}:`));
    if (member && this.spec.kubeSystem) for (const [dir, files] of etcdDataMounts(DEFAULT_ETCD_DATA_DIR, () => this.etcdKeyspaceIn(DEFAULT_ETCD_DATA_DIR, member.name))) session.mount(dir, files);
  }

  /** etcdKeyspaceIn is what a data directory holds: the live keyspace while etcd serves from it. */
  private etcdKeyspaceIn(dir: string, memberName: string): Snapshot {
    const member = this.etcd.member(memberName);
    const view = this.etcd.memberViews().find((m) => m.name === memberName);
    if (this.etcdData.current !== dir || !member) return { revision: 1, kvs: this.etcdData.saved.get(dir) ?? [], sizeBytes: view?.dbSizeBytes ?? 20_480, hashless: true };
    const kvs = member.store.range('').map((kv): SnapshotKv => [kv.key, JSON.stringify(storedValue(kv.value)), kv.createRevision, kv.modRevision, kv.version]);
    return { revision: member.store.currentRevision, kvs, sizeBytes: view?.dbSizeBytes ?? 20_480, hashless: true };
  }

  /** mountManifests shows a machine's shell its kubelet's manifest directory (kubeadm's /etc/kubernetes/manifests). */
  private mountManifests(session: ShellSession): void {
    const host = session.hostname;
    const kubelet = this.component<Component & StaticPodHost>(`kubelet/${host}`);
    if (!kubelet) return;
    const processFor = (file: string) => {
      const component = file.replace(/\.yaml$/, '');
      if (component !== 'kube-scheduler' && component !== 'kube-controller-manager') return undefined;
      const process = this.components.find((c) => c.name.startsWith(component) && (c as Component & { host?: string }).host === host);
      return process && { stop: () => process.stop?.(), start: () => process.start() };
    };
    session.mount(STATIC_POD_PATH, manifestMount(kubelet.manifestDirectory(), processFor, (file, text) => {
      if (file === 'etcd.yaml') this.etcdManifestWritten(session, text);
    }));
  }

  /**
   * etcdManifestWritten follows etcd.yaml's data directory: pointed elsewhere (the restore
   * runbook), etcd restarts on what that directory holds (kubeadm/etcdDataSwitch).
   */
  private etcdManifestWritten(session: ShellSession, text: string): void {
    const where = etcdHostDataDir(text);
    if (!where) return;
    const dir = 'hostDir' in where ? where.hostDir : undefined;
    if (dir === this.etcdData.current) return;
    const from = this.etcdData.current;
    spawn(switchEtcdData(this.sim, this.etcd, this.etcdData, session, dir)).then((changed) => {
      if (changed && this.sim.trace.enabled) this.sim.emit({ component: 'etcd', kind: 'etcd.dataDirChanged', from, to: dir ?? '(container filesystem)', ...changed });
    });
  }

  /**
   * machine is a node's shell for `ssh NODE`, made on first use: the terminal's own machine is the
   * first control-plane node; the others start with their home directory and their manifests.
   */
  private machine(host: string): { session: ShellSession; controlPlane: boolean } | undefined {
    const node = this.spec.nodes.find((n) => n.name === host);
    if (!node) return undefined;
    let session = this.machines.get(host);
    if (!session) {
      session = new ShellSession(host);
      this.mountMachine(session);
      this.machines.set(host, session);
    }
    return { session, controlPlane: node.role === 'control-plane' };
  }

  /**
   * boot starts the control plane at -BOOT_LEAD_MS (components start once the apiserver has
   * bootstrapped) and runs the simulation up to t = 0.
   */
  static boot(spec: ClusterSpec, factories: ComponentFactory[] = [], apiserverOptions: ApiServerOptions = {}): Cluster {
    const hosts = controlPlaneReplicas(Math.max(spec.controlPlane?.controllerManagers ?? 1, spec.controlPlane?.schedulers ?? 1)).map((r) => r.host);
    const cluster = new Cluster(withControlPlaneNodes(spec, hosts), factories, apiserverOptions);
    cluster.apiserver.start();
    cluster.apiserver.ready().then(() => {
      spawn(bootstrapObjects(cluster.apiserver)).then(() => {
        // kubeadm's admin is authorized by a binding the RBAC bootstrap writes: add-ons come after it.
        spawn(bootstrapRbacObjects(cluster.apiserver)).then(() => {
          if (cluster.spec.kubeSystem) spawn(installAddons(cluster.sim, cluster.admin('kubeadm'), cluster.spec.kubeProxyMode));
        });
        for (const component of cluster.components) component.start();
        cluster.ready.resolve();
      });
    });
    cluster.sim.runUntil(0);
    return cluster;
  }

  /** admin is a client with kubectl's default identity (the kubeadm admin certificate). */
  admin(component = 'kubectl'): ApiClient {
    return new ApiClient(this.apiserver, USERS.admin, component);
  }

  /** component finds a component by name (metrics-server looks up 5,000 kubelets every scrape). */
  component<T extends Component>(name: string): T | undefined {
    if (this.byName?.size !== this.components.length) this.byName = new Map(this.components.map((c) => [c.name, c]));
    return this.byName.get(name) as T | undefined;
  }

  /** exec runs a command line (kubectl, etcdctl, sim) in the cluster's terminal; `editor` types into its vi. */
  exec(line: string, stdin = '', editor?: Editor): CommandProcess {
    return runCommandLine(editor ? { ...this.shellEnv(), editor } : this.shellEnv(), PROGRAMS, line, stdin);
  }

  /** shellEnv is what commands may touch (see commands/shellEnv.ts). */
  shellEnv(): ShellEnv {
    return {
      sim: this.sim,
      rng: this.shellRng,
      epochMs: this.spec.epochMs,
      client: this.admin(),
      etcd: this.etcd,
      etcdMembers: () => this.etcd.memberViews(),
      etcdControl: this.etcd,
      nodeAgent: (name) => this.component<Component & NodeAgent>(`kubelet/${name}`),
      component: (name) => this.component(name),
      nodeNames: () => this.spec.nodes.map((n) => n.name),
      controlPlane: () => this.controlPlaneProcesses(),
      registry: { get: () => this.registryState, set: (state) => (this.registryState = state) },
      load: { get: () => this.loadState, set: (state) => (this.loadState = state) },
      shell: this.shellSession,
      machine: (host) => this.machine(host),
      pki: { get: () => this.pkiState, set: (state) => (this.pkiState = state) },
      kubeconfig: { get: () => (this.kubeconfigState ??= defaultKubeConfig(APISERVER_URL)), set: (config) => (this.kubeconfigState = config) },
    };
  }

  /**
   * controlPlaneProcesses are the kube-controller-manager and kube-scheduler replicas. On a
   * kubeadm cluster (kubeSystem) each runs as a static pod of its host's kubelet: stopping one
   * moves its manifest out of /etc/kubernetes/manifests (the kubelet kills the containers and
   * deletes the mirror pod), starting it moves the manifest back.
   */
  private controlPlaneProcesses(): ControlPlaneProcess[] {
    return this.components
      .filter((c) => c.name.startsWith('kube-controller-manager') || c.name.startsWith('kube-scheduler'))
      .map((c) => {
        const p = c as Component & { host: string; isRunning: boolean; isLeader: boolean };
        const component = c.name.startsWith('kube-scheduler') ? 'kube-scheduler' : 'kube-controller-manager';
        const staticPodHost = () => (this.spec.kubeSystem ? this.component<Component & StaticPodHost>(`kubelet/${p.host}`) : undefined);
        return {
          name: c.name,
          component,
          host: p.host,
          get isRunning() { return p.isRunning; },
          get isLeader() { return p.isLeader; },
          stop: () => {
            c.stop?.();
            staticPodHost()?.moveManifestOut(component);
          },
          start: () => {
            staticPodHost()?.moveManifestBack(component);
            c.start();
          },
        };
      });
  }

  runUntil(timeMs: number): void {
    this.sim.runUntil(timeMs);
  }
}
