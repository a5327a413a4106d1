// kubectl edit against the real kubectl v1.32: src/tools/fixtures/kubectl_edit.py ran each case
// on the simulator's objects (testdata/edit/objects.json) with a scripted editor and recorded the
// files kubectl handed it, what it saved, the PATCH bodies and the output (testdata/edit/edit.golden.json).
// Here the same saves go through the simulated vi; the files, output and patches must match, with
// the values another run of the cluster changes (resource versions, uids, times, IPs, temp names) masked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import type { Editor } from '../../commands/editor';
import { Future } from '../../sim/future';
import { runCommands } from '../../testing/runCommands';

interface EditCase {
  case: string;
  args: string[];
  exit: number;
  stdout: string;
  stderr: string;
  actions: string[][];
  files: string[];
  saved: string[];
  patches: Array<{ path: string; contentType: string; body: string }>;
}

const CASES: EditCase[] = JSON.parse(readFileSync(new URL('../testdata/edit/edit.golden.json', import.meta.url), 'utf8'));

/** The fixture's cluster: a 2-replica nginx Deployment and its Service, 20 s after creation. */
function boot(): Cluster {
  const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, ['kubectl create deployment web --image=nginx:1.25 --replicas=2', 'kubectl expose deployment web --port=80', { run: 'true', advanceMs: 20_000 }]);
  return cluster;
}

const mask = (text: string) =>
  text
    .replace(/(resourceVersion"?:\s*)"\d+"/g, '$1"RV"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UID')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME')
    .replace(/10\.\d+\.\d+\.\d+/g, 'IP')
    .replace(/kubectl-edit-\d+/g, 'kubectl-edit-N');

/** apply makes a case's editor action (see src/tools/fixtures/kubectl_edit.py) on a file. */
function apply(action: string[], text: string): string {
  const [op, a = '', b = ''] = action;
  if (op === 'keep') return text;
  if (op === 'set') return a;
  if (op === 'prepend') return a + text;
  return op === 'replace1' ? text.replace(a, b) : text.split(a).join(b);
}

/** run runs one case: its editor actions applied to the files the simulated kubectl hands vi. */
function run(cluster: Cluster, c: EditCase, extra: string[] = []) {
  const files: string[] = [];
  const editor: Editor = (_path, text) => {
    const i = files.push(text) - 1;
    return Future.resolved<string | null>(apply(c.actions[i] ?? ['keep'], text));
  };
  const proc = cluster.exec(['kubectl', 'edit', ...c.args, ...extra].join(' '), '', editor);
  cluster.sim.runWhile(() => !proc.done.isSettled, cluster.sim.nowMs + 60_000);
  return { ...proc.done.value, files };
}

describe('kubectl edit (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go)', () => {
  for (const c of CASES) {
    it(`${c.case}: kubectl edit ${c.args.join(' ')}`, () => {
      const cluster = boot();
      const result = run(cluster, c);
      expect(result.files.map(mask)).toEqual(c.files.map(mask));
      expect({ exit: result.exit, stderr: mask(result.stderr) }).toEqual({ exit: c.exit, stderr: mask(c.stderr) });
      // With -o json kubectl prints the server's answer; the fixture's stub answers with the
      // object unpatched, so only the simulated one shows the edit.
      if (c.args.includes('-o')) expect(JSON.parse(result.stdout).spec.replicas).toBe(5);
      else expect(mask(result.stdout)).toBe(mask(c.stdout));
    });
  }

  for (const c of CASES.filter((x) => x.patches.length > 0 && !x.args.includes('--output-patch'))) {
    it(`${c.case}: sends the same strategic merge patch`, () => {
      const result = run(boot(), c, ['--output-patch']);
      const sent = result.stdout.split('\n').filter((l) => l.startsWith('Patch: ')).map((l) => l.slice('Patch: '.length));
      expect(sent.map(mask)).toEqual(c.patches.map((p) => mask(p.body)));
      expect(c.patches.every((p) => p.contentType === 'application/strategic-merge-patch+json' && p.path.includes('fieldManager=kubectl-edit'))).toBe(true);
    });
  }

  it('the edit reaches the cluster: the new image rolls out', () => {
    const cluster = boot();
    const image = CASES.find((c) => c.case === 'image')!;
    expect(run(cluster, image).exit).toBe(0);
    const [get] = runCommands(cluster, [{ run: "kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image} {.metadata.generation}'", advanceMs: 1000 }]);
    expect(get.stdout).toBe('nginx:1.26 2');
  });

  it('KUBE_EDITOR runs through the shell: a sed script edits the file', () => {
    const cluster = boot();
    const [edited, get] = runCommands(cluster, [`KUBE_EDITOR="sed -i 's/replicas: 2/replicas: 4/'" kubectl edit deploy web`, "kubectl get deploy web -o jsonpath='{.spec.replicas}'"]);
    expect(edited).toEqual({ exit: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    expect(get.stdout).toBe('4');
  });

  it('an editor that is not installed, or fails, ends the edit as kubectl reports it', () => {
    const cluster = boot();
    const [missing, failing] = runCommands(cluster, ['EDITOR=emacs kubectl edit deploy web', 'KUBE_EDITOR=false kubectl edit deploy web']);
    expect(missing).toEqual({ exit: 1, stdout: '', stderr: 'error: unable to launch the editor "emacs"\n' });
    expect(failing).toEqual({ exit: 1, stdout: '', stderr: 'error: there was a problem with the editor "false"\n' });
  });

  it('an invalid save reopens the file with the server\'s causes; quitting unchanged keeps a copy', () => {
    const cluster = boot();
    const files: string[] = [];
    const saves = [(t: string) => t.replace('replicas: 2\n  revisionHistoryLimit', 'replicas: -1\n  revisionHistoryLimit'), (t: string) => t];
    const editor: Editor = (_path, text) => {
      files.push(text);
      return Future.resolved<string | null>(saves[files.length - 1](text));
    };
    const proc = cluster.exec('kubectl edit deploy web', '', editor);
    cluster.sim.runWhile(() => !proc.done.isSettled, cluster.sim.nowMs + 60_000);
    expect(proc.done.value.exit).toBe(1);
    expect(mask(proc.done.value.stderr)).toBe(
      'error: deployments.apps "web" is invalid\nA copy of your changes has been stored to "/tmp/kubectl-edit-N.yaml"\nerror: Edit cancelled, no valid changes were saved.\n',
    );
    expect(files[1]).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    expect(files[1]).toContain('replicas: -1');
  });
});
