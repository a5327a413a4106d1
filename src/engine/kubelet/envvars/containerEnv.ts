import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { Rng } from '../../sim/rng';
import { makeEnvironmentVariables, serviceEnvVarMap } from './envVars';
import type { SharedServiceLister } from './serviceLister';

/**
 * containerEnvironment is the kubelet's way to a container's variables (makeEnvironmentVariables)
 * with the Services it sees at the container's start. Go walks the Service map in random order;
 * the kubelet's seeded stream `rng` stands for it.
 */
export function containerEnvironment(runtime: ContainerRuntime, services: SharedServiceLister | undefined, hostIP: string, rng: Rng) {
  return (pod: Stored<Pod>, container: Container, sandboxId: string): Array<{ name: string; value: string }> => {
    const podIP = runtime.podSandboxes(pod.metadata.uid ?? '').find((s) => s.id === sandboxId)?.ip ?? '';
    const serviceEnv = serviceEnvVarMap(services?.list() ?? [], pod.metadata.namespace ?? 'default', pod.spec?.enableServiceLinks ?? true);
    return makeEnvironmentVariables(pod, container, serviceEnv, { podIP, hostIP }, (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    });
  };
}
