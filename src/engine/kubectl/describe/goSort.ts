// Mirrors Go's sort.Sort (src/sort/zsortinterface.go, pattern-defeating quicksort, Go 1.23 as
// kubectl v1.32 is built with). kubectl sorts describe events with sort.Sort, which is NOT
// stable: events with equal lastTimestamp keep their list order only while there are at most 12
// of them (insertion sort); beyond that the order is what pdqsort leaves. Reproducing the exact
// algorithm keeps long event tables byte-identical.

type Less<T> = (a: T, b: T) => boolean;

interface Data<T> {
  items: T[];
  less: Less<T>;
}

const lessAt = <T>(d: Data<T>, i: number, j: number) => d.less(d.items[i], d.items[j]);
function swap<T>(d: Data<T>, i: number, j: number): void {
  const t = d.items[i];
  d.items[i] = d.items[j];
  d.items[j] = t;
}

function insertionSort<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(d, j, j - 1); j--) swap(d, j, j - 1);
}

function siftDown<T>(d: Data<T>, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && lessAt(d, first + child, first + child + 1)) child++;
    if (!lessAt(d, first + root, first + child)) return;
    swap(d, first + root, first + child);
    root = child;
  }
}

function heapSort<T>(d: Data<T>, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    swap(d, a, a + i);
    siftDown(d, 0, i, a);
  }
}

/** bitLength is math/bits.Len. */
const bitLength = (n: number) => (n === 0 ? 0 : Math.floor(Math.log2(n)) + 1);

/** breakPatterns swaps three middle elements with pseudo-random ones (xorshift64 seeded by length). */
function breakPatterns<T>(d: Data<T>, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  const mask64 = (1n << 64n) - 1n;
  let random = BigInt(length);
  const modulus = BigInt(2 ** bitLength(length));
  for (let idx = a + Math.trunc(length / 4) * 2 - 1; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
    random ^= (random << 13n) & mask64;
    random ^= random >> 7n;
    random ^= (random << 17n) & mask64;
    let other = Number(random & (modulus - 1n));
    if (other >= length) other -= length;
    swap(d, idx, a + other);
  }
}

type Hint = 'unknown' | 'increasing' | 'decreasing';

function choosePivot<T>(d: Data<T>, a: number, b: number): [number, Hint] {
  const l = b - a;
  const state = { swaps: 0 };
  const order2 = (x: number, y: number): [number, number] => {
    if (lessAt(d, y, x)) {
      state.swaps++;
      return [y, x];
    }
    return [x, y];
  };
  const median = (x: number, y: number, z: number) => {
    [x, y] = order2(x, y);
    [y, z] = order2(y, z);
    [x, y] = order2(x, y);
    return y;
  };
  let i = a + Math.trunc(l / 4) * 1;
  let j = a + Math.trunc(l / 4) * 2;
  let k = a + Math.trunc(l / 4) * 3;
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  if (state.swaps === 0) return [j, 'increasing'];
  return [j, state.swaps === 12 ? 'decreasing' : 'unknown'];
}

function reverseRange<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) swap(d, i, j);
}

function partialInsertionSort<T>(d: Data<T>, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !lessAt(d, i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    swap(d, i, i - 1);
    if (i - a >= 2) for (let j = i - 1; j >= 1 && lessAt(d, j, j - 1); j--) swap(d, j, j - 1);
    if (b - i >= 2) for (let j = i + 1; j < b && lessAt(d, j, j - 1); j++) swap(d, j, j - 1);
  }
  return false;
}

function partition<T>(d: Data<T>, a: number, b: number, pivot: number): [number, boolean] {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && lessAt(d, i, a)) i++;
  while (i <= j && !lessAt(d, j, a)) j--;
  if (i > j) {
    swap(d, j, a);
    return [j, true];
  }
  swap(d, i++, j--);
  for (;;) {
    while (i <= j && lessAt(d, i, a)) i++;
    while (i <= j && !lessAt(d, j, a)) j--;
    if (i > j) break;
    swap(d, i++, j--);
  }
  swap(d, j, a);
  return [j, false];
}

function partitionEqual<T>(d: Data<T>, a: number, b: number, pivot: number): number {
  swap(d, a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !lessAt(d, a, i)) i++;
    while (i <= j && lessAt(d, a, j)) j--;
    if (i > j) return i;
    swap(d, i++, j--);
  }
}

function pdqsort<T>(d: Data<T>, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) return insertionSort(d, a, b);
    if (limit === 0) return heapSort(d, a, b);
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === 'decreasing') {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = 'increasing';
    }
    if (wasBalanced && wasPartitioned && hint === 'increasing' && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !lessAt(d, a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const balanceThreshold = Math.trunc(length / 8);
    if (mid - a < b - mid) {
      wasBalanced = mid - a >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = b - mid >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/**
 * goSort sorts `items` in place exactly as Go's sort.Sort would with `less`, and returns it.
 * @example goSort([3, 1, 2], (a, b) => a < b) // [1, 2, 3]
 */
export function goSort<T>(items: T[], less: Less<T>): T[] {
  if (items.length > 1) pdqsort({ items, less }, 0, items.length, bitLength(items.length));
  return items;
}
