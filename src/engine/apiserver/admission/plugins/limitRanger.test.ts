import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';

const limitRange = `apiVersion: v1
kind: LimitRange
metadata: {name: cpu-mem}
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 250m}
      max: {cpu: "1", memory: 512Mi}
      min: {cpu: 100m}
    - type: Pod
      max: {cpu: 1500m}
`;

const pod = (name: string, containers: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
${containers}`;

// plugin/pkg/admission/limitranger/admission.go (v1.32) and SetDefaults_LimitRangeItem.
describe('LimitRanger admission', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    { run: 'kubectl apply -f -', stdin: limitRange, advanceMs: 5_000 },
    'kubectl get limitrange cpu-mem -o jsonpath={.spec.limits[0].defaultRequest}',
    'kubectl run web --image=nginx:1.27',
    "kubectl get pod web -o jsonpath='{.metadata.annotations.kubernetes\\.io/limit-ranger}|{.spec.containers[0].resources}'",
    { run: 'kubectl apply -f -', stdin: pod('big', '    - {name: app, image: "nginx:1.27", resources: {limits: {cpu: "2", memory: 1Gi}}}\n') },
    { run: 'kubectl apply -f -', stdin: pod('tiny', '    - {name: app, image: "nginx:1.27", resources: {requests: {cpu: 50m}}}\n') },
    {
      run: 'kubectl apply -f -',
      stdin: pod('two', '    - {name: a, image: "nginx:1.27", resources: {limits: {cpu: 800m}}}\n    - {name: b, image: "nginx:1.27", resources: {limits: {cpu: 800m}}}\n'),
    },
  ]);

  it('defaults the LimitRange itself: a default limit without a default request becomes the request', () => {
    expect(r[1].stdout).toBe('{"cpu":"250m","memory":"256Mi"}');
  });

  it('fills missing requests and limits and says so in the kubernetes.io/limit-ranger annotation', () => {
    expect(r[2].stdout).toBe('pod/web created\n');
    expect(r[3].stdout).toBe(
      'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web|{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"250m","memory":"256Mi"}}',
    );
  });

  it('refuses containers and pods outside min/max with the upstream messages', () => {
    expect(r[4].stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: [Maximum cpu usage per Container is 1, but limit is 2., Maximum memory usage per Container is 512Mi, but limit is 1Gi., Maximum cpu usage per Pod is 1500m, but limit is 2.]\n',
    );
    expect(r[5].stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "tiny" is forbidden: Minimum cpu usage per Container is 100m, but request is 50m.\n');
    expect(r[6].stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "two" is forbidden: Maximum cpu usage per Pod is 1500m, but limit is 1600m.\n');
  });
});
