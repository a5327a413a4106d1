// Ports metrics-server pkg/storage/pod_test.go and node_test.go (v0.7.2): rates from two
// scrapes, the fresh-container start point, restarts, decreasing or out-of-order points.
import { describe, expect, it } from 'vitest';
import type { MetricsPoint } from '../nodeStats';
import { usageList } from './api';
import { NodeStorage, PodStorage, type MetricsBatch } from './storage';

const CORE_SECOND = 1e9;
const MIB = 1024 * 1024;
const START = 1_000_000;
const POD = 'ns1/pod1';
const point = (startOffsetS: number, atS: number, cpuCoreSeconds: number, memoryBytes: number): MetricsPoint => ({
  startTimeMs: START + startOffsetS * 1000, timestampMs: START + atS * 1000, cumulativeCpuNanoCoreSeconds: cpuCoreSeconds * CORE_SECOND, memoryBytes,
});
const batch = (containers: Record<string, MetricsPoint> = {}): MetricsBatch => ({
  nodes: new Map(), pods: Object.keys(containers).length ? new Map([[POD, new Map(Object.entries(containers))]]) : new Map(),
});
const usageOf = (s: PodStorage) => {
  const got = s.getMetrics([POD]).get(POD);
  return got?.map((c) => ({ name: c.name, usage: usageList(c), timestampS: (c.timestampMs - START) / 1000, windowS: c.windowMs / 1000 }));
};

describe('metrics-server pod storage (pkg/storage/pod_test.go)', () => {
  it('provides pod metrics from stored batches', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 120, 1, 4 * MIB) }));
    expect(s.ready).toBe(false);
    expect(usageOf(s)).toBeUndefined();
    s.store(batch({ container1: point(0, 125, 6, 5 * MIB) }));
    expect(s.ready).toBe(true);
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '1', memory: '5Mi' }, timestampS: 125, windowS: 5 }]);
    expect(s.getMetrics(['ns1/pod2']).size).toBe(0);
    s.store(batch());
    expect(usageOf(s)).toBeUndefined();
  });

  it('returns timestamp of earliest container of pod', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 110, 1, 4 * MIB), container2: point(0, 115, 2, 5 * MIB) }));
    s.store(batch({ container1: point(0, 120, 6, 6 * MIB), container2: point(0, 125, 7, 7 * MIB) }));
    const containers = usageOf(s)!;
    const earliest = containers.reduce((a, b) => (b.timestampS < a.timestampS ? b : a));
    expect([earliest.timestampS, earliest.windowS]).toEqual([120, 10]);
  });

  it('handles a repeated pod metric point', () => {
    const s = new PodStorage(60_000);
    const same = batch({ container1: point(0, 110, 1, 4 * MIB) });
    s.store(same);
    s.store(same);
    expect(s.ready).toBe(false);
    expect(usageOf(s)).toBeUndefined();
  });

  it('detects a container restart and returns results based on the window from its start time', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 10, 1, 4 * MIB) }));
    s.store(batch({ container1: point(15, 25, 5, 5 * MIB) }));
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '500m', memory: '5Mi' }, timestampS: 25, windowS: 10 }]);
  });

  it('returns empty pod metrics when a decreased data point is reported', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 110, 20, 4 * MIB) }));
    s.store(batch({ container1: point(0, 120, 10, 4 * MIB) }));
    expect(usageOf(s)).toEqual([]);
  });

  it('handles pod metrics older than prev', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 1115, 20, 4 * MIB) }));
    s.store(batch({ container1: point(0, 1125, 40, 4 * MIB) }));
    s.store(batch({ container1: point(0, 115, 10, 4 * MIB) }));
    expect(usageOf(s)).toBeUndefined();
  });

  it('handles pod metrics with prev.ts < new.ts < last.ts', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 115, 10, 4 * MIB) }));
    s.store(batch({ container1: point(0, 125, 50, 5 * MIB) }));
    s.store(batch({ container1: point(0, 120, 35, 5 * MIB) }));
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '5', memory: '5Mi' }, timestampS: 120, windowS: 5 }]);
  });

  it('does not use the start time for a long running container', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 120, 1, 4 * MIB) }));
    expect(s.ready).toBe(false);
  });

  it('uses the start time to return a metric in one cycle for a fresh container', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 10, 10, 4 * MIB) }));
    expect(s.ready).toBe(true);
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '1', memory: '4Mi' }, timestampS: 10, windowS: 10 }]);
  });

  it("gets no metrics in one cycle when a fresh container's start is after the timestamp or less than 10 s before it", () => {
    for (const atS of [-10, 9]) {
      const s = new PodStorage(60_000);
      s.store(batch({ container1: point(0, atS, 10, 4 * MIB) }));
      expect(s.ready).toBe(false);
      expect(usageOf(s)).toBeUndefined();
    }
  });

  it('gets no metrics if not all containers of a pod had a point in the first cycle', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 110, 1, 4 * MIB) }));
    s.store(batch({ container1: point(0, 120, 6, 6 * MIB), container2: point(0, 120, 8, 5 * MIB) }));
    expect(usageOf(s)).toBeUndefined();
  });
});

