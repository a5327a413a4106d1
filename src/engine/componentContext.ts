import type { ApiServer } from './apiserver/server';
import type { UserInfo } from './apiserver/request';
import { ApiClient } from './client/client';
import type { ClientRateLimits } from './client/flowcontrol';
import type { Component } from './cluster';
import type { LoadState } from './metrics/loadState';
import type { RegistryState } from './registry/registryState';
import type { Simulator } from './sim/simulator';

/**
 * ComponentContext is what every cluster component (controller manager, scheduler, kubelets,
 * kube-proxy) is built from: the simulator for time, randomness and trace, the apiserver to talk
 * to, and the cluster's epoch for timestamps. Components talk to each other only through the
 * apiserver, as in Kubernetes.
 */
export interface ComponentContext {
  sim: Simulator;
  apiserver: ApiServer;
  epochMs: number;
  /** The image registry's current state (what `sim image` changed), read at every pull. */
  registry: () => RegistryState;
  /** The load `sim load` put on Deployments, read by the kubelets' stats (metrics-server scrapes it). */
  load: () => LoadState;
  /**
   * lookup addresses another component by name (`kubelet/node-1`), as the network lets
   * metrics-server reach each kubelet's port 10250; undefined when there is none.
   */
  lookup: (name: string) => Component | undefined;
  /** Each component's client-side --kube-api-qps / --kube-api-burst. */
  clientRateLimits: ClientRateLimits;
}

/** clientFor opens an apiserver connection under a component's identity. */
export function clientFor(ctx: ComponentContext, user: UserInfo, component: string): ApiClient {
  return new ApiClient(ctx.apiserver, user, component);
}

/** Identities components authenticate as (kubeadm-style certificates and service accounts). */
export const USERS: {
  admin: UserInfo; scheduler: UserInfo; controllerManager: UserInfo; apiserver: UserInfo; kubeProxy: UserInfo;
  node: (nodeName: string) => UserInfo; controller: (name: string) => UserInfo;
} = {
  admin: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
  scheduler: { username: 'system:kube-scheduler', groups: ['system:authenticated'] },
  controllerManager: { username: 'system:kube-controller-manager', groups: ['system:authenticated'] },
  apiserver: { username: 'system:apiserver', groups: ['system:authenticated', 'system:masters'] },
  node: (nodeName: string) => ({ username: `system:node:${nodeName}`, groups: ['system:nodes', 'system:authenticated'] }),
  controller: (name: string) => ({ username: `system:serviceaccount:kube-system:${name}`, groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'] }),
  kubeProxy: { username: 'system:kube-proxy', groups: ['system:authenticated'] },
};
