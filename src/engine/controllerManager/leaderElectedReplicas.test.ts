import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

// Three kube-controller-manager and three kube-scheduler replicas: only the Lease holder works, so
// a Deployment's pods are created once and each bound once, even across a leader being killed.
function boot(): Cluster {
  return Cluster.boot({ ...clusterSpec({ seed: 11, nodes: nodesFromCount(2), etcdMembers: 1 }), controlPlane: { controllerManagers: 3, schedulers: 3 } }, DEFAULT_COMPONENTS);
}

const leaders = (cluster: Cluster, prefix: string) => cluster.components.filter((c) => c.name.startsWith(prefix) && (c as unknown as { isLeader: boolean }).isLeader).map((c) => c.name);

describe('leader-elected replicas', () => {
  it('never run two controller managers or schedulers at once; pods are created and bound exactly once across a takeover', () => {
    const cluster = boot();
    const writes: string[] = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind !== 'apiserver.write' || e.verb !== 'create') return;
      if (e.ref?.kind !== 'Pod') return;
      writes.push(`${e.subresource === 'binding' ? 'bind' : 'pod'} ${e.ref.name} ${e.from}`);
    });
    let maxKcm = 0;
    let maxScheduler = 0;
    const sample = (until: number) => {
      for (let t = cluster.sim.nowMs; t <= until; t += 100) {
        cluster.runUntil(t);
        maxKcm = Math.max(maxKcm, leaders(cluster, 'kube-controller-manager').length);
        maxScheduler = Math.max(maxScheduler, leaders(cluster, 'kube-scheduler').length);
      }
    };
    runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27.3 --replicas=3']);
    sample(3_000);
    runCommands(cluster, ['sim controlplane stop kube-controller-manager leader', 'sim controlplane stop kube-scheduler leader', 'kubectl scale deployment web --replicas=6']);
    sample(40_000);
    expect(maxKcm).toBe(1);
    expect(maxScheduler).toBe(1);
    expect(leaders(cluster, 'kube-controller-manager')).toHaveLength(1);
    expect(leaders(cluster, 'kube-controller-manager')[0]).not.toBe('kube-controller-manager');
    const pods = writes.filter((w) => w.startsWith('pod '));
    const binds = writes.filter((w) => w.startsWith('bind '));
    expect(pods).toHaveLength(6);
    expect(new Set(binds).size).toBe(6);
    expect(binds).toHaveLength(6);
    const [get] = runCommands(cluster, ['kubectl get deployment web']);
    expect(get.stdout).toMatch(/web\s+6\/6\s+6\s+6/);
  });

  it('kubectl shows the Lease holder, describes the Lease and lists the LeaderElection events', () => {
    const cluster = boot();
    cluster.runUntil(5_000);
    runCommands(cluster, ['sim controlplane stop kube-controller-manager leader']);
    cluster.runUntil(35_000);
    const [get, describeLease, events] = runCommands(cluster, ['kubectl get lease -n kube-system', 'kubectl describe lease kube-controller-manager -n kube-system', 'kubectl get events -n kube-system --field-selector involvedObject.kind=Lease']);
    expect(get.stdout.split('\n')[0]).toMatch(/^NAME\s+HOLDER\s+AGE$/);
    const holder = /kube-controller-manager\s+(\S+)/.exec(get.stdout)![1];
    expect(holder).toMatch(/^control-plane-[23]_[0-9a-f-]{36}$/);
    expect(describeLease.stdout).toMatch(/^Name:\s+kube-controller-manager\nNamespace:\s+kube-system\n/);
    expect(describeLease.stdout).toContain(`  Holder Identity:         ${holder}\n`);
    expect(describeLease.stdout).toContain('  Lease Duration Seconds:  15\n  Lease Transitions:       1\n');
    expect(describeLease.stdout).toMatch(/Normal\s+LeaderElection\s+\S+\s+kube-controller-manager\s+\S+ became leader/);
    expect(events.stdout).toContain(`lease/kube-controller-manager   ${holder} became leader`);
  });
});

describe('sim controlplane', () => {
  it('names unknown components and replicas as sim etcd does', () => {
    const cluster = boot();
    const [component, replica, usage] = runCommands(cluster, ['sim controlplane stop kube-apiserver', 'sim controlplane stop kube-scheduler kube-scheduler-9', 'sim controlplane restart kube-scheduler']);
    expect(component.stderr).toBe('error: control-plane component "kube-apiserver" not found (components: kube-controller-manager, kube-scheduler)\n');
    expect(replica.stderr).toBe('error: replica "kube-scheduler-9" not found (replicas: kube-scheduler, kube-scheduler-2, kube-scheduler-3)\n');
    expect(usage.stderr).toMatch(/^error: usage: sim controlplane/);
  });
});
