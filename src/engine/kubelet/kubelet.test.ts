import { describe, expect, it } from 'vitest';
import kubeletFacts from './testdata/kubelet_facts.json';
import type { Kubelet } from './kubelet';
import { advance, bootCluster, createPod, getPod, node, pod, podEvents, run } from './testing/harness';
import { wait } from '../sim/task';

// Go's time.Duration printed after truncation to milliseconds: 812ms, 1.234s, 2s.
const GO_MS_DURATION = '(?:\\d+ms|\\d+(?:\\.\\d{1,3})?s)';
const facts = kubeletFacts as { conditionOrder: string[]; normalPodStart: Array<{ type: string; reason: string; message: string }> };

/**
 * expectedStartEvents fills the oracle's event templates. The oracle README corrects one of them:
 * v1.32 prints `Created container: NAME` (with a colon), as kuberuntime_container.go does.
 */
function expectedStartEvents(vars: Record<string, string>): Array<{ type: string; reason: string; message: RegExp }> {
  return facts.normalPodStart.map((e) => {
    const template = e.message.replace('Created container <container>', 'Created container: <container>');
    const parts = template.split(/(<[a-z0-9]+>)/).map((part) => {
      const name = /^<([a-z0-9]+)>$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return vars[name] !== undefined ? vars[name].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : name === 'n' ? '\\d+' : GO_MS_DURATION;
    });
    return { type: e.type, reason: e.reason, message: new RegExp(`^${parts.join('')}$`) };
  });
}

describe('kubelet + scheduler: a pod created directly', () => {
  it('is scheduled to the node with room, pulled, started, Running and Ready 1/1 with the events in order', () => {
    const cluster = bootCluster([node('node-1', '1'), node('node-2', '4')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '2', memory: '64Mi' } } }]));
    advance(cluster, 10_000);
    const web = getPod(cluster, 'web')!;
    expect(web.spec?.nodeName).toBe('node-2');
    expect(web.status?.phase).toBe('Running');
    expect(web.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(facts.conditionOrder.map((t) => `${t}=True`));
    const [status] = web.status!.containerStatuses!;
    expect(status).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest' });
    expect(status.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(status.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(status.state?.running?.startedAt).toMatch(/^2025-01-01T00:00:0\dZ$/);
    expect(web.status?.podIP).toMatch(/^10\.244\.2\.\d+$/);
    expect(web.status?.hostIP).toBe('10.0.1.2');
    const events = podEvents(cluster, 'web');
    const expected = expectedStartEvents({ namespace: 'default', pod: 'web', node: 'node-2', image: 'nginx', container: 'nginx' });
    expect(events.map((e) => `${e.type} ${e.reason}`)).toEqual(expected.map((e) => `${e.type} ${e.reason}`));
    events.forEach((event, i) => expect(event.message).toMatch(expected[i].message));
    expect(events.map((e) => e.message).slice(3)).toEqual(['Created container: nginx', 'Started container nginx']);
  });

  it('stays Pending with FailedScheduling and PodScheduled=False when no node has the cpu', () => {
    const cluster = bootCluster([node('node-1', '1'), node('node-2', '2')]);
    createPod(cluster, pod('big', [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '3' } } }]));
    advance(cluster, 5_000);
    const big = getPod(cluster, 'big')!;
    const message = '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod..';
    expect(big.status?.phase).toBe('Pending');
    expect(big.spec?.nodeName).toBeUndefined();
    expect(big.status?.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message })]);
    expect(podEvents(cluster, 'big')[0]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message });
  });

  it('ends an unknown image tag in ImagePullBackOff with the pull events', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('bad', [{ name: 'nginx', image: 'nginx:doesnotexist' }]));
    // The status is written at the start of each sync, so it alternates ErrImagePull (just failed)
    // and ImagePullBackOff (waiting) as kubectl get pods -w shows; at 20 s it is in back-off.
    advance(cluster, 20_000);
    const bad = getPod(cluster, 'bad')!;
    const waiting = bad.status?.containerStatuses?.[0].state?.waiting;
    const notFound = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    expect(waiting?.reason).toBe('ImagePullBackOff');
    expect(waiting?.message).toBe(`Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${notFound}`);
    const reasons = podEvents(cluster, 'bad').map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(reasons.slice(0, 6)).toEqual([
      'Normal Scheduled: Successfully assigned default/bad to node-1',
      'Normal Pulling: Pulling image "nginx:doesnotexist"',
      `Warning Failed: Failed to pull image "nginx:doesnotexist": ${notFound}`,
      'Warning Failed: Error: ErrImagePull',
      'Normal BackOff: Back-off pulling image "nginx:doesnotexist"',
      'Warning Failed: Error: ImagePullBackOff',
    ]);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    expect(kubelet.getContainerLogs('default', 'bad', 'nginx')).toEqual({ error: 'container "nginx" in pod "bad" is waiting to start: trying and failing to pull image' });
  });
});

