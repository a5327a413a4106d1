import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }), DEFAULT_COMPONENTS);
const pod = (name: string) => `{apiVersion: v1, kind: Pod, metadata: {name: ${name}, labels: {app: web, tier: frontend}}, spec: {containers: [{name: c, image: nginx}]}}`;

// staging/src/k8s.io/kubectl/pkg/cmd/label (v1.32): the builder continues on error, so every
// clash is reported, after the objects that were labeled; CheckErr prints an aggregate of several
// errors one per line without the "error: " prefix it gives a single one. The real kubectl
// (`kubectl label --local -f three-pods.yaml tier=backend`) prints the same three lines.
describe('kubectl label with --overwrite=false', () => {
  it('reports each clash once, after labeling the others', () => {
    const cluster = boot();
    const [applied, one, several] = runCommands(cluster, [
      { run: 'kubectl apply -f -', advanceMs: 5_000, stdin: `apiVersion: v1\nkind: List\nitems:\n- ${pod('a')}\n- ${pod('b')}\n- ${pod('c')}\n` },
      'kubectl label pod a tier=backend',
      'kubectl label pods -l app=web tier=backend',
    ]);
    expect(applied.stdout).toBe('pod/a created\npod/b created\npod/c created\n');
    expect(one).toMatchObject({ exit: 1, stderr: "error: 'tier' already has a value (frontend), and --overwrite is false\n" });
    expect(several).toMatchObject({ exit: 1, stdout: '', stderr: "'tier' already has a value (frontend), and --overwrite is false\n".repeat(3) });
  });

  it('still labels the objects without a clash', () => {
    const cluster = boot();
    const [, mixed] = runCommands(cluster, [
      { run: 'kubectl apply -f -', advanceMs: 5_000, stdin: `apiVersion: v1\nkind: List\nitems:\n- ${pod('a')}\n- {apiVersion: v1, kind: Pod, metadata: {name: b, labels: {app: web}}, spec: {containers: [{name: c, image: nginx}]}}\n` },
      'kubectl label pods -l app=web tier=backend',
    ]);
    expect(mixed).toMatchObject({ exit: 1, stdout: 'pod/b labeled\n', stderr: "error: 'tier' already has a value (frontend), and --overwrite is false\n" });
  });
});
