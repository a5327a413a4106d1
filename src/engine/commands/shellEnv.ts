import type { ExecRequest } from '../kubelet/containerExec';
import type { ExecResult } from '../runtime/exec/shell';
import type { ApiClient } from '../client/client';
import type { KubeConfig } from '../kubectl/kubeconfig/kubeconfig';
import type { LoadState } from '../metrics/loadState';
import type { RegistryState } from '../registry/registryState';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import type { EtcdClient, EtcdError } from '../etcd/types';
import type { Future } from '../sim/future';
import type { ShellSession } from './bash/session';
import type { PkiState } from '../kubeadm/certs/certificates';
import type { MachineServices } from '../systemd/units';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { Editor } from './editor';

/** NodeAgent is what `sim node stop|start` and `kubectl logs` need from a node's kubelet. */
export interface NodeAgent {
  readonly nodeName: string;
  readonly running: boolean;
  /** hostIP: the machine's address (a control-plane machine's etcd member listens on it). */
  readonly hostIP?: string;
  stop(): void;
  start(): void;
  getContainerLogs?(namespace: string, pod: string, container: string, options: { previous?: boolean; tail?: number; timestamps?: boolean; containerId?: string }): string | { error: string };
  execInContainer?(namespace: string, pod: string, request: ExecRequest): ExecResult | { error: string };
  /** podHttp: a connection to one of the node's pods on a port: the body, or undefined when nothing listens. */
  podHttp?(namespace: string, pod: string, port: number): string | undefined;
  /** machineServices: the node's systemd units and journal (`systemctl`, `journalctl`, `crictl`). */
  machineServices?(): MachineServices;
  /** runtime: the node's containerd (`crictl`). */
  readonly runtime?: ContainerRuntime;
}

/**
 * ShellEnv is what commands may touch: the admin client (kubectl talks only to the apiserver),
 * etcd (etcdctl talks only to etcd), the nodes' agents (logs, sim faults), and the clock.
 */
export interface ShellEnv {
  sim: Simulator;
  /** The terminal's own random stream (kubectl's utilrand, e.g. generated container names). */
  rng: Rng;
  epochMs: number;
  client: ApiClient;
  etcd: EtcdClient;
  etcdMembers(): EtcdMemberView[];
  /** The etcd cluster's fault controls (`sim etcd`); absent where there is no Raft cluster. */
  etcdControl?: EtcdControl;
  nodeAgent(name: string): NodeAgent | undefined;
  /** component finds a cluster component by name (`kube-proxy/node-1` for `sim curl`). */
  component?(name: string): unknown;
  /** The simulated registry's state and a way to change it (`sim image`). */
  registry: { get(): RegistryState; set(state: RegistryState): void };
  /** The terminal's kubeconfig and a way to change it (`kubectl config`); kubeadm's admin.conf when absent. */
  kubeconfig?: { get(): KubeConfig; set(config: KubeConfig): void };
  /** The load on Deployments and a way to change it (`sim load`). */
  load: { get(): LoadState; set(state: LoadState): void };
  nodeNames(): string[];
  /** controlPlane lists the kube-controller-manager and kube-scheduler replicas (`sim controlplane`). */
  controlPlane?(): ControlPlaneProcess[];
  /** shell: the terminal's bash state (variables, files, jobs); a fresh one when absent. */
  shell?: ShellSession;
  /** pki: when kubeadm issued each certificate, and a way to change it (`kubeadm certs renew`). */
  pki?: { get(): PkiState; set(state: PkiState): void };
  /** machine: a node's own shell (`ssh NODE`): its files and whether kubeadm made it a control-plane node. */
  machine?(host: string): { session: ShellSession; controlPlane: boolean } | undefined;
  /** editor: what is typed into `vi` (kubectl edit's editor): a step's recorded texts or the app's dialog. */
  editor?: Editor;
}

/** ControlPlaneProcess is one kube-controller-manager or kube-scheduler replica. */
export interface ControlPlaneProcess {
  name: string;
  component: string;
  host: string;
  readonly isRunning: boolean;
  readonly isLeader: boolean;
  stop(): void;
  start(): void;
}

/** EtcdControl is what `sim etcd stop|start|partition|heal` needs from the etcd cluster. */
export interface EtcdControl {
  readonly members: ReadonlyArray<{ readonly name: string; readonly running: boolean; readonly disk?: { readonly fsyncMs: number } }>;
  /** setFsyncMs makes a member's fdatasync take `ms` (`sim etcd disk`; 0 is a fast disk). */
  setFsyncMs?(name: string, ms: number): void;
  leader(): { readonly name: string } | undefined;
  stopMember(name: string): unknown;
  /** metricsPage is a running member's /metrics page (its --listen-metrics-urls); undefined when it is down. */
  metricsPage?(name: string): string | undefined;
  /** defragmentMember rewrites a running member's db file (`etcdctl defrag`); false when it is down. */
  defragmentMember?(name: string): boolean;
  /** linearizableRead resolves when the member may serve a linearizable read, or with the error (ReadIndex). */
  linearizableRead?(name: string): Future<EtcdError | undefined>;
  startMember(name: string): unknown;
  partition(names: string[]): void;
  heal(): void;
}

/** What etcdctl reports about one member (endpoint status / member list). */
export interface EtcdMemberView {
  name: string;
  id: string;
  clientURL: string;
  peerURL: string;
  running: boolean;
  isLeader: boolean;
  leaderId: string;
  raftTerm: number;
  raftIndex: number;
  raftAppliedIndex: number;
  dbSizeBytes: number;
  dbSizeInUseBytes: number;
  revision: number;
  clusterId: string;
  version: string;
  /** Status errors, e.g. `etcdserver: no leader` while the member knows no leader. */
  errors?: string[];
}
