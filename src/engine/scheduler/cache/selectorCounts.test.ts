import { describe, expect, it } from 'vitest';
import { matches, type Selector } from '../../api/labels';
import { Rng } from '../../sim/rng';
import { makeNode, makePod } from '../testing/wrappers';
import { SchedulerCache } from './cache';

const selectors: Selector[] = [
  [{ key: 'app', operator: 'in', values: ['web'] }],
  [{ key: 'app', operator: 'in', values: ['web'] }, { key: 'tier', operator: 'in', values: ['front'] }],
  [{ key: 'tier', operator: 'exists', values: [] }],
];

/** bruteForce is countPodsMatchSelector summed per node and per zone, from scratch. */
function bruteForce(cache: SchedulerCache, namespace: string, selector: Selector) {
  const perNode = new Map<string, number>();
  const perZone = new Map<string, number>();
  for (const node of cache.nodeInfos()) {
    let count = 0;
    for (const p of node.pods.values()) if (p.pod.metadata.namespace === namespace && !p.pod.metadata.deletionTimestamp && matches(selector, p.pod.metadata.labels)) count++;
    if (count === 0) continue;
    perNode.set(node.name, count);
    const zone = node.node?.metadata.labels?.zone;
    if (zone !== undefined) perZone.set(zone, (perZone.get(zone) ?? 0) + count);
  }
  return { perNode, perZone };
}

describe('SelectorCounts (incremental countPodsMatchSelector)', () => {
  it('matches a recount after 2,000 random pod adds, moves, deletions, terminations and node relabels', () => {
    const rng = new Rng(7);
    const cache = new SchedulerCache();
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const relabel = (name: string) => cache.addNode(makeNode(name, { cpuMilli: 4000, memory: 1 << 30 }, { labels: rng.int(3) === 0 ? {} : { zone: `z${rng.int(3)}` } }));
    nodes.forEach(relabel);
    const live: string[] = [];
    for (let step = 0; step < 2_000; step++) {
      const op = rng.int(10);
      if (op < 5 || live.length === 0) {
        const name = `p${step}`;
        const labels: Record<string, string> = { app: rng.int(2) ? 'web' : 'db' };
        if (rng.int(2)) labels.tier = rng.int(2) ? 'front' : 'back';
        cache.addPod(makePod(name, [{}], { nodeName: nodes[rng.int(nodes.length)], namespace: rng.int(4) ? 'default' : 'other', labels }));
        live.push(name);
      } else if (op < 7) {
        const [name] = live.splice(rng.int(live.length), 1);
        cache.removePod(`default/${name}`);
        cache.removePod(`other/${name}`);
      } else if (op < 9) {
        const name = live[rng.int(live.length)];
        cache.updatePod(makePod(name, [{}], { nodeName: nodes[rng.int(nodes.length)], labels: { app: 'web', tier: 'front' }, terminating: rng.int(2) === 0 }));
      } else {
        relabel(nodes[rng.int(nodes.length)]);
      }
      if (step % 97 === 0 || step === 1_999) {
        for (const selector of selectors) {
          const tally = cache.selectors.tally('default', selector);
          const want = bruteForce(cache, 'default', selector);
          expect(tally.perNode).toEqual(want.perNode);
          expect(new Map([...cache.selectors.domainCounts(tally, 'zone')].filter(([, n]) => n > 0))).toEqual(want.perZone);
        }
      }
    }
  });

  it('answers whether none, some or all nodes carry a label, and follows adds, relabels and removals', () => {
    const cache = new SchedulerCache();
    const add = (name: string, labels: Record<string, string>) => cache.addNode(makeNode(name, { cpuMilli: 4000, memory: 1 << 30 }, { labels }));
    expect(cache.selectors.labelPresence('zone')).toBe('none');
    add('n1', { zone: 'a' });
    add('n2', {});
    expect(cache.selectors.labelPresence('zone')).toBe('some');
    add('n2', { zone: 'b' });
    expect(cache.selectors.labelPresence('zone')).toBe('all');
    add('n3', {});
    expect(cache.selectors.labelPresence('zone')).toBe('some');
    cache.removeNode('n3');
    expect(cache.selectors.labelPresence('zone')).toBe('all');
    expect(cache.selectors.labelPresence('rack')).toBe('none');
  });

  it('keeps at most its limit of selectors, dropping the least recently used', () => {
    const cache = new SchedulerCache();
    for (let i = 0; i < 70; i++) cache.selectors.tally('default', [{ key: 'app', operator: 'in', values: [`a${i}`] }]);
    expect(cache.selectors.size).toBe(64);
  });
});
