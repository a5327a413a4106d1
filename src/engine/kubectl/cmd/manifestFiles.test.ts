import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);

// -f FILE reads the terminal session's files (resource.Builder's FileVisitor), naming the file
// in errors as cmdutil.AddSourceToErr does.
describe('kubectl -f FILE', () => {
  it('applies a manifest written with >, and names the file in errors', () => {
    const results = runCommands(boot(), [
      'kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml > web.yaml',
      'kubectl apply -f web.yaml',
      'kubectl create -f web.yaml',
      'kubectl apply -f missing.yaml',
      'echo "kind: [" > bad.yaml; kubectl apply -f bad.yaml',
    ]);
    expect(results[1]).toEqual({ exit: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect(results[2].stderr).toBe('Error from server (AlreadyExists): error when creating "web.yaml": deployments.apps "web" already exists\n');
    expect(results[3]).toEqual({ exit: 1, stdout: '', stderr: 'error: the path "missing.yaml" does not exist\n' });
    expect(results[4].stderr).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: /);
  });

  it('cannot fetch a URL: the simulated machines are offline', () => {
    const [url] = runCommands(boot(), ['kubectl apply -f https://raw.githubusercontent.com/projectcalico/calico/v3.27.0/manifests/calico.yaml']);
    expect(url).toEqual({ exit: 1, stdout: '', stderr: 'error: Get "https://raw.githubusercontent.com/projectcalico/calico/v3.27.0/manifests/calico.yaml": dial tcp: lookup raw.githubusercontent.com on 127.0.0.53:53: no such host\n' });
  });

  it('reads every manifest file of a directory in name order', () => {
    const results = runCommands(boot(), [
      'kubectl create service clusterip b --tcp=80 --dry-run=client -o yaml > b.yaml',
      'kubectl create configmap a --from-literal=k=v --dry-run=client -o json > a.json',
      'echo not a manifest > notes.txt',
      'kubectl apply -f .',
    ]);
    expect(results[3]).toEqual({ exit: 0, stdout: 'configmap/a created\nservice/b created\n', stderr: '' });
  });
});
