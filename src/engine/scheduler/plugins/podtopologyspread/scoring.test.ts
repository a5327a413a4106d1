import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../client/client';
import { SchedulerCache } from '../../cache/cache';
import { CycleState } from '../../framework/interface';
import { newPodInfo } from '../../framework/podInfo';
import { makeNode, makePod } from '../../testing/wrappers';
import type { SpreadListers } from '../helper/spread';
import { NAMES } from '../names';
import { defaultProfile } from '../registry';

const GiB = 1024 ** 3;
const owner = (name: string) => [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, controller: true }];
const web = { app: 'web' };

function setup(services: Service[] = []) {
  const cache = new SchedulerCache();
  const replicaSets: Record<string, ReplicaSet> = { 'default/web-1': { metadata: { name: 'web-1', namespace: 'default' }, spec: { selector: { matchLabels: web }, template: {} } } };
  const listers: SpreadListers = {
    services: (ns) => services.filter((s) => (s.metadata?.namespace ?? 'default') === ns),
    replicaSet: (ns, name) => replicaSets[`${ns}/${name}`],
    statefulSet: () => undefined,
  };
  const profile = defaultProfile({ client: {} as ApiClient, numNodes: () => cache.numNodes, nodeInfos: () => cache.nodeInfos(), nodeInfo: (n) => cache.nodeInfo(n), selectors: () => cache.selectors, listers });
  const plugin = profile.score.find((s) => s.plugin.name === NAMES.PodTopologySpread)!;
  return { cache, plugin: plugin.plugin, weight: plugin.weight, preScore: profile.preScore.find((p) => p.name === NAMES.PodTopologySpread)! };
}

/** scores runs PreScore → Score → NormalizeScore of PodTopologySpread alone over every cached node. */
function scores(ctx: ReturnType<typeof setup>, pod: ReturnType<typeof makePod>) {
  const state = new CycleState();
  const nodes = ctx.cache.nodeInfos();
  const info = newPodInfo(pod);
  const status = ctx.preScore.preScore(state, info, nodes);
  if (status?.code === 'Skip') return 'skip';
  const raw = nodes.map((n) => ctx.plugin.score(state, info, n));
  const normalized = [...raw];
  ctx.plugin.normalizeScore?.(state, info, normalized);
  return { raw, normalized };
}

