import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

describe('kubectl patch --patch-file (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go)', () => {
  it('reads the patch from a file of the terminal, and says why when it cannot', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, , patched, replicas, missing, directory] = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.25',
      `echo '{"spec":{"replicas":3}}' > scale.json`,
      'kubectl patch deployment web --patch-file scale.json',
      "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
      'kubectl patch deployment web --patch-file nope.json',
      'kubectl patch deployment web --patch-file /tmp',
    ]);
    expect(patched).toEqual({ exit: 0, stdout: 'deployment.apps/web patched\n', stderr: '' });
    expect(replicas.stdout).toBe('3');
    expect(missing).toEqual({ exit: 1, stdout: '', stderr: 'error: unable to read patch file: open nope.json: no such file or directory\n' });
    expect(directory.stderr).toBe('error: unable to read patch file: read /tmp: is a directory\n');
  });
});
