import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// staging/src/k8s.io/kubectl/pkg/cmd/run (v1.32): -i/--attach waits for the pod, attaches, --rm deletes it.
describe('kubectl run -i', () => {
  it('shows the process output instead of "created", and --rm deletes the pod afterwards', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 16, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const r = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.27',
      { run: 'kubectl expose deployment web --port=80', advanceMs: 0 },
      { run: 'kubectl run -it --rm dns --image=busybox:1.36 --restart=Never -- nslookup web', advanceMs: 20_000 },
      { run: 'kubectl run -i shell --image=busybox:1.36 --restart=Never -- sh', stdin: 'echo hello from $HOSTNAME\nexit 4\n' },
      'kubectl get pods -o name',
    ]);
    expect(r[2]).toMatchObject({ exit: 0, stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' });
    expect(r[2].stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\npod "dns" deleted\n$/);
    expect(r[3]).toMatchObject({ exit: 4, stdout: 'hello from shell\n' });
    expect(r[4].stdout).not.toContain('pod/dns');
    expect(r[4].stdout).toContain('pod/shell');
  });
});
