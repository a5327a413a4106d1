import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: "1"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: "nginx:1.27.3"}]
`;

const boot = () => Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);

// k8s.io/kubectl pkg/cmd/create (RunCreate) and pkg/cmd/apply (warningNoLastAppliedConfigAnnotation), v1.32.
describe('kubectl create -f', () => {
  it('creates every document, and answers AlreadyExists per document the second time', () => {
    const [first, second, annotation, applied] = runCommands(boot(), [
      { run: 'kubectl create -f -', stdin: MANIFEST },
      { run: 'kubectl create -f -', stdin: MANIFEST },
      "kubectl get cm cfg -o jsonpath='{.metadata.annotations}'",
      { run: 'kubectl apply -f -', stdin: MANIFEST },
    ]);
    expect(first).toMatchObject({ exit: 0, stdout: 'configmap/cfg created\ndeployment.apps/web created\n' });
    expect(second.exit).toBe(1);
    expect(second.stderr).toBe('Error from server (AlreadyExists): error when creating "STDIN": configmaps "cfg" already exists\nError from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n');
    expect(annotation.stdout).toBe('');
    expect(applied.stdout).toBe('configmap/cfg configured\ndeployment.apps/web configured\n');
    expect(applied.stderr).toContain('Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply.');
  });

  it('stores the last-applied configuration with --save-config, so apply finds nothing to change', () => {
    const [, applied, dryRun] = runCommands(boot(), [
      { run: 'kubectl create -f - --save-config', stdin: MANIFEST },
      { run: 'kubectl apply -f -', stdin: MANIFEST },
      { run: 'kubectl create -f - --dry-run=client -o name', stdin: MANIFEST.replace(/cfg/g, 'other').replace(/web/g, 'other') },
    ]);
    expect(applied).toMatchObject({ stdout: 'configmap/cfg unchanged\ndeployment.apps/web unchanged\n', stderr: '' });
    expect(dryRun.stdout).toBe('configmap/other\ndeployment.apps/other\n');
  });
});
