import { describe, expect, it } from 'vitest';
import table from './testdata/scheduler_cases.json';
import type { ApiClient } from '../client/client';
import { Rng } from '../sim/rng';
import { SchedulerCache } from './cache/cache';
import { newPodInfo } from './framework/podInfo';
import { Framework } from './framework/runtime';
import { defaultProfile } from './plugins/registry';
import { numFeasibleNodesToFind, schedulePod, selectHost } from './schedulePod';
import { makeNode, makePod } from './testing/wrappers';

function setup() {
  const cache = new SchedulerCache();
  const framework = new Framework(defaultProfile({ client: {} as ApiClient, numNodes: () => cache.numNodes }));
  const run = (pod: ReturnType<typeof makePod>, start = 0) =>
    schedulePod({ framework, nodes: cache.nodeInfos(), rng: new Rng(1), nextStartNodeIndex: start }, newPodInfo(pod));
  return { cache, framework, run };
}

const GiB = 1024 ** 3;
const examples = (table as { fitErrorExamples: string[] }).fitErrorExamples;

describe('FitError text (types.go FitError.Error, DefaultPreemption messages)', () => {
  it('one node without the extended resource', () => {
    const { cache, run } = setup();
    cache.addNode(makeNode('node-1', { cpuMilli: 4000, memory: 8 * GiB }));
    const { outcome } = run(makePod('gpu', [{ 'nvidia.com/gpu': 1 }]));
    expect(outcome.status?.reasons[0]).toBe(examples[0]);
  });

  it('three nodes short of cpu', () => {
    const { cache, run } = setup();
    for (const name of ['node-1', 'node-2', 'node-3']) cache.addNode(makeNode(name, { cpuMilli: 2000, memory: 8 * GiB }));
    const { outcome } = run(makePod('big', [{ cpuMilli: 3000 }]));
    expect(outcome.status?.reasons[0]).toBe(examples[1]);
    expect(outcome.status?.code).toBe('Unschedulable');
  });

  it('a tainted control plane and two nodes short of memory (sorted histogram, unresolvable nodes)', () => {
    const { cache, run } = setup();
    cache.addNode(makeNode('cp', { cpuMilli: 2000, memory: 8 * GiB }, { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }));
    for (const name of ['node-1', 'node-2']) cache.addNode(makeNode(name, { cpuMilli: 2000, memory: 1 * GiB }));
    const { outcome } = run(makePod('mem', [{ memory: 2 * GiB }]));
    expect(outcome.status?.reasons[0]).toBe(examples[2]);
  });

  it('counts every shortage of a node and ends without preemption text for preemptionPolicy=Never', () => {
    const { cache, run } = setup();
    cache.addNode(makeNode('node-1', { cpuMilli: 1000, memory: 1 * GiB }));
    const pod = makePod('both', [{ cpuMilli: 2000, memory: 2 * GiB }]);
    const never = { ...pod, spec: { ...pod.spec!, preemptionPolicy: 'Never' } } as typeof pod;
    expect(run(never).outcome.status?.reasons[0]).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never..',
    );
  });

  it('names the untolerated taint and honours tolerations', () => {
    const { cache, run } = setup();
    cache.addNode(makeNode('node-1', { cpuMilli: 1000, memory: GiB }, { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }));
    expect(run(makePod('p', [{}])).outcome.status?.reasons[0]).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    const tolerant = makePod('t', [{}], { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] });
    expect(run(tolerant).outcome.suggestedHost).toBe('node-1');
  });

  it('reports cordoned nodes, node selectors and full nodes', () => {
    const { cache, run } = setup();
    cache.addNode(makeNode('a', { cpuMilli: 1000, memory: GiB }, { unschedulable: true }));
    cache.addNode(makeNode('b', { cpuMilli: 1000, memory: GiB }, { labels: { disk: 'hdd' } }));
    cache.addNode(makeNode('c', { cpuMilli: 1000, memory: GiB }, { pods: 0, labels: { disk: 'ssd' } }));
    expect(run(makePod('p', [{}], { nodeSelector: { disk: 'ssd' } })).outcome.status?.reasons[0]).toBe(
      "0/3 nodes are available: 1 Too many pods, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. " +
        'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..',
    );
  });
});

describe('numFeasibleNodesToFind (adaptive percentageOfNodesToScore)', () => {
  it.each([
    [3, 3], [99, 99], [100, 100], [250, 120], [1000, 420], [5000, 500], [6000, 300], [15000, 750],
  ])('%i nodes → %i', (nodes, expected) => {
    expect(numFeasibleNodesToFind(0, nodes)).toBe(expected);
  });

  it('stops filtering once enough nodes are feasible and rotates the start index', () => {
    const { cache, run } = setup();
    for (let i = 0; i < 1000; i++) cache.addNode(makeNode(`node-${i}`, { cpuMilli: 4000, memory: 8 * GiB }));
    const { outcome, nextStartNodeIndex } = run(makePod('p', [{ cpuMilli: 100 }]), 900);
    expect(outcome.evaluatedNodes).toBe(420);
    expect(nextStartNodeIndex).toBe((900 + 420) % 1000);
  });
});

describe('selectHost', () => {
  it('picks the highest total and spreads ties uniformly with the Rng', () => {
    expect(selectHost([10, 300, 20], new Rng(3))).toBe(1);
    const rng = new Rng(42);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[selectHost([5, 9, 9, 9], rng)]++;
    expect(counts[0]).toBe(0);
    for (const count of counts.slice(1)) expect(count).toBeGreaterThan(1200);
  });
});
