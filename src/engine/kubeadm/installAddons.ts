import type { ApiClient } from '../client/client';
import { resourceForKind } from '../api/resources';
import { wait, type Task } from '../sim/task';
import { kubeadmAddons } from './addons';

/** installAddons is `kubeadm init`'s addon phase: create CoreDNS and kube-proxy as the admin. */
export function* installAddons(client: ApiClient, proxyMode: 'iptables' | 'ipvs' = 'iptables'): Task<void> {
  for (const obj of kubeadmAddons(proxyMode)) {
    yield* wait(client.create(resourceForKind(obj.kind ?? '')!.resource, obj));
  }
}
