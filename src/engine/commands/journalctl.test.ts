import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import type { Kubelet } from '../kubelet/kubelet';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

describe('journalctl', () => {
  it('filters the machine journal by unit, time and count in the short format', () => {
    const cluster = boot();
    const [all, since, last, reverse, none] = runCommands(cluster, [
      { run: 'journalctl --no-pager', advanceMs: 10 * 60_000 },
      'ssh node-1 systemctl restart kubelet; journalctl -u kubelet --since "10 seconds ago" --no-pager',
      'journalctl -u containerd -n 2',
      'journalctl -u kubelet -r -n 1 -o cat',
      'journalctl -u docker',
    ]);
    expect(all.stdout.split('\n')[0]).toMatch(/^\w{3} \d\d \d\d:\d\d:\d\d control-plane systemd\[1\]: Starting containerd\.service - containerd container runtime\.\.\.$/);
    expect(all.stdout).toContain(' control-plane kubelet[');
    // The terminal's machine is the control plane: node-1's restart is not in its journal.
    expect(since.stdout).toBe('-- No entries --\n');
    expect(last.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(last.stdout).toMatch(/containerd\[\d+\]: time="[\d-]+T[\d:.]+Z" level=info msg="containerd successfully booted in [\d.]+s"\n$/);
    expect(reverse.stdout).toBe('I' + reverse.stdout.slice(1));
    expect(reverse.stdout).toMatch(/"Successfully registered node" node="control-plane"\n$/);
    expect(none.stdout).toBe('-- No entries --\n');
  });

  it('follows new lines with -f until Ctrl-C', () => {
    const cluster = boot();
    const proc = cluster.exec('ssh node-1 journalctl -fu kubelet');
    cluster.runUntil(cluster.sim.nowMs + 2_000);
    const before = proc.done.isSettled;
    cluster.component<Kubelet>('kubelet/node-1')!.stop();
    cluster.runUntil(cluster.sim.nowMs + 3_000);
    proc.interrupt();
    cluster.runUntil(cluster.sim.nowMs + 1_000);
    expect(before).toBe(false);
    expect(proc.done.value.exit).toBe(130);
    expect(proc.done.value.stdout).toMatch(/systemd\[1\]: Stopped kubelet\.service - kubelet: The Kubernetes Node Agent\.\n.*Consumed .* CPU time\.\n$/);
  });

  it('rejects unknown options and times as journalctl does', () => {
    const [option, time] = runCommands(boot(), ['journalctl --bogus', 'journalctl --since "next full moon"']);
    expect(option).toMatchObject({ exit: 1, stderr: "journalctl: unrecognized option '--bogus'\n" });
    expect(time).toMatchObject({ exit: 1, stderr: 'Failed to parse since timestamp: next full moon\n' });
  });
});
