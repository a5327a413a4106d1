import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);

// staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (v1.32): -l reads every matching pod in turn,
// 10 lines each unless --tail is given; nothing matching is a notice, not an error.
describe('kubectl logs -l', () => {
  it('prints the last 10 lines of every matching pod, or --tail lines', () => {
    const counter = `${Array.from({ length: 15 }, (_, i) => `echo line ${i + 1}`).join('; ')}; sleep 3600`;
    const [created, byLabel, tailed, single] = runCommands(boot(), [
      `kubectl create deployment counter --image=busybox:1.37 --replicas=2 -- sh -c "${counter}"`,
      { run: 'kubectl logs -l app=counter', advanceMs: 60_000 },
      'kubectl logs -l app=counter --tail=2',
      'kubectl logs deployment/counter --tail=-1',
    ]);
    expect(created.exit).toBe(0);
    const tenLines = Array.from({ length: 10 }, (_, i) => `line ${i + 6}\n`).join('');
    expect(byLabel).toMatchObject({ exit: 0, stdout: tenLines + tenLines });
    expect(tailed.stdout).toBe('line 14\nline 15\n'.repeat(2));
    // Without a selector the whole log is shown (tail -1), from one of the deployment's pods.
    expect(single.stdout.split('\n').filter(Boolean)).toHaveLength(15);
  });

  it('answers an empty selection and too many followed streams as kubectl does', () => {
    const cluster = boot();
    const [none, created, follow] = runCommands(cluster, [
      'kubectl logs -l app=nothing -n kube-system',
      'kubectl create deployment many --image=nginx:1.27 --replicas=6',
      { run: 'kubectl logs -f -l app=many', advanceMs: 60_000 },
    ]);
    expect(none).toMatchObject({ exit: 0, stdout: '', stderr: 'No resources found in kube-system namespace.\n' });
    expect(created.exit).toBe(0);
    expect(follow).toMatchObject({
      exit: 1,
      stderr: 'error: you are attempting to follow 6 log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit\n',
    });
  });
});

// logs.go with --follow: the stream stays open after the lines so far and carries each new line
// as the container writes it, until the container exits or the command is interrupted.
describe('kubectl logs -f', () => {
  it('streams the lines a container writes later, and ends when the container exits', () => {
    const cluster = boot();
    runCommands(cluster, [`kubectl run once --image=busybox:1.37 -- sh -c 'echo start; sleep 5; echo done'`]);
    for (let i = 0; i < 30 && !runCommands(cluster, ['kubectl logs once'])[0].stdout.startsWith('start'); i++) cluster.runUntil(cluster.sim.nowMs + 500);
    const asked = cluster.sim.nowMs;
    const proc = cluster.exec('kubectl logs -f once');
    cluster.sim.runWhile(() => !proc.done.isSettled, cluster.sim.nowMs + 30_000);
    // "start" was there when the logs were asked for; "done" came down the open stream.
    expect(proc.done.value).toEqual({ exit: 0, stdout: 'start\ndone\n', stderr: '' });
    expect(cluster.sim.nowMs - asked).toBeGreaterThan(3_000);
  });

  it('keeps following a long-running container until Ctrl-C (the step timeout), printing only new lines', () => {
    const cluster = boot();
    runCommands(cluster, [`kubectl run ticker --image=busybox:1.37 -- sh -c 'while true; do echo tick; sleep 2; done'`]);
    cluster.runUntil(cluster.sim.nowMs + 20_000);
    const before = runCommands(cluster, ['kubectl logs ticker'])[0].stdout.split('\n').length - 1;
    const proc = cluster.exec('kubectl logs -f ticker');
    cluster.runUntil(cluster.sim.nowMs + 10_000);
    proc.interrupt();
    cluster.runUntil(cluster.sim.nowMs + 1_000);
    const lines = proc.done.value.stdout.split('\n').length - 1;
    expect(proc.done.value.exit).toBe(130);
    expect(lines).toBeGreaterThanOrEqual(before + 4);
    expect(lines).toBeLessThanOrEqual(before + 6);
  });
});
