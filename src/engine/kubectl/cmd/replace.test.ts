import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "${value}"}\n`;

// k8s.io/kubectl pkg/cmd/replace (v1.32).
describe('kubectl replace', () => {
  it('puts the file in place of the live object, and fails for a missing one', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 6, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [missing, , replaced, value, forced, afterForce, noFile] = runCommands(cluster, [
      { run: 'kubectl replace -f -', stdin: cm('1') },
      { run: 'kubectl create -f -', stdin: cm('1') },
      { run: 'kubectl replace -f -', stdin: cm('2') },
      "kubectl get cm cfg -o jsonpath='{.data.a}'",
      { run: 'kubectl replace --force -f -', stdin: cm('3') },
      "kubectl get cm cfg -o jsonpath='{.data.a}'",
      'kubectl replace',
    ]);
    expect(missing.stderr).toBe('Error from server (NotFound): error when replacing "STDIN": configmaps "cfg" not found\n');
    expect(replaced.stdout).toBe('configmap/cfg replaced\n');
    expect(value.stdout).toBe('2');
    expect(forced.stdout).toBe('configmap "cfg" deleted\nconfigmap/cfg replaced\n');
    expect(afterForce.stdout).toBe('3');
    expect(noFile.stderr).toBe("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples\n");
  });
});
