import type { Event, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import { Cluster } from '../../cluster';
import { clusterSpec } from '../../clusterSpec';
import { spawn, wait } from '../../sim/task';
import { EventRecorder, MAX_LRU_CACHE_ENTRIES } from './eventRecorder';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1' } }) as Stored<Pod>;

function events(cluster: Cluster): Event[] {
  const future = spawn((function* () {
    const r = yield* wait(cluster.admin().list<Event>('events', 'default'));
    return r.ok ? r.object.items : [];
  })());
  cluster.sim.runWhile(() => !future.isSettled, cluster.sim.nowMs + 60_000);
  return future.value;
}

// client-go tools/record/events_cache.go: EventCorrelator with LRU caches of maxLruCacheEntries.
describe('EventRecorder correlator', () => {
  it('counts a repeated event on one object, and forgets it once 4,096 newer events pushed it out of the LRU', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: [], etcdMembers: 1 }), []);
    const recorder = new EventRecorder(cluster.sim, cluster.admin(), { component: 'kubelet', host: 'node-1' }, cluster.spec.epochMs, cluster.sim.rng.fork('t'));
    const web = pod('web');
    recorder.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(uid-web)');
    recorder.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(uid-web)');
    cluster.sim.runUntil(cluster.sim.nowMs + 1_000);
    const backOff = () => events(cluster).filter((e) => e.reason === 'BackOff');
    expect(backOff().map((e) => e.count)).toEqual([2]);

    for (let i = 0; i < MAX_LRU_CACHE_ENTRIES; i++) recorder.event(pod(`p${i}`), 'Normal', 'Pulled', `image ${i}`);
    recorder.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(uid-web)');
    cluster.sim.runUntil(cluster.sim.nowMs + 5_000);
    expect(backOff().map((e) => e.count).sort()).toEqual([1, 2]);
  });
});

describe('EventRecorder writes', () => {
  it('patches a repeat only after the first write landed, and re-creates an event deleted meanwhile with its count and first timestamp', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: [], etcdMembers: 1 }), []);
    const recorder = new EventRecorder(cluster.sim, cluster.admin(), { component: 'kubelet', host: 'node-1' }, cluster.spec.epochMs, cluster.sim.rng.fork('t'));
    const web = pod('web');
    for (let i = 0; i < 3; i++) recorder.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container app');
    cluster.sim.runUntil(cluster.sim.nowMs + 1_000);
    const [first] = events(cluster);
    expect(first.count).toBe(3);
    const done = spawn((function* () { yield* wait(cluster.admin().delete('events', 'default', first.metadata!.name!)); })());
    cluster.sim.runWhile(() => !done.isSettled, cluster.sim.nowMs + 10_000);
    cluster.sim.runUntil(cluster.sim.nowMs + 60_000);
    recorder.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container app');
    cluster.sim.runUntil(cluster.sim.nowMs + 1_000);
    const [again] = events(cluster);
    expect(again).toMatchObject({ count: 4, firstTimestamp: first.firstTimestamp, metadata: { name: first.metadata!.name } });
    expect(again.lastTimestamp).not.toBe(first.firstTimestamp);
  });
});
