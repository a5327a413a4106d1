import type { Container, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { printPod } from '../kubectl/printers/table/printPod';
import { wait } from '../sim/task';
import { advance, bootCluster, createPod, getPod, node, pod, podEvents, run } from './testing/harness';

function deletePod(cluster: Cluster, name: string, gracePeriodSeconds?: number): void {
  run(cluster, (function* () {
    yield* wait(cluster.admin().delete('pods', 'default', name, gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }));
  })());
}

/** row is `kubectl get pods` READY / STATUS / RESTARTS for the pod now. */
function row(cluster: Cluster, name: string): string[] {
  const p = getPod(cluster, name);
  if (!p) return ['<gone>'];
  return printPod(p, { nowMs: cluster.sim.nowMs, wide: false }).slice(1, 4).map(String);
}

function started(cluster: Cluster, p: Pod): void {
  createPod(cluster, p);
  advance(cluster, 10_000);
}

const sleeper: Container = { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] };
const nginx: Container = { name: 'nginx', image: 'nginx:1.27' };

describe('graceful termination', () => {
  it('sleep as PID 1 ignores SIGTERM: Terminating for the 30 s grace period, SIGKILL, then the pod is gone', () => {
    const cluster = bootCluster([node('node-1')]);
    started(cluster, pod('sleeper', [sleeper]));
    deletePod(cluster, 'sleeper');
    advance(cluster, 1_000);
    expect(row(cluster, 'sleeper')).toEqual(['1/1', 'Terminating', '0']);
    expect(podEvents(cluster, 'sleeper').find((e) => e.reason === 'Killing')).toEqual({ type: 'Normal', reason: 'Killing', message: 'Stopping container app', count: 1 });
    advance(cluster, 27_000);
    expect(row(cluster, 'sleeper')[1]).toBe('Terminating');
    advance(cluster, 5_000);
    expect(row(cluster, 'sleeper')).toEqual(['<gone>']);
  });

  it('nginx handles SIGTERM and is gone within a couple of seconds; --grace-period shortens the wait for sleep', () => {
    const cluster = bootCluster([node('node-1')]);
    started(cluster, pod('web', [nginx]));
    started(cluster, pod('sleeper', [sleeper]));
    deletePod(cluster, 'web');
    deletePod(cluster, 'sleeper', 5);
    advance(cluster, 3_000);
    expect(row(cluster, 'web')).toEqual(['<gone>']);
    expect(row(cluster, 'sleeper')[1]).toBe('Terminating');
    advance(cluster, 5_000);
    expect(row(cluster, 'sleeper')).toEqual(['<gone>']);
  });

  it('a preStop hook runs first and its time counts against the grace period', () => {
    const cluster = bootCluster([node('node-1')]);
    // nginx with preStop sleep 10: SIGTERM only after the hook, the pod lingers ~10 s.
    started(cluster, pod('web', [{ ...nginx, lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 10'] } } } }]));
    // sleep with a 20 s preStop and a 30 s grace period: 20 s hook, then 10 s of SIGTERM, SIGKILL.
    started(cluster, pod('sleeper', [{ ...sleeper, lifecycle: { preStop: { sleep: { seconds: 20 } } } }]));
    deletePod(cluster, 'web');
    deletePod(cluster, 'sleeper');
    advance(cluster, 8_000);
    expect(row(cluster, 'web')[1]).toBe('Terminating');
    advance(cluster, 5_000);
    expect(row(cluster, 'web')).toEqual(['<gone>']);
    advance(cluster, 15_000);
    expect(row(cluster, 'sleeper')[1]).toBe('Terminating');
    advance(cluster, 5_000);
    expect(row(cluster, 'sleeper')).toEqual(['<gone>']);
  });

  it('a failing preStop hook reports FailedPreStopHook and the container is still stopped', () => {
    const cluster = bootCluster([node('node-1')]);
    started(cluster, pod('web', [{ ...nginx, lifecycle: { preStop: { exec: { command: ['cat', '/tmp/ready-to-stop'] } } } }]));
    const uid = getPod(cluster, 'web')!.metadata.uid;
    deletePod(cluster, 'web');
    advance(cluster, 3_000);
    expect(row(cluster, 'web')).toEqual(['<gone>']);
    expect(podEvents(cluster, 'web').find((e) => e.reason === 'FailedPreStopHook')).toEqual({
      type: 'Warning', reason: 'FailedPreStopHook', count: 1,
      message: `Exec lifecycle hook ([cat /tmp/ready-to-stop]) for Container "nginx" in Pod "web_default(${uid})" failed - error: command 'cat /tmp/ready-to-stop' exited with 1: cat: /tmp/ready-to-stop: No such file or directory\n, message: "cat: /tmp/ready-to-stop: No such file or directory\\n"`,
    });
  });
});

describe('sidecars (init containers with restartPolicy Always)', () => {
  const shipper: Container = { name: 'logshipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'tail -F /opt/logs.txt'] };

  it('start before the app container, count in READY, and stop after it', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('app', [{ ...sleeper, name: 'myapp' }], { initContainers: [shipper] }));
    advance(cluster, 10_000);
    expect(row(cluster, 'app')).toEqual(['2/2', 'Running', '0']);
    const status = getPod(cluster, 'app')!.status!;
    expect(status.initContainerStatuses?.[0]).toMatchObject({ name: 'logshipper', ready: true, started: true });
    expect(Date.parse(status.initContainerStatuses![0].state!.running!.startedAt!)).toBeLessThanOrEqual(Date.parse(status.containerStatuses![0].state!.running!.startedAt!));
    deletePod(cluster, 'app', 5);
    advance(cluster, 20_000);
    const kills = podEvents(cluster, 'app').filter((e) => e.reason === 'Killing').map((e) => e.message);
    expect(kills.sort()).toEqual(['Stopping container logshipper', 'Stopping container myapp']);
    expect(row(cluster, 'app')).toEqual(['<gone>']);
  });

  it('with a startupProbe hold back the app container until the probe passes (Init:0/1 meanwhile)', () => {
    const cluster = bootCluster([node('node-1')]);
    const proxy: Container = { name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 8, periodSeconds: 5 } };
    createPod(cluster, pod('app', [{ ...sleeper, name: 'myapp' }], { initContainers: [proxy] }));
    advance(cluster, 6_000);
    expect(row(cluster, 'app')).toEqual(['0/2', 'Init:0/1', '0']);
    expect(getPod(cluster, 'app')!.status!.initContainerStatuses![0]).toMatchObject({ started: false, ready: false, state: { running: {} } });
    advance(cluster, 10_000);
    expect(row(cluster, 'app')).toEqual(['2/2', 'Running', '0']);
    const status = getPod(cluster, 'app')!.status!;
    const proxyStart = Date.parse(status.initContainerStatuses![0].state!.running!.startedAt!);
    expect(Date.parse(status.containerStatuses![0].state!.running!.startedAt!) - proxyStart).toBeGreaterThanOrEqual(8_000);
  });

  it('restart when they exit or fail their liveness probe, while the app container keeps running', () => {
    const cluster = bootCluster([node('node-1')]);
    const flaky: Container = { name: 'agent', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 20; exit 1'] };
    const probed: Container = { name: 'proxy', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'], restartPolicy: 'Always', livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 3 } };
    createPod(cluster, pod('app', [{ ...sleeper, name: 'myapp' }], { initContainers: [flaky, probed] }));
    advance(cluster, 40_000);
    const status = getPod(cluster, 'app')!.status!;
    expect(status.initContainerStatuses![0]).toMatchObject({ name: 'agent', restartCount: 1 });
    expect(status.initContainerStatuses![0].lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status.initContainerStatuses![1].restartCount).toBeGreaterThanOrEqual(1);
    expect(status.containerStatuses![0]).toMatchObject({ name: 'myapp', restartCount: 0, state: { running: {} } });
    expect(podEvents(cluster, 'app').find((e) => e.reason === 'Killing')?.message).toBe('Container proxy failed liveness probe, will be restarted');
  });

  it('do not keep a finished pod running: the main container completes, the sidecar is stopped, the pod Succeeded', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('job', [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'echo done; sleep 5'] }], { initContainers: [shipper], restartPolicy: 'Never' }));
    advance(cluster, 60_000);
    const p = getPod(cluster, 'job')!;
    expect(p.status!.phase).toBe('Succeeded');
    expect(row(cluster, 'job')).toEqual(['0/2', 'Completed', '0']);
  });
});
