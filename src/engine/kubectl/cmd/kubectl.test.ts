import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }));

describe('kubectl against the simulated apiserver', () => {
  it('refuses invalid objects with the apiserver/kubectl texts and changes nothing in the store', () => {
    const cluster = boot();
    const revisionBefore = cluster.etcd.currentRevision();
    const [badName, negative, nodePort] = runCommands(cluster, [
      'kubectl create deployment Bad_Name --image=nginx',
      {
        run: 'kubectl apply -f -',
        stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: neg}\nspec:\n  replicas: -1\n  selector: {matchLabels: {app: neg}}\n  template:\n    metadata: {labels: {app: neg}}\n    spec: {containers: [{name: c, image: nginx}]}\n',
      },
      'kubectl create service nodeport web --tcp=80:80 --node-port=99999',
    ]);
    expect(badName.exit).toBe(1);
    expect(badName.stderr).toBe(
      'error: failed to create deployment: Deployment.apps "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n',
    );
    expect(negative.stderr).toBe('The Deployment "neg" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    expect(nodePort.stderr).toBe(
      'error: failed to create NodePort service: Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(cluster.etcd.currentRevision()).toBe(revisionBefore);
  });

  it('creates, exposes, scales, labels and deletes with kubectl\'s output lines', () => {
    const cluster = boot();
    const results = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.25 --replicas=2',
      'kubectl expose deployment web --port=80 --type=NodePort',
      'kubectl scale deployment web --replicas=4',
      'kubectl set image deployment/web nginx=nginx:1.26',
      'kubectl label deployment web tier=fe',
      'kubectl get deployment web -o jsonpath={.spec.replicas}',
      'kubectl delete deployment web',
      'kubectl get deployment web',
    ]);
    expect(results.map((r) => r.stdout)).toEqual([
      'deployment.apps/web created\n',
      'service/web exposed\n',
      'deployment.apps/web scaled\n',
      'deployment.apps/web image updated\n',
      'deployment.apps/web labeled\n',
      '4',
      'deployment.apps "web" deleted\n',
      '',
    ]);
    expect(results[7].stderr).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
  });

  it('answers an unknown resource type and a missing namespace as kubectl does', () => {
    const cluster = boot();
    const [unknownType, missingNs] = runCommands(cluster, ['kubectl get foos', 'kubectl get pods -n nope']);
    expect(unknownType.stderr).toBe('error: the server doesn\'t have a resource type "foos"\n');
    expect(missingNs.stderr).toBe('No resources found in nope namespace.\n');
  });

  it('keeps a ConfigMap key named __proto__ as data', () => {
    const cluster = boot();
    const [created, got] = runCommands(cluster, ['kubectl create configmap odd --from-literal=__proto__=x', 'kubectl get configmap odd -o json']);
    expect(created.stdout).toBe('configmap/odd created\n');
    expect(JSON.parse(got.stdout).data).toEqual(JSON.parse('{"__proto__":"x"}'));
  });
});