// pkg/scheduler/framework/plugins/podtopologyspread/scoring.go (v1.32) with the system defaults
// (plugin.go systemDefaultConstraints: hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway).
describe('PodTopologySpread system default spreading', () => {
  function cluster() {
    const ctx = setup();
    ctx.cache.addNode(makeNode('node-a', { cpuMilli: 4000, memory: 8 * GiB }, { labels: { 'topology.kubernetes.io/zone': 'z1' } }));
    ctx.cache.addNode(makeNode('node-b', { cpuMilli: 4000, memory: 8 * GiB }, { labels: { 'topology.kubernetes.io/zone': 'z1' } }));
    ctx.cache.addNode(makeNode('node-c', { cpuMilli: 4000, memory: 8 * GiB }, { labels: { 'topology.kubernetes.io/zone': 'z2' } }));
    ctx.cache.addNode(makeNode('node-x', { cpuMilli: 4000, memory: 8 * GiB }));
    const bound = (name: string, nodeName: string, extra: Parameters<typeof makePod>[2] = {}) => ctx.cache.addPod(makePod(name, [{}], { nodeName, labels: web, ...extra }));
    bound('a1', 'node-a');
    bound('a2', 'node-a');
    bound('c1', 'node-c');
    bound('b-other-app', 'node-b', { labels: { app: 'db' } });
    bound('b-terminating', 'node-b', { terminating: true });
    bound('b-other-namespace', 'node-b', { namespace: 'team-b' });
    return ctx;
  }

  it('scores count × log(domains + 2) + maxSkew − 1 per constraint, and a zoneless node still spreads by hostname', () => {
    const ctx = cluster();
    const result = scores(ctx, makePod('new', [{}], { labels: web, ownerReferences: owner('web-1') }));
    // Hostname weight ln(4 + 2); zone domains z1, z2 and "" (node-x) → ln(3 + 2).
    // node-a: 2·ln6 + 2 + 2·ln5 + 4 = 12.80 → 13; node-b: 0 + 2 + 2·ln5 + 4 = 9.22 → 9;
    // node-c: ln6 + 2 + ln5 + 4 = 9.40 → 9; node-x: 0 + 2 (no zone label: no zone term) = 2.
    expect(result).toEqual({ raw: [13, 9, 9, 2], normalized: [15, 46, 46, 100] });
  });

  it('counts stay current as pods are added, deleted and start terminating', () => {
    const ctx = cluster();
    const pod = makePod('new', [{}], { labels: web, ownerReferences: owner('web-1') });
    expect(scores(ctx, pod)).not.toBe('skip');
    ctx.cache.removePod('default/a1');
    ctx.cache.removePod('default/a2');
    ctx.cache.addPod(makePod('x1', [{}], { nodeName: 'node-x', labels: web }));
    const c1 = makePod('c1', [{}], { nodeName: 'node-c', labels: web, terminating: true });
    ctx.cache.updatePod(c1);
    // Only x1 counts now: node-x = ln6 + 2 = 3.79 → 4; a, b = 2 + 0 + 4 = 6; c = 2 + 4 = 6.
    expect(scores(ctx, pod)).toEqual({ raw: [6, 6, 6, 4], normalized: [66, 66, 66, 100] });
  });

  it('follows a node losing and regaining its hostname label (no hostname term without it)', () => {
    const ctx = cluster();
    const pod = makePod('new', [{}], { labels: web, ownerReferences: owner('web-1') });
    const nodeA = makeNode('node-a', { cpuMilli: 4000, memory: 8 * GiB }, { labels: { 'topology.kubernetes.io/zone': 'z1' } });
    ctx.cache.updateNode({ ...nodeA, metadata: { ...nodeA.metadata, labels: { 'topology.kubernetes.io/zone': 'z1' } } });
    // node-a keeps only its zone term: 2·ln5 + 4 = 7.22 → 7 (it had 13 with the hostname term).
    expect(scores(ctx, pod)).toMatchObject({ raw: [7, 9, 9, 2] });
    ctx.cache.updateNode(nodeA);
    expect(scores(ctx, pod)).toMatchObject({ raw: [13, 9, 9, 2] });
  });

  it('merges the selectors of the Services that select the pod with its ReplicaSet\'s', () => {
    const ctx = setup([{ metadata: { name: 'web', namespace: 'default' }, spec: { selector: { tier: 'front' } } }]);
    ctx.cache.addNode(makeNode('node-a', { cpuMilli: 4000, memory: 8 * GiB }));
    ctx.cache.addNode(makeNode('node-b', { cpuMilli: 4000, memory: 8 * GiB }));
    ctx.cache.addPod(makePod('a1', [{}], { nodeName: 'node-a', labels: { ...web, tier: 'front' } }));
    ctx.cache.addPod(makePod('b1', [{}], { nodeName: 'node-b', labels: web }));
    // app=web,tier=front matches a1 only: node-a ln4 + 2 = 3.39 → 3, node-b 2.
    expect(scores(ctx, makePod('new', [{}], { labels: { ...web, tier: 'front' }, ownerReferences: owner('web-1') }))).toEqual({ raw: [3, 2], normalized: [66, 100] });
  });

  it('skips a pod nothing selects (no Service, no controlling ReplicaSet or StatefulSet)', () => {
    const ctx = cluster();
    expect(scores(ctx, makePod('lonely', [{}], { labels: { app: 'lonely' } }))).toBe('skip');
  });
});
