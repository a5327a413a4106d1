// Mirrors kubernetes pkg/kubelet/events/event.go (v1.32): the kubelet's event reasons.
import type { Container, Pod } from 'kubernetes-types/core/v1';
export const EVENTS = {
  CreatedContainer: 'Created',
  StartedContainer: 'Started',
  FailedToCreateContainer: 'Failed',
  FailedToStartContainer: 'Failed',
  KillingContainer: 'Killing',
  FailedPreStopHook: 'FailedPreStopHook',
  FailedPostStartHook: 'FailedPostStartHook',
  PreemptContainer: 'Preempting',
  BackOffStartContainer: 'BackOff',
  ExceededGracePeriod: 'ExceededGracePeriod',
  FailedToKillPod: 'FailedKillPod',
  FailedToCreatePodContainer: 'FailedCreatePodContainer',
  NetworkNotReady: 'NetworkNotReady',
  PullingImage: 'Pulling',
  PulledImage: 'Pulled',
  FailedToPullImage: 'Failed',
  FailedToInspectImage: 'InspectFailed',
  ErrImageNeverPullPolicy: 'ErrImageNeverPull',
  BackOffPullImage: 'BackOff',
  NodeReady: 'NodeReady',
  NodeNotReady: 'NodeNotReady',
  NodeSchedulable: 'NodeSchedulable',
  NodeNotSchedulable: 'NodeNotSchedulable',
  StartingKubelet: 'Starting',
  KubeletSetupFailed: 'KubeletSetupFailed',
  NodeAllocatableEnforced: 'NodeAllocatableEnforced',
  SandboxChanged: 'SandboxChanged',
  FailedCreatePodSandBox: 'FailedCreatePodSandBox',
  FailedStatusPodSandBox: 'FailedPodSandBoxStatus',
  FailedMountVolume: 'FailedMount',
  InvalidDiskCapacity: 'InvalidDiskCapacity',
} as const;

/** containerFieldPath is the events' fieldPath: spec.containers{name} or spec.initContainers{name}. */
export function containerFieldPath(pod: Pod, container: Container, isInit: boolean): string {
  if (pod.spec?.ephemeralContainers?.some((ec) => ec.name === container.name)) return `spec.ephemeralContainers{${container.name}}`;
  return isInit ? `spec.initContainers{${container.name}}` : `spec.containers{${container.name}}`;
}
