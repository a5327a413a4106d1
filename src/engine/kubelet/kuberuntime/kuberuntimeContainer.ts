// Mirrors kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer,
// killContainer) and kuberuntime_manager.go doBackOff (v1.32).
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { value } from '../../api/quantity';
import { formatGoDurationMs } from '../../registry/goDuration';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { ContainerRecord } from '../../runtime/types';
import type { Simulator } from '../../sim/simulator';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import type { SyncFailure } from '../containerStatuses';
import { EVENTS } from '../events';
import type { ImageManager } from '../images/imageManager';
import type { ProberManager } from '../prober/proberManager';
import type { Backoff } from '../../client/backoff';
import { runLifecycleHook } from './lifecycleHooks';
import { containerHash } from './podActions';

/** MINIMUM_GRACE_PERIOD_SECONDS: a container always gets at least 2 s to stop (minimumGracePeriodInSeconds). */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2;

export type EventType = 'Normal' | 'Warning';

/** RuntimeManagerContext is what the kuberuntime functions use (kubeGenericRuntimeManager's fields). */
export interface RuntimeManagerContext {
  sim: Simulator;
  runtime: ContainerRuntime;
  imageManager: ImageManager;
  crashLoopBackOff: Backoff;
  prober: ProberManager;
  recordPodEvent(pod: Stored<Pod>, type: EventType, reason: string, message: string): void;
  recordContainerEvent(pod: Stored<Pod>, container: Container, isInit: boolean, type: EventType, reason: string, message: string): void;
  /** containerEnv: makeEnvironmentVariables for a container about to be created in the sandbox. */
  containerEnv?(pod: Stored<Pod>, container: Container, sandboxId: string): Array<{ name: string; value: string }>;
}

/** formatPod is format.Pod: `name_namespace(uid)`, as back-off messages print a pod. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}

/**
 * doBackOff: a container that exited may restart only once its crash-loop back-off has passed
 * since it finished; otherwise BackOff event and CrashLoopBackOff ("back-off 20s restarting failed
 * container=app pod=app_default(uid)"). Passing the check grows the back-off for next time.
 */
export function doBackOff(ctx: RuntimeManagerContext, pod: Stored<Pod>, container: Container, isInit: boolean, exited: ContainerRecord | undefined): SyncFailure | undefined {
  const current = exited;
  if (!current || current.state !== 'CONTAINER_EXITED' || current.finishedAtMs === undefined) return undefined;
  const key = `${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_${container.name}_${containerHash(container)}`;
  const nowMs = ctx.sim.nowMs;
  if (ctx.crashLoopBackOff.isInBackOffSince(key, current.finishedAtMs, nowMs)) {
    ctx.recordContainerEvent(pod, container, isInit, 'Warning', EVENTS.BackOffStartContainer, `Back-off restarting failed container ${container.name} in pod ${formatPod(pod)}`);
    const backoff = formatGoDurationMs(ctx.crashLoopBackOff.getMs(key));
    return { reason: 'CrashLoopBackOff', message: `back-off ${backoff} restarting failed container=${container.name} pod=${formatPod(pod)}` };
  }
  ctx.crashLoopBackOff.next(key, current.finishedAtMs, nowMs);
  return undefined;
}

/**
 * startContainer: back-off check, image, create (Created event), start (Started event). Returns
 * the failure the reason cache keeps, or undefined on success. The back-off looks at the newest
 * instance that had exited when the sync began, so a container just killed by its liveness probe
 * restarts at once unless an earlier run's back-off still holds (upstream's status is pre-kill).
 */
