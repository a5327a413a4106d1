import { describe, expect, it } from 'vitest';
import golden from './testdata/sed.json';
import { sed } from './sed';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

/** run feeds the manifest through the simulated sed, with the case's file operand readable. */
function run(args: string[]): { stdout: string; stderr: string; exit: number } {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t), readFile: (path: string) => (path === golden.file ? golden.input : undefined) };
  const made = sed(args, io);
  if ('error' in made) return { stdout, stderr: made.error, exit: made.status };
  const exit = made.end();
  return { stdout, stderr, exit };
}

// Recorded from GNU sed 4.9 by src/tools/fixtures/sed_cases.py.
describe('sed matches GNU sed 4.9 on a kubeadm manifest', () => {
  it.each(golden.cases.map((c) => [c.args.join(' '), c] as const))('sed %s', (_, c) => {
    const got = run(c.args);
    expect(got.stdout).toBe(c.stdout);
    // GNU sed's usage text is long; the first line is what we print.
    expect(got.stderr.split('\n')[0]).toBe(c.stderr.split('\n')[0]);
    expect(got.exit).toBe(c.exit);
  });
});

describe('sed -i in the terminal', () => {
  it('edits a file in place and keeps a backup with a suffix', () => {
    const [edited, backup] = runCommands(boot(), ["printf 'replicas: 1\\nimage: nginx\\n' > web.yaml && sed -i.orig 's/replicas: 1/replicas: 3/' web.yaml && cat web.yaml", 'cat web.yaml.orig; sed -i s/x/y/ missing.yaml']);
    expect(edited.stdout).toBe('replicas: 3\nimage: nginx\n');
    expect(backup).toMatchObject({ stdout: 'replicas: 1\nimage: nginx\n', stderr: "sed: can't read missing.yaml: No such file or directory\n", exit: 2 });
  });

  it("rewrites a static pod's manifest: the kubelet runs the edited pod (kubeadm's way to change a flag)", () => {
    const cluster = boot();
    const [edit, image] = runCommands(cluster, [
      "sed -i 's#kube-scheduler:v1.32.4#kube-scheduler:v1.32.3#' /etc/kubernetes/manifests/kube-scheduler.yaml && grep 'image:' /etc/kubernetes/manifests/kube-scheduler.yaml",
      { run: "kubectl -n kube-system get pod kube-scheduler-control-plane -o jsonpath='{.spec.containers[0].image}'", advanceMs: 60_000 },
    ]);
    expect(edit.stdout).toBe('    image: registry.k8s.io/kube-scheduler:v1.32.3\n');
    expect(image.stdout).toBe('registry.k8s.io/kube-scheduler:v1.32.3');
  });
});
