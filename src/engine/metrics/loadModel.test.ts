import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { LoadModel, type PodView } from './loadModel';
import { EMPTY_LOAD_STATE, withLoad, type LoadState, type LoadTarget } from './loadState';

function pod(name: string, ready: boolean, extra: { labels?: Record<string, string>; limits?: Record<string, string>; deleting?: boolean } = {}): Pod {
  return {
    metadata: { name, namespace: 'default', labels: extra.labels ?? { app: 'web' }, ...(extra.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx', resources: extra.limits ? { limits: extra.limits } : {} }, { name: 'sidecar', image: 'busybox' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

function view(pods: Pod[]): PodView & { lists: number } {
  const v = {
    lists: 0,
    get: (namespace: string, name: string) => pods.find((p) => p.metadata?.namespace === namespace && p.metadata?.name === name),
    list: (namespace: string) => {
      v.lists++;
      return pods.filter((p) => p.metadata?.namespace === namespace);
    },
  };
  return v;
}

const target = (t: Partial<LoadTarget>): LoadTarget => ({ namespace: 'default', deployment: 'web', selector: 'app=web', sinceMs: 0, ...t });

describe('LoadModel', () => {
  it('puts a per-pod load on every pod of the Deployment, on its first container', () => {
    const state = withLoad(EMPTY_LOAD_STATE, target({ cpu: { amount: 300, mode: 'perPod' } }));
    const model = new LoadModel(() => state, view([pod('a', true), pod('b', false), pod('other', true, { labels: { app: 'db' } })]));
    expect(model.podLoad('default', 'a', 0)).toEqual({ container: 'app', cpuMilli: 300, memoryBytes: 0, cpuLimitMilli: undefined, memoryLimitBytes: undefined });
    expect(model.podLoad('default', 'b', 0)?.cpuMilli).toBe(300);
    expect(model.podLoad('default', 'other', 0)).toBeUndefined();
    expect(model.podLoad('kube-system', 'a', 0)).toBeUndefined();
  });

  it('spreads a total load over the Ready, non-terminating pods (counted once per instant)', () => {
    const state = withLoad(EMPTY_LOAD_STATE, target({ cpu: { amount: 900, mode: 'total' }, memory: { amount: 64 * 2 ** 20, mode: 'perPod' } }));
    const pods = view([pod('a', true), pod('b', true), pod('c', true), pod('d', false), pod('e', true, { deleting: true })]);
    const model = new LoadModel(() => state, pods);
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => model.podLoad('default', n, 1000)?.cpuMilli ?? 0)).toEqual([300, 300, 300, 0, 0]);
    expect(model.podLoad('default', 'd', 1000)?.memoryBytes).toBe(64 * 2 ** 20);
    expect(pods.lists).toBe(1);
  });

  it('reports the container limits that cap the load', () => {
    const state: LoadState = withLoad(EMPTY_LOAD_STATE, target({ cpu: { amount: 2000, mode: 'perPod' } }));
    const model = new LoadModel(() => state, view([pod('a', true, { limits: { cpu: '500m', memory: '128Mi' } })]));
    expect(model.podLoad('default', 'a', 0)).toMatchObject({ cpuMilli: 2000, cpuLimitMilli: 500, memoryLimitBytes: 128 * 2 ** 20 });
  });

  it('withLoad replaces the load on a Deployment and an empty load removes it', () => {
    let state = withLoad(EMPTY_LOAD_STATE, target({ deployment: 'web', cpu: { amount: 1, mode: 'perPod' } }));
    state = withLoad(state, target({ deployment: 'api', cpu: { amount: 2, mode: 'perPod' } }));
    state = withLoad(state, target({ deployment: 'web', cpu: { amount: 3, mode: 'total' } }));
    expect(state.targets.map((t) => `${t.deployment}=${t.cpu?.amount}`)).toEqual(['api=2', 'web=3']);
    expect(withLoad(state, target({ deployment: 'api' })).targets.map((t) => t.deployment)).toEqual(['web']);
  });
});
