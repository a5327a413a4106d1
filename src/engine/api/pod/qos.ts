import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../quantity';

/**
 * getPodQOS mirrors pkg/apis/core/helper/qos: Guaranteed when every container sets cpu and memory
 * limits and its requests equal them (missing requests default to limits); BestEffort when no
 * container requests or limits cpu or memory; Burstable otherwise.
 */
export function getPodQOS(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = container.resources?.requests ?? {};
    const limits = container.resources?.limits ?? {};
    for (const resource of ['cpu', 'memory']) {
      const request = requests[resource] ?? limits[resource];
      const limit = limits[resource];
      if (request !== undefined && !isZero(request)) anySet = true;
      if (limit !== undefined && !isZero(limit)) anySet = true;
      if (limit === undefined || request === undefined || parseQuantity(String(request)) !== parseQuantity(String(limit))) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function isZero(quantity: string | number): boolean {
  return parseQuantity(String(quantity)) === 0;
}
