import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ProcessBehavior } from '../registry/types';
import type { ContainerRecord } from '../runtime/types';
import { LoadModel } from './loadModel';
import { EMPTY_LOAD_STATE, withLoad, type LoadState } from './loadState';
import { NodeStats, SYSTEM_USAGE } from './nodeStats';

const MIB = 2 ** 20;
const behavior = (cpuMillicores: number, memoryBytes: number, extra: Partial<ProcessBehavior> = {}): ProcessBehavior => ({ mode: 'serve', exitCode: 0, runMs: 0, readyAfterMs: 0, ports: [], memoryBytes, cpuMillicores, logs: [], ...extra });
const container = (id: string, pod: string, name: string, startedAtMs: number, b: ProcessBehavior): ContainerRecord => ({
  id, sandboxId: 's', podUid: pod, podName: pod, podNamespace: 'default', name, attempt: 0, image: 'nginx', imageRef: 'nginx@sha256:x', hash: 'h',
  state: 'CONTAINER_RUNNING', createdAtMs: startedAtMs, startedAtMs, env: [], argv: [], behavior: b,
});
const pod = (name: string): Pod => ({ metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });

function setup(containers: ContainerRecord[], state: LoadState = EMPTY_LOAD_STATE, cpu = '4') {
  const pods = [pod('a'), pod('b')];
  let load = state;
  const model = new LoadModel(() => load, { get: (_ns, n) => pods.find((p) => p.metadata?.name === n), list: () => pods });
  return { stats: new NodeStats({ listContainers: () => containers }, model, cpu, 0), setLoad: (s: LoadState) => (load = s) };
}

describe('NodeStats (the kubelet resource metrics metrics-server scrapes)', () => {
  it('integrates idle usage since each container started, plus the node overhead', () => {
    const { stats } = setup([container('1', 'a', 'app', 5_000, behavior(2, 8 * MIB))]);
    const batch = stats.collect(15_000);
    const point = batch.pods.get('default/a')!.get('app')!;
    // 2 millicores for 10 s = 0.02 core-seconds = 2e7 core-nanoseconds.
    expect(point).toEqual({ startTimeMs: 5_000, timestampMs: 15_000, cumulativeCpuNanoCoreSeconds: 2e7, memoryBytes: 8 * MIB });
    expect(batch.node.cumulativeCpuNanoCoreSeconds).toBe(2e7 + SYSTEM_USAGE.cpuMilli * 15_000 * 1000);
    expect(batch.node.memoryBytes).toBe(SYSTEM_USAGE.memoryBytes + 8 * MIB);
  });

  it('adds the load to the first container, capped by its limit, from the next collection on', () => {
    const { stats, setLoad } = setup([container('1', 'a', 'app', 0, behavior(1, 8 * MIB)), container('2', 'a', 'sidecar', 0, behavior(1, 2 * MIB))]);
    stats.collect(10_000);
    setLoad(withLoad(EMPTY_LOAD_STATE, { namespace: 'default', deployment: 'web', selector: 'app=web', cpu: { amount: 250, mode: 'perPod' }, sinceMs: 10_000 }));
    const batch = stats.collect(25_000);
    const [app, sidecar] = ['app', 'sidecar'].map((n) => batch.pods.get('default/a')!.get(n)!.cumulativeCpuNanoCoreSeconds);
    expect(app - 1 * 10_000 * 1000).toBe(251 * 15_000 * 1000);
    expect(sidecar).toBe(1 * 25_000 * 1000);
  });

  it('shares the cores when the pods want more than the node has', () => {
    const { stats } = setup([container('1', 'a', 'app', 0, behavior(3000, MIB)), container('2', 'b', 'app', 0, behavior(3000, MIB))], EMPTY_LOAD_STATE, '2');
    const batch = stats.collect(1_000);
    const each = batch.pods.get('default/a')!.get('app')!.cumulativeCpuNanoCoreSeconds;
    // (2000m − 40m system) shared by two containers wanting 3000m each → 980m each.
    expect(each).toBe(980 * 1_000 * 1000);
  });

  it('writes into the scrape batch it is given; a pod already there from another node keeps that node\'s points', () => {
    const first = setup([container('1', 'a', 'app', 0, behavior(1, MIB))]).stats;
    const second = setup([container('2', 'a', 'app', 0, behavior(5, 2 * MIB)), container('3', 'b', 'app', 0, behavior(2, MIB))]).stats;
    const batch = new Map();
    first.collect(10_000, batch);
    const answer = second.collect(10_000, batch);
    expect(answer.pods).toBe(batch);
    expect(batch.get('default/a').get('app').cumulativeCpuNanoCoreSeconds).toBe(1 * 10_000 * 1000);
    expect(batch.get('default/b').get('app').cumulativeCpuNanoCoreSeconds).toBe(2 * 10_000 * 1000);
    // The second node's container of pod a still counted its CPU (node total and its own counter).
    expect(answer.node.cumulativeCpuNanoCoreSeconds).toBe((5 + 2 + SYSTEM_USAGE.cpuMilli) * 10_000 * 1000);
    expect(second.collect(20_000).pods.get('default/a')!.get('app')!.cumulativeCpuNanoCoreSeconds).toBe(5 * 20_000 * 1000);
  });

  it('starts a restarted container (a new record) from zero', () => {
    const old = container('1', 'a', 'app', 0, behavior(10, MIB));
    const records = [old];
    const { stats } = setup(records);
    stats.collect(10_000);
    records[0] = { ...old, state: 'CONTAINER_EXITED' };
    records.push(container('2', 'a', 'app', 12_000, behavior(10, MIB)));
    const point = stats.collect(20_000).pods.get('default/a')!.get('app')!;
    expect(point).toMatchObject({ startTimeMs: 12_000, cumulativeCpuNanoCoreSeconds: 10 * 8_000 * 1000 });
  });

  it('grows the working set of an oom process until its limit', () => {
    const c = { ...container('1', 'a', 'app', 0, behavior(0, 16 * MIB, { mode: 'oom', memoryGrowthBytesPerSec: 8 * MIB })), memoryLimitBytes: 64 * MIB };
    const { stats } = setup([c]);
    expect(stats.collect(2_000).pods.get('default/a')!.get('app')!.memoryBytes).toBe(32 * MIB);
    expect(stats.collect(20_000).pods.get('default/a')!.get('app')!.memoryBytes).toBe(64 * MIB);
  });
});