describe('kubelet stop/start (sim node stop|start) and logs', () => {
  it('keeps containers running while stopped, leaves a deleted pod Terminating, and finishes it on start', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    advance(cluster, 10_000);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    kubelet.stop();
    expect(kubelet.running).toBe(false);
    run(cluster, (function* () { yield* wait(cluster.admin().delete('pods', 'default', 'web')); })());
    advance(cluster, 60_000);
    expect(getPod(cluster, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(kubelet.runtime.runningContainers()).toBe(1);
    expect(kubelet.getContainerLogs('default', 'web', 'nginx')).toEqual({ error: 'Get "https://10.0.1.1:10250/containerLogs/default/web/nginx": dial tcp 10.0.1.1:10250: connect: connection refused' });
    kubelet.start();
    advance(cluster, 5_000);
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(kubelet.runtime.runningContainers()).toBe(0);
  });

  it('kills the containers of a pod force-deleted while the kubelet was down once it is back', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    advance(cluster, 10_000);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    kubelet.stop();
    run(cluster, (function* () { yield* wait(cluster.admin().delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })); })());
    advance(cluster, 5_000);
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(kubelet.runtime.runningContainers()).toBe(1);
    kubelet.start();
    advance(cluster, 5_000);
    expect(kubelet.runtime.runningContainers()).toBe(0);
  });

  it('is what `sim node stop|start NODE` drives', () => {
    const cluster = bootCluster([node('node-1')]);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    const stop = cluster.exec('sim node stop node-1');
    advance(cluster, 10);
    expect(stop.done.value).toMatchObject({ exit: 0, stdout: 'node/node-1 kubelet stopped\n' });
    expect(kubelet.running).toBe(false);
    cluster.exec('sim node start node-1');
    advance(cluster, 10);
    expect(kubelet.running).toBe(true);
  });

  it('runs init containers first: PodInitializing until the app container exists', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('init', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5'] }] }));
    advance(cluster, 3_000);
    const initializing = getPod(cluster, 'init')!.status!;
    expect(initializing.initContainerStatuses?.[0].state?.running).toBeDefined();
    expect(initializing.containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    expect(initializing.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [wait]' });
    advance(cluster, 10_000);
    const done = getPod(cluster, 'init')!.status!;
    expect(done.phase).toBe('Running');
    expect(done.initContainerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(podEvents(cluster, 'init').filter((e) => e.reason === 'Started').map((e) => e.message)).toEqual(['Started container wait', 'Started container app']);
  });

  it('serves container logs with --tail and --timestamps, and the kubelet errors', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    advance(cluster, 10_000);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    const logs = kubelet.getContainerLogs('default', 'web', 'nginx') as string;
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    expect(logs.split('\n').filter(Boolean).length).toBeGreaterThan(5);
    expect((kubelet.getContainerLogs('default', 'web', 'nginx', { tail: 2 }) as string).split('\n')).toHaveLength(3);
    expect(kubelet.getContainerLogs('default', 'web', 'nginx', { tail: 1, timestamps: true })).toMatch(/^2025-01-01T00:00:\d\d\.\d+Z \S/);
    expect(kubelet.getContainerLogs('default', 'web', 'nginx', { previous: true })).toEqual({ error: 'previous terminated container "nginx" in pod "web" not found' });
    expect(kubelet.getContainerLogs('default', 'web', 'sidecar')).toEqual({ error: 'container "sidecar" in pod "web" is not available' });
  });
});
