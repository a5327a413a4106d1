// kubectl attach (pkg/cmd/attach, v1.32): the process's output from now on, until it exits or
// Ctrl-C; the usage errors are the real kubectl's.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 5, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);

describe('kubectl attach', () => {
  it("streams only what the process writes after attaching, and warns that a container without tty can't use one", () => {
    const cluster = boot();
    runCommands(cluster, [`kubectl run ticker --image=busybox:1.37 -- sh -c 'while true; do echo tick; sleep 2; done'`]);
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    const proc = cluster.exec('kubectl attach -it ticker');
    cluster.runUntil(cluster.sim.nowMs + 7_000);
    proc.interrupt();
    cluster.runUntil(cluster.sim.nowMs + 1_000);
    const { exit, stdout, stderr } = proc.done.value;
    expect(exit).toBe(130);
    expect(stderr).toBe('Unable to use a TTY - container ticker did not allocate one\n');
    expect(stdout.split('\n').length - 1).toBeGreaterThanOrEqual(3);
    expect(stdout.split('\n').length - 1).toBeLessThanOrEqual(4);
  });

  it('refuses a completed pod and wrong arguments as kubectl does', () => {
    const cluster = boot();
    const [, done, none, many] = runCommands(cluster, [
      "kubectl run once --image=busybox:1.37 --restart=Never -- echo hi",
      { run: 'kubectl attach once', advanceMs: 30_000 },
      'kubectl attach',
      'kubectl attach a b c',
    ]);
    expect(done).toEqual({ exit: 1, stdout: '', stderr: 'error: cannot attach a container in a completed pod; current phase is Succeeded\n' });
    expect(none).toEqual({ exit: 1, stdout: '', stderr: 'error: at least 1 argument is required for attach\n' });
    expect(many).toEqual({ exit: 1, stdout: '', stderr: 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n' });
  });
});
