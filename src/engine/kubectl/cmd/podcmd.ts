// kubectl's pkg/cmd/util/podcmd FindOrDefaultContainerByName, for the commands that talk to one
// container (exec, cp, logs, attach) when no -c was given.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';

/**
 * defaultContainer: the container the kubectl.kubernetes.io/default-container annotation names,
 * else the first, saying so (`say`, unless quiet) when there were several.
 */
export function defaultContainer(pod: Stored<Pod>, say?: (text: string) => void): string {
  const containers = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  if (annotated) say?.(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  const first = containers[0]?.name ?? '';
  if (containers.length > 1) say?.(`Defaulted container "${first}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
  return first;
}
