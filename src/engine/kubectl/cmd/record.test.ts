import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// kubectl's RecordFlags (v1.32): `--record` stores the command line as kubernetes.io/change-cause;
// the Deployment controller copies it to the new ReplicaSet and rollout history shows it.
describe('--record', () => {
  it('fills CHANGE-CAUSE with the command line, flags as --name=value', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: nginx, image: "nginx:1.26"}]}\n';
    const [applied, setImage, , history, lastApplied] = runCommands(cluster, [
      { run: 'kubectl apply -f - --record', stdin: manifest },
      { run: 'kubectl set image deployment/web nginx=nginx:1.27 --record', advanceMs: 20_000 },
      { run: 'kubectl set image deployment/web nginx=nginx:1.27.3', advanceMs: 20_000 },
      { run: 'kubectl rollout history deployment/web', advanceMs: 30_000 },
      "kubectl get deployment web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'",
    ]);
    expect(applied.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(setImage.stdout).toBe('deployment.apps/web image updated\n');
    expect(history.stdout).toBe(
      [
        'deployment.apps/web ',
        'REVISION  CHANGE-CAUSE',
        '1         kubectl apply --filename=- --record=true',
        '2         kubectl set image deployment/web nginx=nginx:1.27 --record=true',
        // Without --record the annotation stays as it was: the third revision repeats the second's.
        '3         kubectl set image deployment/web nginx=nginx:1.27 --record=true',
        '',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(lastApplied.stdout).metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'kubectl apply --filename=- --record=true' });
  });
});
