// A reduced pkg/kubelet/prober (v1.32): readiness without running probe workers. A container
// without a readinessProbe is ready once running; with one, it turns ready at the first probe
// (initialDelaySeconds, then every periodSeconds) after its process accepts connections.
import type { Container } from 'kubernetes-types/core/v1';
import type { ContainerRecord } from '../runtime/types';

/** readyAtMs: when the container becomes ready (undefined when it is not running). */
export function readyAtMs(container: Container, record: ContainerRecord): number | undefined {
  if (record.state !== 'CONTAINER_RUNNING' || record.startedAtMs === undefined) return undefined;
  const probe = container.readinessProbe;
  if (!probe) return record.startedAtMs;
  const firstProbeMs = record.startedAtMs + (probe.initialDelaySeconds ?? 0) * 1000;
  const periodMs = (probe.periodSeconds ?? 10) * 1000;
  const listeningMs = probe.exec ? record.startedAtMs : record.startedAtMs + record.behavior.readyAfterMs;
  if (firstProbeMs >= listeningMs) return firstProbeMs;
  return firstProbeMs + Math.ceil((listeningMs - firstProbeMs) / periodMs) * periodMs;
}
