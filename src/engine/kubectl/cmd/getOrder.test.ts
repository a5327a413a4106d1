import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (v1.32): one table per requested type in the
// order asked, a blank line between, names prefixed with the kind when several types are asked;
// printServiceAccount's SECRETS column.
describe('kubectl get TYPE,TYPE', () => {
  it('prints the types in the order asked, each its own table', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [mixed, generic] = runCommands(cluster, [
      { run: 'kubectl get sa,cm -n kube-public', advanceMs: 10_000 },
      'kubectl get limitranges,sa -n kube-public',
    ]);
    expect(mixed.stdout.replace(/\d+s\b/g, 'AGE')).toBe(
      'NAME                     SECRETS   AGE\nserviceaccount/default   0         AGE\n\nNAME                         DATA   AGE\nconfigmap/kube-root-ca.crt   1      AGE\n',
    );
    // No LimitRanges: only the ServiceAccount table, still kind-prefixed.
    expect(generic.stdout.split('\n')[1]).toMatch(/^serviceaccount\/default +0 +\d+s$/);
  });
});
