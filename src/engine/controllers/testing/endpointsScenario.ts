import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { Cluster } from '../../cluster';
import { kubeControllerManagerFactoryWith } from '../../controllerManager/kubeControllerManager';
import { get, markPodReady, request, TEST_SPEC } from '../../controllerManager/testing';
import { wait } from '../../sim/task';

// A Service `web` (port http → container port `http` 8080) over three pods on node-1: web-a and
// web-b Ready, web-c Running but not Ready. Shared by the Endpoints and EndpointSlice tests.

function boot(): Cluster {
  const cluster = Cluster.boot(TEST_SPEC, [kubeControllerManagerFactoryWith({ controllers: ['endpoints-controller', 'endpointslice-controller', 'serviceaccount-controller'] })]);
  const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1', 'topology.kubernetes.io/zone': 'zone-a' } } };
  request(cluster, (function* () {
    return yield* wait(cluster.admin().create('nodes', node));
  })());
  cluster.runUntil(cluster.sim.nowMs + 1000);
  return cluster;
}

function createPod(cluster: Cluster, name: string): Stored<Pod> {
  const pod: Pod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] },
  };
  const admin = cluster.admin();
  request(cluster, (function* () {
    const created = yield* wait(admin.create('pods', pod));
    if (!created.ok) throw new Error(created.status.message);
    return yield* wait(admin.bind('default', name, 'node-1'));
  })());
  return get<Pod>(cluster, 'pods', name)!;
}

function createService(cluster: Cluster): void {
  const svc: Service = {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }] },
  };
  request(cluster, (function* () {
    return yield* wait(cluster.admin().create('services', svc));
  })());
}

export function setup(): { cluster: Cluster; pods: Record<string, Stored<Pod>> } {
  const cluster = boot();
  const pods = { a: createPod(cluster, 'web-a'), b: createPod(cluster, 'web-b'), c: createPod(cluster, 'web-c') };
  markPodReady(cluster, pods.a, '10.244.1.10');
  markPodReady(cluster, pods.b, '10.244.1.9');
  const running = { ...pods.c.status, phase: 'Running', podIP: '10.244.1.11', podIPs: [{ ip: '10.244.1.11' }], conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: '2025-01-01T00:00:00Z' }] };
  request(cluster, (function* () {
    return yield* wait(cluster.admin('kubelet').updateStatus('pods', { ...get<Pod>(cluster, 'pods', 'web-c')!, status: running }));
  })());
  createService(cluster);
  cluster.runUntil(cluster.sim.nowMs + 2000);
  return { cluster, pods: { a: get<Pod>(cluster, 'pods', 'web-a')!, b: get<Pod>(cluster, 'pods', 'web-b')!, c: get<Pod>(cluster, 'pods', 'web-c')! } };
}

