import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';
import { indentJson } from './applyLastApplied';

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.25\n';

describe('kubectl apply view-last-applied | set-last-applied | edit-last-applied (pkg/cmd/apply)', () => {
  it('views the annotation as YAML or indented JSON, changes it, and leaves the object itself alone', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [, yaml, json, , plain, set, edited, after, replicas, wide] = runCommands(cluster, [
      { run: 'kubectl apply -f -', stdin: WEB },
      'kubectl apply view-last-applied deploy/web',
      'kubectl apply view-last-applied deploy/web -o json',
      'kubectl create deployment plain --image=nginx',
      'kubectl apply view-last-applied deploy plain',
      { run: 'kubectl apply set-last-applied -f -', stdin: WEB.replace('replicas: 3', 'replicas: 4') },
      `KUBE_EDITOR="sed -i 's/replicas: 4/replicas: 6/'" kubectl apply edit-last-applied deploy/web`,
      'kubectl apply view-last-applied deploy/web',
      "kubectl get deploy web -o jsonpath='{.spec.replicas}'",
      'kubectl apply view-last-applied deploy/web -o wide',
    ]);
    expect(yaml.stdout).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.25\n        name: nginx\n');
    expect(json.stdout).toMatch(/^\{\n {2}"apiVersion": "apps\/v1",\n {2}"kind": "Deployment",\n[\s\S]*\n\}\n$/);
    // An object without the annotation prints nothing and succeeds (upstream's nil error).
    expect(plain).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(set.stdout).toBe('deployment.apps/web configured\n');
    expect(edited.stdout).toBe('deployment.apps/web edited\n');
    expect(after.stdout).toContain('  replicas: 6\n');
    expect(replicas.stdout).toBe('3');
    expect(wide).toEqual({ exit: 1, stdout: '', stderr: "error: Unexpected -o output mode: wide, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n" });
  });

  it('indents JSON as Go json.Indent does: escapes kept as written, empty collections inline', () => {
    expect(indentJson('{"a":"x\\u003cy","b":[],"c":{},"d":[1,{"e":true}]}\n', '  ')).toBe('{\n  "a": "x\\u003cy",\n  "b": [],\n  "c": {},\n  "d": [\n    1,\n    {\n      "e": true\n    }\n  ]\n}\n');
  });
});
