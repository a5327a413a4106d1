import type { Affinity, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../api/object';
import type { ApiClient } from '../../../client/client';
import { SchedulerCache } from '../../cache/cache';
import { CycleState } from '../../framework/interface';
import { newPodInfo } from '../../framework/podInfo';
import { makeNode, makePod } from '../../testing/wrappers';
import { NAMES } from '../names';
import { defaultProfile } from '../registry';

const GiB = 1024 ** 3;
const ZONE = 'topology.kubernetes.io/zone';

function setup() {
  const cache = new SchedulerCache();
  const profile = defaultProfile({ client: {} as ApiClient, numNodes: () => cache.numNodes, nodeInfos: () => cache.nodeInfos(), podsWithAffinity: () => cache.counters.podsWithAffinity });
  const plugin = profile.score.find((s) => s.plugin.name === NAMES.InterPodAffinity)!.plugin;
  const preScore = profile.preScore.find((p) => p.name === NAMES.InterPodAffinity)!;
  for (const [name, zone] of [['node-a', 'z1'], ['node-b', 'z1'], ['node-c', 'z2']]) cache.addNode(makeNode(name, { cpuMilli: 4000, memory: 8 * GiB }, { labels: { [ZONE]: zone } }));
  const scores = (pod: Stored<Pod>) => {
    const state = new CycleState();
    const info = newPodInfo(pod);
    if (preScore.preScore(state, info, cache.nodeInfos())?.code === 'Skip') return 'skip';
    const raw = cache.nodeInfos().map((n) => plugin.score(state, info, n));
    const normalized = [...raw];
    plugin.normalizeScore?.(state, info, normalized);
    return { raw, normalized };
  };
  return { cache, scores };
}

/** withAffinity returns a bound pod with `affinity` (makePod has no affinity field). */
function withAffinity(name: string, nodeName: string, labels: Record<string, string>, affinity: Affinity): Stored<Pod> {
  const base = makePod(name, [{}], { nodeName, labels });
  return { ...base, spec: { ...base.spec!, affinity } } as Stored<Pod>;
}

const term = (labels: Record<string, string>, topologyKey = ZONE) => ({ labelSelector: { matchLabels: labels }, topologyKey });

// pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.32): existing pods' terms count too.
describe('InterPodAffinity scoring of existing pods\' terms', () => {
  it('skips when neither the incoming pod nor any existing pod has pod affinity', () => {
    const { cache, scores } = setup();
    cache.addPod(makePod('plain', [{}], { nodeName: 'node-a', labels: { app: 'web' } }));
    expect(scores(makePod('new', [{}], { labels: { app: 'web' } }))).toBe('skip');
  });

  it('adds an existing pod\'s preferred affinity weight, its required affinity at hardPodAffinityWeight 1, and subtracts its preferred anti-affinity', () => {
    const { cache, scores } = setup();
    // On node-a (z1): prefers app=web pods in its zone, weight 5.
    cache.addPod(withAffinity('likes-web', 'node-a', { app: 'db' }, { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term({ app: 'web' }) }] } }));
    // On node-c (z2): requires app=web on its host → +1 for node-c only.
    cache.addPod(withAffinity('needs-web', 'node-c', { app: 'cache' }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' }, 'kubernetes.io/hostname')] } }));
    // On node-b (z1): would rather not share its zone with app=web, weight 2.
    cache.addPod(withAffinity('shy', 'node-b', { app: 'batch' }, { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 2, podAffinityTerm: term({ app: 'web' }) }] } }));
    // z1: +5 − 2 = 3 for node-a and node-b; node-c: z2 0, hostname node-c +1.
    expect(scores(makePod('new', [{}], { labels: { app: 'web' } }))).toEqual({ raw: [3, 3, 1], normalized: [100, 100, 0] });
    // A pod no term selects leaves the topology scores empty: PreScore skips the plugin.
    expect(scores(makePod('other', [{}], { labels: { app: 'api' } }))).toBe('skip');
  });

  it('sums the incoming pod\'s own preferred terms over matching existing pods with the existing pods\' terms', () => {
    const { cache, scores } = setup();
    cache.addPod(makePod('db-1', [{}], { nodeName: 'node-c', labels: { app: 'db' } }));
    cache.addPod(withAffinity('shy', 'node-b', { app: 'batch' }, { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 4, podAffinityTerm: term({ app: 'web' }) }] } }));
    const incoming = withAffinity('new', '', { app: 'web' }, { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'db' }) }] } });
    // z2 (db-1): +10; z1: −4 from shy.
    expect(scores({ ...incoming, spec: { ...incoming.spec!, nodeName: undefined } } as Stored<Pod>)).toEqual({ raw: [-4, -4, 10], normalized: [0, 0, 100] });
  });
});
