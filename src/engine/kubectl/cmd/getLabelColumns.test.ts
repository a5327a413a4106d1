import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// `kubectl get -L` end to end: k8s.io/cli-runtime pkg/printers/tableprinter.go decorateTable adds
// one column per key after the server's columns (before LABELS), for built-in printers and the
// generic NAME/AGE table alike. Column layout checked against kubectl v1.32.4 (see
// printers/table/testdata/get/*label-columns*.txt for the fixture-backed cases).
const LIMIT_RANGE = 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\n  labels: {app: web}\nspec:\n  limits: [{type: Container, default: {cpu: 100m}}]\n';

describe('kubectl get -L / --label-columns', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const [, , , byFlag, csvWithLabels, noHeaders, generic] = runCommands(cluster, [
    'kubectl run web --image=nginx:1.27 --labels=app=web,tier=frontend',
    'kubectl run solo --image=nginx:1.27',
    { run: 'kubectl create -f -', stdin: LIMIT_RANGE },
    { run: 'kubectl get pods -L app -L tier', advanceMs: 30_000 },
    'kubectl get pods --label-columns=tier,app.kubernetes.io/name --show-labels',
    'kubectl get pods -L app --no-headers',
    'kubectl get limitranges -L app,tier',
  ]);
  const ages = (text: string) => text.replace(/\b\d+s\b/g, 'AGE');

  it('adds one upper-cased column per key; a missing label is an empty cell', () => {
    expect(ages(byFlag.stdout)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   APP   TIER\n' +
      'solo   1/1     Running   0          AGE         \n' +
      'web    1/1     Running   0          AGE   web   frontend\n',
    );
  });

  it('names a prefixed key by its last segment and keeps LABELS last', () => {
    expect(ages(csvWithLabels.stdout)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   TIER       NAME   LABELS\n' +
      'solo   1/1     Running   0          AGE                     run=solo\n' +
      'web    1/1     Running   0          AGE   frontend          app=web,tier=frontend\n',
    );
  });

  it('combines with --no-headers and with the generic NAME/AGE table', () => {
    expect(ages(noHeaders.stdout)).toBe('solo   1/1   Running   0     AGE   \nweb    1/1   Running   0     AGE   web\n');
    expect(ages(generic.stdout)).toBe('NAME     AGE   APP   TIER\nlimits   AGE   web   \n');
  });
});
