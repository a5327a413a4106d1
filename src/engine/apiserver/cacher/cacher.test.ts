import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import type { KubeObject, Stored } from '../../api/object';
import type { CacheEvent } from './types';

describe('Cacher.observe', () => {
  it('sees every change the watch cache applies, in order, without adding simulation events', () => {
    const run = (observe: boolean) => {
      const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(3), etcdMembers: 1 }), DEFAULT_COMPONENTS);
      const pods = cluster.apiserver.ctx.cachers.get('pods')!;
      const seen: CacheEvent[] = [];
      const stop = observe ? pods.observe((e) => seen.push(e)) : () => true;
      cluster.exec('kubectl create deployment web --image=nginx:1.27.3 --replicas=4');
      cluster.sim.runUntil(cluster.sim.nowMs + 30_000);
      stop();
      cluster.exec('kubectl scale deployment web --replicas=1');
      cluster.sim.runUntil(cluster.sim.nowMs + 60_000);
      return { cluster, pods, seen };
    };
    const watched = run(true);
    const plain = run(false);
    // Observing changes nothing the simulation does.
    expect(watched.cluster.sim.eventsRun).toBe(plain.cluster.sim.eventsRun);

    const { seen } = watched;
    const running = (p?: Stored<KubeObject>) => (p as Pod | undefined)?.status?.phase === 'Running';
    expect(seen.filter((e) => e.type === 'ADDED' && e.key.startsWith('/registry/pods/default/web-'))).toHaveLength(4);
    expect(seen.map((e) => e.rv)).toEqual([...seen.map((e) => e.rv)].sort((a, b) => a - b));
    // Replaying the events gives the Running count a scan of the cache gave at that moment.
    const count = seen.reduce((n, e) => n + (e.type !== 'DELETED' && running(e.object) ? 1 : 0) - (running(e.prevObject) ? 1 : 0), 0);
    expect(count).toBe(4);
    // After stop(), no more calls: the scale-down's deletions were not seen.
    expect(seen.some((e) => e.type === 'DELETED')).toBe(false);
    expect(watched.pods.countWhere((p) => p.metadata.namespace === 'default' && running(p))).toBe(1);
  });
});
