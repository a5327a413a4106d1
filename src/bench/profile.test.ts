import { describe, expect, it } from 'vitest';
import { areaOf, selfTimeByArea } from './profile';

const frame = (functionName: string, url: string) => ({ functionName, url });

describe('bench profile summary', () => {
  it('names areas after the engine folders, the apiserver by stage', () => {
    expect(areaOf(frame('syncPod', 'file:///r/src/engine/kubelet/kuberuntime/kuberuntimeManager.ts'))).toBe('kubelet');
    expect(areaOf(frame('flush', 'file:///r/src/engine/apiserver/cacher/watcher.ts'))).toBe('apiserver/cacher');
    expect(areaOf(frame('boot', 'file:///r/src/engine/cluster.ts'))).toBe('cluster');
    expect(areaOf(frame('(garbage collector)', ''))).toBe('garbage collection');
    expect(areaOf(frame('run', 'file:///r/src/bench/podsRunning.ts'))).toBe('benchmark harness');
  });

  it('sums sampled self time per area into shares that add up to 1', () => {
    const shares = selfTimeByArea({
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('schedulePod', 'file:///r/src/engine/scheduler/schedulePod.ts') },
        { id: 3, callFrame: frame('(garbage collector)', '') },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [10, 10, 20, 40],
    });
    expect(shares).toEqual([
      { area: 'scheduler', share: 0.75 },
      { area: 'garbage collection', share: 0.25 },
    ]);
  });
});
