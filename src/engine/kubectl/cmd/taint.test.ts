import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const USAGE = "\nSee 'kubectl taint -h' for help and examples\n";

// staging/src/k8s.io/kubectl/pkg/cmd/taint (v1.32); error texts as real kubectl 1.32.4 prints them.
describe('kubectl taint', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 12, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);

  it.each([
    ['nodes node-1 k=v:Bad', `error: invalid taint effect: Bad, unsupported taint effect${USAGE}`],
    ['nodes node-1', 'error: at least one taint update is required\n'],
    ['nodes k=v:NoSchedule', "error: at least one resource name must be specified since 'all' parameter is not set\n"],
    ['pods p k=v:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
    ['nodes node-1 k=v:NoSchedule k-', 'error: can not both modify and remove the following taint(s) in the same command: k=\n'],
    ['nodes node-1 k=v:NoSchedule x', 'error: all resources must be specified before taint changes: x\n'],
    ['nodes node-1 k=v:NoSchedule k=w:NoSchedule', `error: duplicated taints with the same key and effect: {k w NoSchedule <nil>}${USAGE}`],
    ['nodes --all -l a=b k:NoSchedule', "error: setting 'all' parameter with a non empty selector is prohibited\n"],
    ['nodes node-1 k=v:NoSchedule:x', `error: invalid taint spec: k=v:NoSchedule:x${USAGE}`],
  ])('kubectl taint %s', (args, stderr) => {
    const [r] = runCommands(cluster, [`kubectl taint ${args}`]);
    expect(r).toMatchObject({ exit: 1, stdout: '', stderr });
  });

  it('adds, refuses to overwrite, overwrites and removes taints; the scheduler follows them', () => {
    const r = runCommands(cluster, [
      'kubectl taint nodes --all dedicated=gpu:NoSchedule',
      'kubectl taint nodes node-1 dedicated=cpu:NoSchedule',
      { run: 'kubectl run web --image=nginx:1.27', advanceMs: 1_000 },
      { run: 'kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].message}', advanceMs: 5_000 },
      'kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite',
      'kubectl taint nodes node-2 dedicated:NoSchedule-',
      "kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}={.spec.taints}{\"\\n\"}{end}'",
      { run: 'kubectl get pod web -o jsonpath={.spec.nodeName}', advanceMs: 10_000 },
      'kubectl taint nodes node-2 dedicated-',
    ]);
    expect(r.map((x) => x.stdout)).toEqual([
      'node/node-1 tainted\nnode/node-2 tainted\n',
      '',
      'pod/web created\n',
      "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..",
      'node/node-1 modified\n',
      'node/node-2 untainted\n',
      'node-1=[{"effect":"NoSchedule","key":"dedicated","value":"cpu"}]\nnode-2=\n',
      'node-2',
      '',
    ]);
    expect(r[1].stderr).toBe('error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(r[8]).toMatchObject({ exit: 1, stderr: 'error: taint "dedicated" not found\n' });
  });
});
