// Mirrors kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (v1.32):
// compare what runs with what the spec asks and decide what to create, start and kill.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { fnv1a32 } from '../../sim/rng';
import type { ContainerRecord } from '../../runtime/types';
import { shouldContainerBeRestarted } from '../containerStatuses';
import type { RuntimePodStatus } from '../kubeletPods';

/** ContainerToKill is a running container the spec no longer wants as it is. */
export interface ContainerToKill {
  record: ContainerRecord;
  message: string;
  /** graceSeconds overrides the pod's grace period (a probe's terminationGracePeriodSeconds). */
  graceSeconds?: number;
}

/** StartedCheck: whether a running container's startup probe has passed (true without one). */
export type StartedCheck = (container: Container, record: ContainerRecord) => boolean;

/** ProbeKillCheck asks the prober whether a startup/liveness probe condemned a running container. */
export type ProbeKillCheck = (container: Container, record: ContainerRecord) => { message: string; graceSeconds: number } | undefined;

export interface PodActions {
  /** killPod: stop everything, including the sandbox (it died, or nothing is left to run). */
  killPod: boolean;
  createSandbox: boolean;
  sandboxAttempt: number;
  /** nextInitContainerToStart: init containers run one at a time, before the app containers. */
  nextInitContainerToStart?: Container;
  /** sidecarsToStart: once initialized, exited sidecars restart next to the app containers. */
  sidecarsToStart: Container[];
  containersToStart: Container[];
  containersToKill: ContainerToKill[];
  /** ephemeralContainersToStart: ephemeral containers never started (they are never restarted). */
  ephemeralContainersToStart: Container[];
}

const hashes = new WeakMap<Container, string>();

/** containerHash is the kubelet's hash of a container spec: a change restarts the container. */
export function containerHash(container: Container): string {
  let hash = hashes.get(container);
  if (hash === undefined) hashes.set(container, (hash = fnv1a32(JSON.stringify(container)).toString(16)));
  return hash;
}

/** latest returns the newest runtime record of a container name. */
export function latest(status: RuntimePodStatus, name: string): ContainerRecord | undefined {
  return status.containers.find((c) => c.name === name);
}

/** latestExited is the newest exited instance of a container name (doBackOff's starting point). */
export function latestExited(status: RuntimePodStatus, name: string): ContainerRecord | undefined {
  return status.containers.find((c) => c.name === name && c.state === 'CONTAINER_EXITED');
}

/**
 * computePodActions: a missing or dead sandbox is (re)created and everything starts again (unless
 * restartPolicy Never and containers already ran); otherwise the first unfinished init container
 * runs, and once all are done every app container that is absent, changed or restartable starts.
 * When nothing runs or will run, the pod is killed (its sandbox stopped).
 */
export function computePodActions(pod: Pod, status: RuntimePodStatus, probeKill?: ProbeKillCheck, isStarted?: StartedCheck): PodActions {
  const spec = pod.spec!;
  const sandbox = status.sandboxes[0];
  const actions: PodActions = { killPod: false, createSandbox: false, sandboxAttempt: 0, sidecarsToStart: [], containersToStart: [], containersToKill: [], ephemeralContainersToStart: [] };
  if (!sandbox || sandbox.state !== 'SANDBOX_READY') {
    if (sandbox && spec.restartPolicy === 'Never' && status.containers.length > 0) return { ...actions, killPod: true };
    const init = spec.initContainers ?? [];
    return {
      ...actions,
      killPod: sandbox !== undefined,
      createSandbox: true,
      sandboxAttempt: sandbox ? sandbox.attempt + 1 : 0,
      nextInitContainerToStart: init[0],
      containersToStart: init.length > 0 ? [] : spec.containers.filter((c) => shouldContainerBeRestarted(pod, c, latest(status, c.name), false)),
    };
  }
  // Ephemeral containers may start even before initialization completes.
  for (const ec of spec.ephemeralContainers ?? []) if (!latest(status, ec.name)) actions.ephemeralContainersToStart.push(ec as Container);
  const init = initContainerActions(pod, status, isStarted);
  if (init.failed) return { ...actions, killPod: true, ephemeralContainersToStart: [] };
  if (!init.done) return { ...actions, nextInitContainerToStart: init.next };
  sidecarActions(pod, status, actions, probeKill);
  for (const container of spec.containers) {
    const current = latest(status, container.name);
    if (current?.state === 'CONTAINER_RUNNING') {
      if (current.hash !== containerHash(container)) {
        actions.containersToKill.push({ record: current, message: `Container ${container.name} definition changed, will be restarted` });
        actions.containersToStart.push(container);
        continue;
      }
      const condemned = probeKill?.(container, current);
      if (condemned) {
        actions.containersToKill.push({ record: current, ...condemned });
        if (spec.restartPolicy !== 'Never') actions.containersToStart.push(container);
      }
      continue;
    }
    if (shouldContainerBeRestarted(pod, container, current, false)) actions.containersToStart.push(container);
  }
  const running = status.containers.filter((c) => c.state === 'CONTAINER_RUNNING').length - actions.containersToKill.length;
  if (running === 0 && actions.containersToStart.length === 0 && actions.sidecarsToStart.length === 0) actions.killPod = true;
  return actions;
}

/**
 * sidecarActions: after initialization, a sidecar that exited restarts (restartPolicy Always,
 * whatever the pod's policy) and one condemned by its startup/liveness probe is killed and
 * restarted, while the app containers keep running (computeInitContainerActions).
 */
function sidecarActions(pod: Pod, status: RuntimePodStatus, actions: PodActions, probeKill?: ProbeKillCheck): void {
  if (pod.metadata?.deletionTimestamp) return;
  for (const container of pod.spec?.initContainers ?? []) {
    if (container.restartPolicy !== 'Always') continue;
    const current = latest(status, container.name);
    if (current?.state === 'CONTAINER_EXITED') actions.sidecarsToStart.push(container);
    const condemned = current?.state === 'CONTAINER_RUNNING' ? probeKill?.(container, current) : undefined;
    if (current && condemned) {
      const message = condemned.message.endsWith(', will be restarted') ? condemned.message : `${condemned.message}, will be restarted`;
      actions.containersToKill.push({ record: current, message, graceSeconds: condemned.graceSeconds });
      actions.sidecarsToStart.push(container);
    }
  }
}

/** initContainerActions walks init containers in order: the first unfinished one is next. */
function initContainerActions(pod: Pod, status: RuntimePodStatus, isStarted?: StartedCheck): { done: boolean; failed: boolean; next?: Container } {
  const initialized = pod.spec?.containers.some((c) => latest(status, c.name) !== undefined) ?? false;
  for (const container of pod.spec?.initContainers ?? []) {
    const current = latest(status, container.name);
    const sidecar = container.restartPolicy === 'Always';
    if (!current) return { done: false, failed: false, next: container };
    // Once the app containers exist, an exited sidecar is restarted alongside them (sidecarActions).
    if (sidecar && initialized && current.state === 'CONTAINER_EXITED') continue;
    if (current.state === 'CONTAINER_RUNNING') {
      // A sidecar lets the next init container start once it has started (its startupProbe passed).
      if (sidecar && (!isStarted || isStarted(container, current))) continue;
      return { done: false, failed: false };
    }
    if (current.state === 'CONTAINER_EXITED' && current.exitCode === 0 && !sidecar) continue;
    if (!shouldContainerBeRestarted(pod, container, current, true)) return { done: false, failed: true };
    return { done: false, failed: false, next: container };
  }
  return { done: true, failed: false };
}
