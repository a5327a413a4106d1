import type { KubeObject } from '../api/object';
import { ApiClient } from '../client/client';
import { wait, type Task } from '../sim/task';
import { systemPriorityClasses } from './admission/plugins/priority';
import { bootstrapRbac } from './authorization/bootstrapPolicy';
import type { ApiServer } from './server';

/** The namespaces the apiserver's system-namespaces post-start hook keeps present. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** KUBERNETES_SERVICE_IP is the first address of the 10.96.0.0/12 service range. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** The apiserver's advertised address in the simulated control-plane network. */
export const APISERVER_ADDRESS = '10.0.0.2';

/**
 * bootstrapObjects is what kube-apiserver creates at start-up (post-start hooks
 * `start-system-namespaces-controller`, `scheduling/bootstrap-system-priority-classes` and the
 * bootstrap controller's `kubernetes` Service with its Endpoints and EndpointSlice pointing at the
 * apiserver on 6443).
 */
export function* bootstrapObjects(server: ApiServer): Task<void> {
  const client = new ApiClient(server, { username: 'system:apiserver', groups: ['system:masters'] }, 'kube-apiserver');
  for (const name of SYSTEM_NAMESPACES) {
    yield* wait(client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KubeObject));
  }
  // The scheduling/bootstrap-system-priority-classes post-start hook.
  for (const priorityClass of systemPriorityClasses()) {
    yield* wait(client.create('priorityclasses', priorityClass as KubeObject));
  }
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  yield* wait(client.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels },
    spec: {
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
  } as KubeObject));
  yield* wait(client.create('endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: APISERVER_ADDRESS }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  } as KubeObject));
  // The endpoint reconciler writes the matching EndpointSlice too (kube-proxy reads slices).
  yield* wait(client.create('endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [APISERVER_ADDRESS], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  } as KubeObject));
}

/**
 * bootstrapRbacObjects is the rbac/bootstrap-roles post-start hook: the default ClusterRoles and
 * ClusterRoleBindings (written while the components start; they authorize as components).
 */
export function* bootstrapRbacObjects(server: ApiServer): Task<void> {
  const client = new ApiClient(server, { username: 'system:apiserver', groups: ['system:masters'] }, 'kube-apiserver');
  for (const rbac of bootstrapRbac()) {
    yield* wait(client.create(rbac.kind === 'ClusterRole' ? 'clusterroles' : 'clusterrolebindings', rbac as KubeObject));
  }
}
