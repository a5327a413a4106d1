import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { clusterSpec, nodesFromCount } from './clusterSpec';
import { DEFAULT_COMPONENTS } from './components';

// The app replaces its cluster on reset and on every scenario load, and a test file boots
// dozens: nothing module-level may keep a dropped cluster alive. (A scheduler scratch buffer
// once held the last cluster's NodeInfos, and through them every pod, for the process's life.)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function bootAndRun(): WeakRef<Cluster> {
  const cluster = Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(3, '4', '8Gi'), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=6');
  cluster.runUntil(90_000);
  const pods = cluster.exec('kubectl get pods');
  cluster.runUntil(91_000);
  expect(pods.done.value.stdout.match(/ Running /g)).toHaveLength(6);
  return new WeakRef(cluster);
}

describe('Cluster', () => {
  it('is collectable once dropped, after scheduling, running pods and scraping metrics', async () => {
    const ref = bootAndRun();
    // A WeakRef's target lives until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(ref.deref()).toBeUndefined();
  });
});
