// Exec probes see what `kubectl exec` did to the container's files (its writable layer): the
// readiness file a learner touches makes the pod Ready, the liveness file removed makes the
// kubelet restart the container (pkg/kubelet/prober/worker.go; the restart starts from the image).
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: live
spec:
  containers:
  - name: app
    image: busybox:1.36
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 3600"]
    livenessProbe:
      exec: {command: [cat, /tmp/healthy]}
      periodSeconds: 5
    readinessProbe:
      exec: {command: [cat, /tmp/ready]}
      periodSeconds: 5
`;

const readyColumn = (table: string) => table.split('\n')[1].split(/\s+/)[1];

describe('exec probes and kubectl exec', () => {
  it('follow the files an exec touches and removes', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 14, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, before, , ready, , killing, restarted] = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: POD },
      { run: 'kubectl get pod live', advanceMs: 20_000 },
      'kubectl exec live -- touch /tmp/ready',
      { run: 'kubectl get pod live', advanceMs: 10_000 },
      'kubectl exec live -- rm /tmp/healthy',
      { run: 'kubectl get events --field-selector involvedObject.name=live', advanceMs: 20_000 },
      { run: 'kubectl get pod live', advanceMs: 40_000 },
    ]);
    expect(readyColumn(before.stdout)).toBe('0/1');
    expect(readyColumn(ready.stdout)).toBe('1/1');
    expect(killing.stdout).toContain("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(killing.stdout).toContain('Container app failed liveness probe, will be restarted');
    // The restarted container is a new instance: its script made /tmp/healthy again, /tmp/ready is gone.
    expect(restarted.stdout).toMatch(/\nlive +0\/1 +Running +1 \(\d+s ago\) /);
  });
});
