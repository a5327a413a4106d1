import { describe, expect, it } from 'vitest';
import { OneContainerPoints, withPoint } from './containerPoints';
import type { MetricsPoint } from './nodeStats';

const point = (cpu: number): MetricsPoint => ({ startTimeMs: 0, timestampMs: 15_000, cumulativeCpuNanoCoreSeconds: cpu, memoryBytes: 4096 });

describe('container points of one pod', () => {
  it('reads like a Map of one entry', () => {
    const p = point(1);
    const one = new OneContainerPoints('nginx', p);
    const map = new Map([['nginx', p]]);
    expect(one.size).toBe(map.size);
    expect(one.get('nginx')).toBe(p);
    expect(one.get('sidecar')).toBeUndefined();
    expect([one.has('nginx'), one.has('sidecar')]).toEqual([true, false]);
    expect([...one]).toEqual([...map]);
    expect([...one.keys()]).toEqual(['nginx']);
    expect([...one.values()]).toEqual([p]);
    const seen: string[] = [];
    one.forEach((value, key) => seen.push(`${key}=${value.cumulativeCpuNanoCoreSeconds}`));
    expect(seen).toEqual(['nginx=1']);
  });

  it('withPoint starts with one entry and becomes a Map at the second container, in insertion order', () => {
    const first = withPoint(undefined, 'app', point(1));
    expect(first).toBeInstanceOf(OneContainerPoints);
    const both = withPoint(first, 'sidecar', point(2));
    expect(both).toBeInstanceOf(Map);
    expect([...both.keys()]).toEqual(['app', 'sidecar']);
    expect(both.get('app')?.cumulativeCpuNanoCoreSeconds).toBe(1);
    expect(first.size).toBe(1); // the one-entry points are not changed
    expect(withPoint(both, 'third', point(3))).toBe(both);
    expect(both.size).toBe(3);
  });
});