describe('pod storage across scrapes', () => {
  it('forgets a pod missing from a scrape, also when another pod took its place', () => {
    const s = new PodStorage(60_000);
    const two = (a: string, b: string, at: number, cpu: number): MetricsBatch => ({
      nodes: new Map(),
      pods: new Map([[a, new Map([['c', point(0, at, cpu, MIB)]])], [b, new Map([['c', point(0, at, cpu, MIB)]])]]),
    });
    s.store(two('ns/a', 'ns/b', 100, 1));
    s.store(two('ns/a', 'ns/b', 115, 4));
    expect([...s.getMetrics(['ns/a', 'ns/b']).keys()]).toEqual(['ns/a', 'ns/b']);
    // b gone and c new: as many pods as before, and b's points must not linger.
    s.store(two('ns/a', 'ns/c', 130, 7));
    expect([...s.getMetrics(['ns/a', 'ns/b', 'ns/c']).keys()]).toEqual(['ns/a']);
    // b back later starts over: no pair with the points from before it went missing.
    s.store(two('ns/a', 'ns/b', 145, 10));
    expect([...s.getMetrics(['ns/a', 'ns/b', 'ns/c']).keys()]).toEqual(['ns/a']);
    expect(s.ready).toBe(true);
    s.store({ nodes: new Map(), pods: new Map() });
    expect(s.ready).toBe(false);
  });
});

describe('metrics-server node storage (pkg/storage/node_test.go)', () => {
  it('pairs every scrape of a steady pod with the one before it, and a renamed container with nothing', () => {
    const s = new PodStorage(60_000);
    s.store(batch({ container1: point(0, 100, 1, 4 * MIB) }));
    s.store(batch({ container1: point(0, 115, 4, 4 * MIB) }));
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '200m', memory: '4Mi' }, timestampS: 115, windowS: 15 }]);
    s.store(batch({ container1: point(0, 130, 10, 4 * MIB) }));
    expect(usageOf(s)).toEqual([{ name: 'container1', usage: { cpu: '400m', memory: '4Mi' }, timestampS: 130, windowS: 15 }]);
    // Same number of containers, other name: nothing to pair with.
    s.store(batch({ container2: point(0, 145, 1, 4 * MIB) }));
    expect(usageOf(s)).toBeUndefined();
  });

  it('provides node metrics from two batches, drops a node missing from the last one', () => {
    const s = new NodeStorage();
    const nodes = (at: number, cpu: number) => ({ nodes: new Map([['node1', point(0, at, cpu, 4 * MIB)]]), pods: new Map() });
    s.store(nodes(120, 1));
    expect(s.ready).toBe(false);
    s.store(nodes(125, 6));
    const usage = s.getMetrics(['node1']).get('node1')!;
    expect(usageList(usage)).toEqual({ cpu: '1', memory: '4Mi' });
    expect([usage.timestampMs - START, usage.windowMs]).toEqual([125_000, 5_000]);
    s.store({ nodes: new Map(), pods: new Map() });
    expect(s.getMetrics(['node1']).size).toBe(0);
  });
});
