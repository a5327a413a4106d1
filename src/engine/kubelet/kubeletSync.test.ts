import { describe, expect, it } from 'vitest';
import facts from './testdata/kubelet_facts.json';
import type { Kubelet } from './kubelet';
import { advance, bootCluster, createPod, getPod, node, pod, podEvents, run } from './testing/harness';
import { wait } from '../sim/task';

const crash = (facts as { crashLoopBackOff: { waitingMessage: string; event: { message: string } } }).crashLoopBackOff;

describe('SyncPod: restarts and crash-loop back-off', () => {
  it('restarts a failing container with 10 s, 20 s, 40 s... back-off, CrashLoopBackOff and lastState', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('crash', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo starting; exit 1'] }]));
    const restarts: Array<[number, number]> = [];
    let last = -1;
    for (let t = 0; t < 200_000; t += 500) {
      advance(cluster, 500);
      const count = getPod(cluster, 'crash')?.status?.containerStatuses?.[0].restartCount ?? 0;
      if (count !== last) restarts.push([count, Math.round(cluster.sim.nowMs / 1000)]);
      last = count;
    }
    const gaps = restarts.slice(2).map(([, at], i) => at - restarts[i + 1][1]);
    // Back-off after restart n: 10 s, 20 s, 40 s, 80 s; the retry lands on the pod worker's next
    // sync (10–15 s requeue, 1 s ticks), so each gap is at least the back-off.
    expect(gaps.slice(0, 4).map((gap, i) => gap >= 10 * 2 ** i && gap <= 10 * 2 ** i + 17)).toEqual([true, true, true, true]);
    const status = getPod(cluster, 'crash')!.status!;
    const [container] = status.containerStatuses!;
    expect(status.phase).toBe('Running');
    expect(container.state?.waiting?.reason).toBe('CrashLoopBackOff');
    const uid = getPod(cluster, 'crash')!.metadata.uid;
    expect(container.state?.waiting?.message).toMatch(new RegExp(`^back-off (?:\\d+s|\\dm\\d+s) restarting failed container=app pod=crash_default\\(${uid}\\)$`));
    expect(crash.waitingMessage).toContain('restarting failed container=<container> pod=<pod>_<namespace>(<uid>)');
    expect(container.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const backOff = podEvents(cluster, 'crash').find((e) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container app in pod crash_default(${uid})` });
    expect(crash.event.message).toBe('Back-off restarting failed container <container> in pod <pod>_<namespace>(<uid>)');
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    expect(kubelet.getContainerLogs('default', 'crash', 'app', { previous: true })).toBe('starting\n');
  });

  it('completes a restartPolicy Never pod: Succeeded, Completed, PodCompleted conditions', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('once', [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] }], { restartPolicy: 'Never' }));
    advance(cluster, 10_000);
    const status = getPod(cluster, 'once')!.status!;
    expect(status.phase).toBe('Succeeded');
    expect(status.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''], ['Initialized', 'True', ''], ['Ready', 'False', 'PodCompleted'], ['ContainersReady', 'False', 'PodCompleted'], ['PodScheduled', 'True', ''],
    ]);
    expect(status.podIP).toMatch(/^10\.244\.1\./);
  });
});

describe('graceful termination', () => {
  it('stops nginx at once and removes the pod with a zero grace period', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    advance(cluster, 10_000);
    const deletedAt = cluster.sim.nowMs;
    run(cluster, (function* () { yield* wait(cluster.admin().delete('pods', 'default', 'web')); })());
    advance(cluster, 500);
    expect(podEvents(cluster, 'web').at(-1)).toMatchObject({ type: 'Normal', reason: 'Killing', message: 'Stopping container nginx' });
    expect(getPod(cluster, 'web')).toBeUndefined();
    expect(cluster.sim.nowMs - deletedAt).toBeLessThan(1_000);
  });

  it('waits the grace period for a process that ignores SIGTERM (sleep), then SIGKILLs it', () => {
    const cluster = bootCluster([node('node-1')]);
    createPod(cluster, pod('sleeper', [{ name: 'sleep', image: 'busybox:1.36', command: ['sleep', '3600'] }], { terminationGracePeriodSeconds: 20 }));
    advance(cluster, 10_000);
    run(cluster, (function* () { yield* wait(cluster.admin().delete('pods', 'default', 'sleeper')); })());
    advance(cluster, 19_000);
    const terminating = getPod(cluster, 'sleeper')!;
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.status?.containerStatuses?.[0].state?.running).toBeDefined();
    advance(cluster, 2_000);
    expect(getPod(cluster, 'sleeper')).toBeUndefined();
  });
});
