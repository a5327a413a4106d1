// The CRI shapes the simulated containerd exposes to the kubelet (k8s.io/cri-api
// pkg/apis/runtime/v1/api.proto, reduced to what k8sim uses).
import type { ProcessBehavior } from '../registry/types';
import type { ContainerLayer } from './exec/layer';

export type SandboxState = 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
export type ContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';

/** PodSandbox is a pod's pause container and network namespace. */
export interface PodSandbox {
  id: string;
  podUid: string;
  namespace: string;
  name: string;
  /** attempt counts sandbox re-creations (PodSandboxMetadata.attempt). */
  attempt: number;
  ip: string;
  state: SandboxState;
  createdAtMs: number;
}

/** ContainerRecord is one container instance (a restart creates a new one with attempt + 1). */
export interface ContainerRecord {
  id: string;
  sandboxId: string;
  podUid: string;
  podName: string;
  podNamespace: string;
  name: string;
  attempt: number;
  /** image is containerd's normalized reference (container status `image`). */
  image: string;
  /** imageRef is `repository@sha256:…` (container status `imageID`). */
  imageRef: string;
  /** hash is the kubelet's hash of the container spec (restart on spec change). */
  hash: string;
  state: ContainerState;
  createdAtMs: number;
  startedAtMs?: number;
  finishedAtMs?: number;
  exitCode?: number;
  /** reason: Completed, Error, OOMKilled (ContainerStatus.reason). */
  reason?: string;
  argv: string[];
  /** env: the process environment as containerd builds it (PATH, HOSTNAME, image ENV, the kubelet's). */
  env: string[];
  /** tools: the image's extra programs (ImageConfig.tools). */
  tools?: readonly string[];
  /** files: the image's own files (ImageConfig.files). */
  files?: Readonly<Record<string, string>>;
  behavior: ProcessBehavior;
  /** memoryLimitBytes bounds an `oom` process (the container's memory limit). */
  memoryLimitBytes?: number;
  /**
   * cpuAccounting is the container cgroup's CPU counter (cpuacct usage), which lives with the
   * container as it does in the kernel; the node's stats collector advances it (metrics/nodeStats).
   */
  cpuAccounting?: CpuAccounting;
  /** liveLog: lines the simulated process writes as things happen (etcd's disk warnings), beyond its image's. */
  liveLog?: LiveLog;
  /** layer: the container's writable layer, made when an exec first writes (`echo > file`, mkdir, rm). */
  layer?: ContainerLayer;
}

/** LiveLog lists the lines a process wrote at or after `fromMs`, to stderr. */
export type LiveLog = (fromMs: number) => ReadonlyArray<{ timeMs: number; text: string }>;

/** CpuAccounting: core-nanoseconds used since the container started, accounted up to `accountedAtMs`. */
export interface CpuAccounting {
  accountedAtMs: number;
  nanoCoreSeconds: number;
  /** podKey: `namespace/pod`, made once per container for the scrape's batch. */
  podKey: string;
}

/** ContainerConfig is what CreateContainer receives. */
export interface ContainerConfig {
  name: string;
  attempt: number;
  imageRef: string;
  hash: string;
  command?: string[];
  args?: string[];
  /** env: the container spec's variables (their names gate images such as mysql). */
  env?: Array<{ name: string }>;
  /** envs: the values the kubelet computed (makeEnvironmentVariables), in its order (CRI Envs). */
  envs?: Array<{ name: string; value: string }>;
  /** stdin: the container keeps stdin open (kubectl run -i, debug -i): a bare shell waits on it. */
  stdin?: boolean;
  memoryLimitBytes?: number;
}

/** SandboxConfig is what RunPodSandbox receives. */
export interface SandboxConfig {
  podUid: string;
  namespace: string;
  name: string;
  attempt: number;
}

/** RuntimeError is a failed CRI call with the gRPC-style message. */
export interface RuntimeError {
  ok: false;
  message: string;
}

export type RuntimeResult<T> = { ok: true; value: T } | RuntimeError;

/** RuntimeOutage: containerd stopped at `fromMs` and came back at `toMs` (absent while still down). */
export interface RuntimeOutage {
  fromMs: number;
  toMs?: number;
}
