// What the kubelet hands its kuberuntime manager (NewKubeGenericRuntimeManager's arguments): the
// image manager with its pull back-off, the prober, the crash-loop back-off, and how events and
// container environments are made.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { Backoff } from '../../client/backoff';
import type { EventRecorder } from '../../client/record/eventRecorder';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { Simulator } from '../../sim/simulator';
import type { KubeletConfiguration } from '../config';
import { containerFieldPath } from '../events';
import { ImageManager } from '../images/imageManager';
import { ImagePuller } from '../images/puller';
import { ProberManager, UNHEALTHY } from '../prober/proberManager';
import type { RuntimeManagerContext } from './kuberuntimeContainer';

export interface RuntimeManagerDeps {
  sim: Simulator;
  runtime: ContainerRuntime;
  config: KubeletConfiguration;
  recorder: EventRecorder;
  /** isRunning: a stopped kubelet runs no probes: its pending Unhealthy timers fire but report nothing. */
  isRunning(): boolean;
  containerEnv(pod: Stored<Pod>, container: Container, sandboxId: string): Array<{ name: string; value: string }>;
}

export function newRuntimeManagerContext(deps: RuntimeManagerDeps): RuntimeManagerContext {
  const { sim, runtime, config, recorder } = deps;
  const fieldPath = (pod: Pod, container: Container, isInit: boolean) => ({ fieldPath: containerFieldPath(pod, container, isInit) });
  const puller = new ImagePuller(runtime, config.serializeImagePulls);
  const imageManager = new ImageManager(sim, runtime, puller, new Backoff(config.imageBackOffInitialMs, config.imageBackOffMaxMs));
  const prober = new ProberManager(sim, (pod, container, isInit, message) => deps.isRunning() && recorder.event(pod, 'Warning', UNHEALTHY, message, fieldPath(pod, container, isInit)));
  return {
    sim,
    prober,
    runtime,
    imageManager,
    crashLoopBackOff: new Backoff(config.containerBackOffInitialMs, config.containerBackOffMaxMs),
    recordPodEvent: (pod, type, reason, message) => recorder.event(pod, type, reason, message),
    recordContainerEvent: (pod, container, isInit, type, reason, message) => recorder.event(pod, type, reason, message, fieldPath(pod, container, isInit)),
    containerEnv: deps.containerEnv,
  };
}