export function* startContainer(ctx: RuntimeManagerContext, pod: Stored<Pod>, sandboxId: string, container: Container, isInit: boolean, current: ContainerRecord | undefined, exited: ContainerRecord | undefined): Task<SyncFailure | undefined> {
  const backOff = doBackOff(ctx, pod, container, isInit, exited);
  if (backOff) return backOff;
  const record = (type: EventType, reason: string, message: string) => ctx.recordContainerEvent(pod, container, isInit, type, reason, message);
  const image = yield* ctx.imageManager.ensureImageExists(pod.metadata.uid ?? '', container, record);
  if (!image.ok) {
    record('Warning', EVENTS.FailedToCreateContainer, `Error: ${image.reason}`);
    return { reason: image.reason, message: image.message };
  }
  const limit = container.resources?.limits?.memory;
  const created = yield* wait(ctx.runtime.createContainer(sandboxId, {
    name: container.name, attempt: current ? current.attempt + 1 : 0, imageRef: image.imageRef, hash: containerHash(container),
    command: container.command, args: container.args, env: container.env, envs: ctx.containerEnv?.(pod, container, sandboxId), stdin: container.stdin, memoryLimitBytes: limit === undefined ? undefined : value(limit),
  }));
  if (!created.ok) {
    record('Warning', EVENTS.FailedToCreateContainer, `Error: ${created.message}`);
    return { reason: 'CreateContainerError', message: created.message };
  }
  record('Normal', EVENTS.CreatedContainer, `Created container: ${container.name}`);
  const started = yield* wait(ctx.runtime.startContainer(created.value.id));
  if (!started.ok) {
    record('Warning', EVENTS.FailedToStartContainer, `Error: ${started.message}`);
    return { reason: 'RunContainerError', message: started.message };
  }
  record('Normal', EVENTS.StartedContainer, `Started container ${container.name}`);
  return undefined;
}

/** gracePeriodSeconds: the deletion's grace period, else the pod's terminationGracePeriodSeconds, at least 2 s. */
export function gracePeriodSeconds(pod: Pod): number {
  const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  return Math.max(grace, MINIMUM_GRACE_PERIOD_SECONDS);
}

/** TerminationOrdering: a sidecar stops only after the regular containers and the later sidecars exited. */
export interface TerminationOrdering {
  /** waitFor: per container name, the exits it must wait for. */
  waitFor: Map<string, Array<Future<void>>>;
}

/**
 * killContainer (killContainer in kuberuntime_container.go): Killing event; the preStop hook,
 * whose whole seconds count against the grace period (FailedPreStopHook on failure); a sidecar
 * then waits for its turn within what is left; at least 2 s remain for SIGTERM before SIGKILL.
 */
export function* killContainer(ctx: RuntimeManagerContext, pod: Stored<Pod>, record: ContainerRecord, message: string | undefined, graceSeconds: number, ordering?: TerminationOrdering): Task<void> {
  const spec = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === record.name) ?? { name: record.name };
  const isInit = (pod.spec?.initContainers ?? []).some((c) => c.name === record.name);
  ctx.recordContainerEvent(pod, spec, isInit, 'Normal', EVENTS.KillingContainer, message ?? `Stopping container ${record.name}`);
  let grace = graceSeconds;
  const preStop = spec.lifecycle?.preStop;
  if (preStop && grace > 0 && record.state === 'CONTAINER_RUNNING') {
    const startMs = ctx.sim.nowMs;
    const podIP = ctx.runtime.podSandboxes(record.podUid).find((s) => s.id === record.sandboxId)?.ip ?? '';
    const hook = runLifecycleHook(pod, spec, record, podIP, preStop, startMs);
    if (hook.stopsMainProcess) ctx.runtime.requestExit(record.id, 0);
    yield* wait(raceSleep(ctx.sim, hook.durationMs, grace * 1000, record.state === 'CONTAINER_RUNNING' ? undefined : Future.resolved<void>(undefined)));
    if (hook.error) ctx.recordContainerEvent(pod, spec, isInit, 'Warning', EVENTS.FailedPreStopHook, hook.error);
    grace -= Math.floor((ctx.sim.nowMs - startMs) / 1000);
  }
  const turn = ordering?.waitFor.get(record.name);
  if (turn && turn.length > 0 && grace > 0) {
    const startMs = ctx.sim.nowMs;
    for (const exit of turn) yield* wait(raceSleep(ctx.sim, Infinity, grace * 1000 - (ctx.sim.nowMs - startMs), exit));
    grace -= Math.floor((ctx.sim.nowMs - startMs) / 1000);
  }
  yield* wait(ctx.runtime.stopContainer(record.id, Math.max(grace, MINIMUM_GRACE_PERIOD_SECONDS)));
}

/** raceSleep resolves after min(durationMs, limitMs), or earlier when `done` resolves. */
function raceSleep(sim: Simulator, durationMs: number, limitMs: number, done?: Future<void>): Future<void> {
  const out = new Future<void>();
  const delay = Math.max(0, Math.min(durationMs, limitMs));
  const timer = Number.isFinite(delay) ? sim.after(delay, () => out.resolve()) : undefined;
  done?.then(() => {
    sim.cancel(timer);
    out.resolve();
  });
  return out;
}
