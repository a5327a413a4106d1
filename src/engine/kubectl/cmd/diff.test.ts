import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);

describe('kubectl diff (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go)', () => {
  it('shows a new object as all added lines, nothing for an applied one, and the change apply would make', () => {
    const cluster = boot();
    const [created, , same, changed] = runCommands(cluster, [
      { run: 'kubectl diff -f -', stdin: WEB },
      { run: 'kubectl apply -f -', stdin: WEB },
      { run: 'kubectl diff -f -', stdin: WEB, advanceMs: 10_000 },
      { run: 'kubectl diff -f -', stdin: WEB.replace('replicas: 3', 'replicas: 5') },
    ]);
    const header = /^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n--- \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web\t(.*)\n\+\+\+ \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\t(.*)\n/;
    expect(created.exit).toBe(1);
    expect(created.stdout).toMatch(header);
    expect(header.exec(created.stdout)?.[1]).toBe('1970-01-01 00:00:00.000000000 +0000');
    expect(created.stdout).toContain('@@ -0,0 +1,40 @@\n+apiVersion: apps/v1\n+kind: Deployment\n');
    expect(created.stdout).toContain('+  generation: 1\n');
    expect(same).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(changed.exit).toBe(1);
    expect(header.exec(changed.stdout)?.[1]).toMatch(/^2025-01-01 00:00:10\.\d{9} \+0000$/);
    const hunks = changed.stdout.replace(header, '');
    expect(hunks).toMatch(/^@@ -4,16 \+4,16 @@\n/);
    expect(hunks).toContain('-  generation: 1\n+  generation: 2\n');
    expect(hunks).toContain('-  replicas: 3\n+  replicas: 5\n');
    // A dry run writes nothing: the answer keeps the stored resourceVersion.
    expect(hunks).not.toMatch(/^[-+]\s+resourceVersion/m);
    const [replicas] = runCommands(cluster, ["kubectl get deploy web -o jsonpath='{.spec.replicas}'"]);
    expect(replicas.stdout).toBe('3');
  });

  it("masks a Secret's values, marking the ones that change", () => {
    const cluster = boot();
    const secret = (token: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  user: YWRtaW4=\n  token: ${token}\n`;
    const [, diff] = runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: secret('b2xk') }, { run: 'kubectl diff -f -', stdin: secret('bmV3') }]);
    expect(diff.stdout).toContain("-  token: '*** (before)'\n+  token: '*** (after)'\n");
    expect(diff.stdout).toContain("   user: '***'\n");
    // Only `data` is masked: the last-applied annotation still carries the values, as upstream's.
    expect(diff.stdout).not.toMatch(/^[-+ ] {2}token: (b2xk|bmV3)$/m);
  });

  it('needs -f, and reports what the apiserver refuses', () => {
    const [none, invalid] = runCommands(boot(), ['kubectl diff', { run: 'kubectl diff -f -', stdin: WEB.replace('replicas: 3', 'replicas: -1') }]);
    expect(none).toEqual({ exit: 1, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
    expect(invalid.exit).toBe(1);
    expect(invalid.stderr).toContain('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});
