// goSort must sort, keep ties in order for <= 12 items (Go's insertion-sort range), and reproduce
// pdqsort beyond that: the exact tie order for 18 events is checked byte-for-byte against the real
// kubectl in describe.golden.test.ts (deployment-many-events).
import { describe, expect, it } from 'vitest';
import { goSort } from './goSort';

describe('goSort', () => {
  it('is stable for short slices, like Go insertion sort', () => {
    const items = [3, 1, 2, 1, 3, 2, 1].map((key, i) => ({ key, i }));
    const sorted = goSort([...items], (a, b) => a.key < b.key);
    expect(sorted.map((x) => x.i)).toEqual([1, 3, 6, 2, 5, 0, 4]);
  });
  it('sorts long slices with duplicates (pdqsort, partitionEqual and heapsort paths)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const length of [13, 50, 200, 1000]) {
      const values = Array.from({ length }, () => next() % 17);
      expect(goSort([...values], (a, b) => a < b)).toEqual([...values].sort((a, b) => a - b));
    }
    const descending = Array.from({ length: 300 }, (_, i) => 300 - i);
    expect(goSort([...descending], (a, b) => a < b)).toEqual([...descending].reverse());
  });
});
