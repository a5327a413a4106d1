import { describe, expect, it } from 'vitest';
import { SchedulerCache } from '../cache/cache';
import { CycleState, type ScorePlugin } from '../framework/interface';
import { newPodInfo } from '../framework/podInfo';
import { makeNode, makePod } from '../testing/wrappers';
import { ImageLocality } from './imagelocality/imageLocality';
import { NodeAffinity } from './nodeaffinity/nodeAffinity';
import { TaintToleration } from './tainttoleration/taintToleration';

const MB = 1024 * 1024;

/** scoreAll runs PreScore, Score and NormalizeScore of one plugin over the cache's nodes. */
function scoreAll(plugin: ScorePlugin & { preScore?: (s: CycleState, p: ReturnType<typeof newPodInfo>) => unknown }, cache: SchedulerCache, pod: ReturnType<typeof makePod>): Record<string, number> {
  const info = newPodInfo(pod);
  const state = new CycleState();
  plugin.preScore?.(state, info);
  const nodes = cache.nodeInfos();
  const scores = nodes.map((n) => plugin.score(state, info, n));
  plugin.normalizeScore?.(state, info, scores);
  return Object.fromEntries(nodes.map((n, i) => [n.name, scores[i]]));
}

// Cases in the spirit of taint_toleration_test.go, node_affinity_test.go and
// image_locality_test.go (v1.32): reversed normalization, weighted preferred terms, image spread.
describe('score plugins', () => {
  it('TaintToleration: fewer untolerated PreferNoSchedule taints score higher (reversed normalization)', () => {
    const cache = new SchedulerCache();
    cache.addNode(makeNode('clean', { cpuMilli: 1000 }));
    cache.addNode(makeNode('one', { cpuMilli: 1000 }, { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }] }));
    cache.addNode(makeNode('two', { cpuMilli: 1000 }, { taints: [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }, { key: 'cpu', value: 'slow', effect: 'PreferNoSchedule' }] }));
    expect(scoreAll(new TaintToleration(), cache, makePod('p', [{}]))).toEqual({ clean: 100, one: 50, two: 0 });
    const tolerant = makePod('t', [{}], { tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }] });
    expect(scoreAll(new TaintToleration(), cache, tolerant)).toEqual({ clean: 100, one: 100, two: 0 });
  });

  it('NodeAffinity: sum of matching preferred weights, best node 100', () => {
    const cache = new SchedulerCache();
    cache.addNode(makeNode('a', { cpuMilli: 1000 }, { labels: { foo: 'bar' } }));
    cache.addNode(makeNode('b', { cpuMilli: 1000 }, { labels: { foo: 'bar', key: 'value' } }));
    cache.addNode(makeNode('c', { cpuMilli: 1000 }));
    const base = makePod('p', [{}]);
    const pod = { ...base, spec: { ...base.spec!, affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
      { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
    ] } } } } as typeof base;
    expect(scoreAll(new NodeAffinity(), cache, pod)).toEqual({ a: 33, b: 100, c: 0 });
  });

  it('ImageLocality: image bytes × spread between 23 MB and 1000 MB per container', () => {
    const cache = new SchedulerCache();
    const withImage = makeNode('has', { cpuMilli: 1000 });
    cache.addNode({ ...withImage, status: { ...withImage.status, images: [{ names: ['example.com/app:v1'], sizeBytes: 500 * MB }] } } as typeof withImage);
    cache.addNode(makeNode('empty', { cpuMilli: 1000 }));
    const plugin = new ImageLocality(() => cache.numNodes);
    // 500 MB × 1/2 nodes = 250 MB → 100 × (250 − 23) / (1000 − 23) = 23.
    expect(scoreAll(plugin, cache, makePod('p', [{}], { image: 'example.com/app:v1' }))).toEqual({ has: 23, empty: 0 });
    expect(scoreAll(plugin, cache, makePod('q', [{}], { image: 'example.com/app' }))).toEqual({ has: 0, empty: 0 });
  });
});
