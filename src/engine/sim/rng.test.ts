import { describe, expect, it } from 'vitest';
import { fnv1a32, Rng } from './rng';

describe('Rng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, ((r) => () => r.nextU32())(new Rng(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('forks streams that depend only on the parent seed and the name', () => {
    const parent = new Rng(7);
    const before = parent.fork('kube-scheduler').nextU32();
    parent.nextU32();
    parent.fork('kubelet');
    expect(parent.fork('kube-scheduler').nextU32()).toBe(before);
    expect(parent.fork('kubelet').nextU32()).not.toBe(before);
  });

  it('draws int(n) uniformly: each of 27 buckets within 10% of the mean over 270k draws', () => {
    const rng = new Rng(1);
    const counts = new Array(27).fill(0);
    for (let i = 0; i < 270_000; i++) counts[rng.int(27)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(1_000);
  });

  it('restores a saved position', () => {
    const rng = new Rng(9);
    rng.nextU32();
    const saved = rng.state();
    const next = [rng.nextU32(), rng.nextU32()];
    rng.restore(saved);
    expect([rng.nextU32(), rng.nextU32()]).toEqual(next);
  });

  it('hashes with FNV-1a 32 (offset basis for empty input, known vector for "a")', () => {
    expect(fnv1a32('')).toBe(2166136261);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });
});
