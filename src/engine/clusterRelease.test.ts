import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Cluster } from './cluster';
import { clusterSpec, nodesFromCount } from './clusterSpec';
import { DEFAULT_COMPONENTS } from './components';

// The app replaces its cluster on reset and on every scenario load, and a test file boots
// dozens: nothing module-level may keep a dropped cluster, or any of its objects, alive. (A
// scheduler scratch buffer once held the last cluster's NodeInfos, and through them its
// scheduler cache and every pod, for the process's life.)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** bootAndRun runs a small cluster and returns weak references to it, its components and every object it stores. */
function bootAndRun(): Array<WeakRef<object>> {
  const cluster = Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(3, '4', '8Gi'), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=6');
  cluster.runUntil(90_000);
  const pods = cluster.exec('kubectl get pods');
  cluster.runUntil(91_000);
  expect(pods.done.value.stdout.match(/ Running /g)).toHaveLength(6);
  const refs: Array<WeakRef<object>> = [new WeakRef(cluster), ...cluster.components.map((c) => new WeakRef(c))];
  for (const cacher of cluster.apiserver.ctx.cachers.values()) {
    const listed = cacher.list({});
    if (listed.ok) for (const obj of listed.items) refs.push(new WeakRef(obj));
  }
  expect(refs.length).toBeGreaterThan(50);
  return refs;
}

describe('Cluster', () => {
  it('is collectable once dropped, with everything it stored, after scheduling, running pods and scraping metrics', async () => {
    const refs = bootAndRun();
    const alive = () => refs.filter((ref) => ref.deref() !== undefined).length;
    // A WeakRef's target lives at least until the job that made it ends, and when the test
    // runner's own jobs end is not ours to know: collect a few times, a tick apart. A real leak
    // survives them all.
    for (let round = 0; round < 10 && alive() > 0; round++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    expect(alive()).toBe(0);
  });
});
