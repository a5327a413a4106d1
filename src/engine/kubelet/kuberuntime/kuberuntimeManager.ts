// Mirrors kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (v1.32): GetPodStatus,
// SyncPod and KillPod on top of the CRI runtime.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { Future } from '../../sim/future';
import { spawn, wait, type Task } from '../../sim/task';
import type { SyncFailure } from '../containerStatuses';
import { EVENTS } from '../events';
import type { RuntimePodStatus } from '../kubeletPods';
import type { ContainerRecord } from '../../runtime/types';
import { gracePeriodSeconds, killContainer, startContainer, type RuntimeManagerContext, type TerminationOrdering } from './kuberuntimeContainer';
import { computePodActions, latest, latestExited } from './podActions';

/** PodSyncResult: per container, the failure to remember or success (to forget an old failure). */
export interface PodSyncResult {
  failures: Map<string, SyncFailure>;
  succeeded: string[];
  /** error is set when the sync failed (the pod worker retries after ~10 s). */
  error?: string;
}

/** getPodStatus reads the pod's sandboxes and containers from the runtime (GetPodStatus). */
export function getPodStatus(ctx: RuntimeManagerContext, podUid: string): RuntimePodStatus {
  return { sandboxes: ctx.runtime.podSandboxes(podUid), containers: ctx.runtime.podContainers(podUid) };
}

/**
 * syncPod runs the actions computePodActions chose: kill a dead or finished pod, create the
 * sandbox, kill changed containers, start the next init container or the app containers one by
 * one (each start may wait for an image pull).
 */
export function* syncPod(ctx: RuntimeManagerContext, pod: Stored<Pod>, status: RuntimePodStatus): Task<PodSyncResult> {
  const result: PodSyncResult = { failures: new Map(), succeeded: [] };
  const podIP = status.sandboxes[0]?.ip ?? '';
  const actions = computePodActions(pod, status, (container, record) => ctx.prober.probeKill(pod, container, record, podIP), (container, record) => ctx.prober.isStarted(container, record, podIP));
  if (actions.killPod) {
    yield* killPod(ctx, pod, status, gracePeriodSeconds(pod));
    if (!actions.createSandbox) return result;
  }
  let sandboxId = status.sandboxes[0]?.id;
  if (actions.createSandbox) {
    const meta = pod.metadata;
    const sandbox = yield* wait(ctx.runtime.runPodSandbox({ podUid: meta.uid ?? '', namespace: meta.namespace ?? '', name: meta.name, attempt: actions.sandboxAttempt }, Boolean(pod.spec?.hostNetwork)));
    if (!sandbox.ok) {
      ctx.recordPodEvent(pod, 'Warning', EVENTS.FailedCreatePodSandBox, `Failed to create pod sandbox: ${sandbox.message}`);
      return { ...result, error: sandbox.message };
    }
    sandboxId = sandbox.value.id;
  }
  // Runtime records change in place when a container stops: take the pre-kill view of what exited.
  const exitedBeforeKill = new Map(actions.containersToKill.map((kill) => [kill.record.name, latestExited({ ...status, containers: status.containers.filter((c) => c !== kill.record) }, kill.record.name)]));
  for (const kill of actions.containersToKill) yield* killContainer(ctx, pod, kill.record, kill.message, kill.graceSeconds === undefined ? gracePeriodSeconds(pod) : Math.max(kill.graceSeconds, 2));
  const toStart = [
    ...actions.ephemeralContainersToStart.map((container) => ({ container, isInit: false })),
    ...(actions.nextInitContainerToStart
      ? [{ container: actions.nextInitContainerToStart, isInit: true }]
      : [...actions.sidecarsToStart.map((container) => ({ container, isInit: true })), ...actions.containersToStart.map((container) => ({ container, isInit: false }))]),
  ];
  for (const { container, isInit } of toStart) {
    const failure = yield* startContainer(ctx, pod, sandboxId!, container, isInit, latest(status, container.name), exitedBeforeKill.has(container.name) ? exitedBeforeKill.get(container.name) : latestExited(status, container.name));
    if (failure) {
      result.failures.set(container.name, failure);
      result.error = `failed to "StartContainer" for "${container.name}" with ${failure.reason}: "${failure.message}"`;
    } else {
      result.succeeded.push(container.name);
    }
  }
  return result;
}

/**
 * killPod stops every running container in parallel (each with its grace period), then the
 * sandboxes. With sidecars (restartable init containers) the kills still start together, but each
 * sidecar waits for the regular containers and the sidecars after it to exit before its SIGTERM,
 * so sidecars stop last, in reverse order (terminationOrdering, SidecarContainers).
 */
export function* killPod(ctx: RuntimeManagerContext, pod: Stored<Pod>, status: RuntimePodStatus, graceSeconds: number): Task<void> {
  const running = status.containers.filter((c) => c.state === 'CONTAINER_RUNNING');
  const ordering = terminationOrdering(pod, running);
  const stopped = running.map((record) => ({ name: record.name, done: spawn(killContainer(ctx, pod, record, undefined, graceSeconds, ordering)) }));
  if (ordering) for (const { name, done } of stopped) ordering.resolve(name, done);
  for (const { done } of stopped) yield* wait(done);
  const sandboxes = status.sandboxes.filter((s) => s.state === 'SANDBOX_READY');
  const torn: Array<Future<void>> = sandboxes.map((s) => ctx.runtime.stopPodSandbox(s.id));
  for (const done of torn) yield* wait(done);
}

/** terminationOrdering builds the waits of newTerminationOrdering: none without running sidecars. */
function terminationOrdering(pod: Pod, running: readonly ContainerRecord[]): (TerminationOrdering & { exits: Map<string, Future<void>>; resolve(name: string, done: Future<void>): void }) | undefined {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always' && running.some((r) => r.name === c.name)).map((c) => c.name);
  if (sidecars.length === 0) return undefined;
  const exits = new Map(running.map((r) => [r.name, new Future<void>()]));
  const regular = running.filter((r) => !sidecars.includes(r.name)).map((r) => exits.get(r.name)!);
  const waitFor = new Map<string, Array<Future<void>>>();
  sidecars.forEach((name, i) => waitFor.set(name, [...regular, ...sidecars.slice(i + 1).map((later) => exits.get(later)!)]));
  return { waitFor, exits, resolve: (name, done) => done.then(() => exits.get(name)?.resolve()) };
}
