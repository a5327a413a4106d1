import type { ApiClient } from '../client/client';
import { resourceForKind } from '../api/resources';
import type { Simulator } from '../sim/simulator';
import { wait, type Task } from '../sim/task';
import { kubeadmAddons } from './addons';

/** kubeadm retries an API call for a while (apiclient's backoff) before giving up on init. */
const RETRY_MS = 500;
const ATTEMPTS = 40;

/**
 * installAddons is `kubeadm init`'s addon phase: create CoreDNS and kube-proxy as the admin,
 * retrying each object while the apiserver is still settling (e.g. its namespace cache).
 */
export function* installAddons(sim: Simulator, client: ApiClient, proxyMode: 'iptables' | 'ipvs' = 'iptables'): Task<void> {
  for (const obj of kubeadmAddons(proxyMode)) {
    const resource = resourceForKind(obj.kind ?? '')!.resource;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const created = yield* wait(client.create(resource, obj));
      if (created.ok || created.status.reason === 'AlreadyExists') break;
      yield* wait(sim.sleep(RETRY_MS));
    }
  }
}
