import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// staging/src/k8s.io/kubectl/pkg/cmd/wait (v1.32); error texts as real kubectl 1.32.4 prints them.
describe('kubectl wait', () => {
  it('waits for a condition, a jsonpath value and deletion, sharing one timeout', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 13, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const r = runCommands(cluster, [
      'kubectl wait pod/web --for=foo',
      'kubectl wait pod/web --for=condition=Ready --timeout=1s',
      'kubectl create deployment web --image=nginx:1.27 --replicas=2',
      'kubectl wait --for=condition=Available deployment/web --timeout=60s',
      'kubectl wait --for=jsonpath={.status.phase}=Running pod -l app=web',
      'kubectl run slow --image=busybox:1.36 -- sleep 3600',
      'kubectl wait --for=condition=Ready pod/slow --timeout=0s',
      'kubectl delete pod slow --wait=false',
      'kubectl wait --for=delete pod/slow --timeout=2m',
    ]);
    expect(r[0]).toMatchObject({ exit: 1, stderr: 'error: unrecognized condition: "foo"\n' });
    expect(r[1]).toMatchObject({ exit: 1, stderr: 'Error from server (NotFound): pods "web" not found\n' });
    expect(r[3]).toMatchObject({ exit: 0, stdout: 'deployment.apps/web condition met\n' });
    expect(r[4].stdout).toMatch(/^pod\/web-\S+ condition met\npod\/web-\S+ condition met\n$/);
    expect(r[6]).toMatchObject({ exit: 1, stderr: 'error: timed out waiting for the condition on pods/slow\n' });
    expect(r[8]).toMatchObject({ exit: 0, stdout: 'pod/slow condition met\n' });
    // sleep as PID 1 ignores SIGTERM: the pod went away only after its 30 s grace period.
    expect(cluster.sim.nowMs).toBeGreaterThan(30_000);
  });
});
