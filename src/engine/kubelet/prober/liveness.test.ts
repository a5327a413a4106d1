import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import { fromRFC3339 } from '../../sim/time';
import { advance, bootCluster, createPod, getPod, node, pod, podEvents } from '../testing/harness';

// The pods of kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes.
const execPod = pod('liveness-exec', [{
  name: 'liveness', image: 'registry.k8s.io/busybox:1.27.2',
  args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
  livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
}]);

const httpPod = pod('liveness-http', [{
  name: 'liveness', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'],
  livenessProbe: { httpGet: { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] }, initialDelaySeconds: 3, periodSeconds: 3 },
}]);

/** startedAt: when the current instance of the pod's first container started (ms on the sim clock). */
function startedAt(cluster: Cluster, name: string): number {
  const status = getPod(cluster, name)!.status!.containerStatuses![0];
  return fromRFC3339(status.state!.running!.startedAt!) - fromRFC3339('2025-01-01T00:00:00Z');
}

function bootWith(p: Pod): { cluster: Cluster; start: number } {
  const cluster = bootCluster([node('node-1')]);
  createPod(cluster, p);
  advance(cluster, 5_000);
  return { cluster, start: startedAt(cluster, p.metadata!.name!) };
}

/** advanceTo moves the sim clock to `atMs` (plus a little for the status write). */
function advanceTo(cluster: Cluster, atMs: number): void {
  advance(cluster, Math.max(0, atMs - cluster.sim.nowMs));
}

describe('liveness probes (configure-liveness-readiness-startup-probes task)', () => {
  it('exec: cat /tmp/healthy fails once the script removed it; the third failure kills; sh ignores SIGTERM', () => {
    const { cluster, start } = bootWith(execPod);
    advanceTo(cluster, start + 34_000);
    expect(podEvents(cluster, 'liveness-exec').some((e) => e.reason === 'Unhealthy')).toBe(false);
    advanceTo(cluster, start + 36_000);
    expect(podEvents(cluster, 'liveness-exec').find((e) => e.reason === 'Unhealthy')).toEqual({ type: 'Warning', reason: 'Unhealthy', message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", count: 1 });
    advanceTo(cluster, start + 47_000);
    const events = podEvents(cluster, 'liveness-exec');
    expect(events.find((e) => e.reason === 'Unhealthy')?.count).toBe(3);
    expect(events.find((e) => e.reason === 'Killing')).toEqual({ type: 'Normal', reason: 'Killing', message: 'Container liveness failed liveness probe, will be restarted', count: 1 });
    expect(getPod(cluster, 'liveness-exec')!.status!.containerStatuses![0].restartCount).toBe(0);
    // sh as PID 1 ignores SIGTERM: SIGKILL at the end of the 30 s grace period, then the restart at once.
    advanceTo(cluster, start + 45_000 + 30_000 + 2_000);
    const status = getPod(cluster, 'liveness-exec')!.status!.containerStatuses![0];
    expect(status.restartCount).toBe(1);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(fromRFC3339(status.lastState!.terminated!.finishedAt!) - fromRFC3339('2025-01-01T00:00:00Z') - start).toBeGreaterThanOrEqual(75_000);
    expect(status.state?.running).toBeDefined();
  });

  it('httpGet: agnhost liveness answers 500 after 10 s; probes at 12, 15, 18 s fail and kill; agnhost dies of SIGTERM (143)', () => {
    const { cluster, start } = bootWith(httpPod);
    advanceTo(cluster, start + 12_500);
    expect(podEvents(cluster, 'liveness-http').find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 1 });
    advanceTo(cluster, start + 21_000);
    const status = getPod(cluster, 'liveness-http')!.status!.containerStatuses![0];
    expect(status.restartCount).toBe(1);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    expect(podEvents(cluster, 'liveness-http').find((e) => e.reason === 'Killing')?.message).toBe('Container liveness failed liveness probe, will be restarted');
  });

  it('httpGet: runs last 18 s; a liveness restart goes through the crash-loop back-off (10 s doubling)', () => {
    const { cluster, start } = bootWith(httpPod);
    const restarts = () => getPod(cluster, 'liveness-http')!.status!.containerStatuses![0];
    // Kills at +18, +37, +56 s: the newest exited run (none, then +18, then +37) is outside its
    // back-off (none, 10 s, 20 s), so each restart is immediate and the back-off grows.
    advanceTo(cluster, start + 58_000);
    expect(restarts().restartCount).toBe(3);
    // Kill at +75 s: the previous run ended at +56 s, 19 s < 20 s: CrashLoopBackOff.
    advanceTo(cluster, start + 77_000);
    expect(restarts().state?.waiting).toMatchObject({ reason: 'CrashLoopBackOff' });
    expect(restarts().state?.waiting?.message).toMatch(/^back-off 20s restarting failed container=liveness pod=liveness-http_default\(/);
    advanceTo(cluster, start + 300_000);
    expect(restarts().restartCount).toBe(6);
    // No BackOff event to check here: by then the pod's 25-event spam-filter burst is spent
    // (Unhealthy, Killing, Pulled, Created, Started per restart), as on a real kubelet.
  });

  it('startup: a probe that never passes kills the container after failureThreshold periods; liveness waits for it', () => {
    const { cluster, start } = bootWith(pod('slow-start', [{
      name: 'web', image: 'nginx:1.27',
      startupProbe: { tcpSocket: { port: 81 }, failureThreshold: 2, periodSeconds: 5 },
      livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 },
    }]));
    expect(getPod(cluster, 'slow-start')!.status!.containerStatuses![0]).toMatchObject({ started: false, ready: false });
    advanceTo(cluster, start + 7_000);
    const events = podEvents(cluster, 'slow-start');
    expect(events.find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: expect.stringMatching(/^Startup probe failed: dial tcp 10\.244\.\d+\.\d+:81: connect: connection refused$/), count: 2 });
    expect(events.find((e) => e.reason === 'Killing')?.message).toBe('Container web failed startup probe, will be restarted');
    const status = getPod(cluster, 'slow-start')!.status!.containerStatuses![0];
    expect(status.restartCount).toBe(1);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('readiness: the pod turns 0/1 after the file is removed, with Readiness probe failed events, and is never restarted', () => {
    const { cluster, start } = bootWith(pod('ready-exec', [{
      name: 'app', image: 'busybox:1.36',
      command: ['sh', '-c', 'touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 3600'],
      readinessProbe: { exec: { command: ['test', '-f', '/tmp/ready'] }, periodSeconds: 5 },
    }]));
    advanceTo(cluster, start + 2_000);
    expect(getPod(cluster, 'ready-exec')!.status!.containerStatuses![0].ready).toBe(true);
    advanceTo(cluster, start + 37_000);
    const status = getPod(cluster, 'ready-exec')!.status!;
    expect(status.containerStatuses![0]).toMatchObject({ ready: false, restartCount: 0, started: true });
    expect(status.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(podEvents(cluster, 'ready-exec').find((e) => e.reason === 'Unhealthy')).toMatchObject({ message: 'Readiness probe failed: ', count: 3 });
  });
});
