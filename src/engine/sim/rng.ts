/**
 * Rng is the engine's only source of randomness: a seeded sfc32 generator. Each component gets its
 * own stream with `fork('scheduler')`, derived from the parent seed and the name only, so adding a
 * component or drawing more numbers in one never shifts another's stream (as TigerBeetle's VOPR
 * derives one sub-seed per subsystem).
 *
 * @example
 * const rng = new Rng(42);
 * const schedulerRng = rng.fork('kube-scheduler');
 * schedulerRng.int(3); // 0, 1 or 2, the same every run with seed 42
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    // splitmix32 expands the seed into sfc32's four words.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** fork returns an independent stream named `name`; the same name always gives the same stream. */
  fork(name: string): Rng {
    return new Rng(fnv1a32(`${this.seed}/${name}`));
  }

  /** nextU32 returns a uniform 32-bit unsigned integer (sfc32 step). */
  nextU32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** float returns a uniform number in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** int returns a uniform integer in [0, n) for 0 < n ≤ 2^32 (rejection sampling, no modulo bias). */
  int(n: number): number {
    if (n <= 1) return 0;
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextU32();
    while (x >= limit) x = this.nextU32();
    return x % n;
  }

  /** intBetween returns a uniform integer in [min, max] inclusive. */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** pick returns a uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** string returns n characters drawn uniformly from `alphabet`. */
  string(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** state and restore let snapshots (the player's seek) capture the stream position. */
  state(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  restore(words: readonly [number, number, number, number]): void {
    [this.a, this.b, this.c, this.d] = words;
  }
}

/** fnv1a32 is the 32-bit FNV-1a hash of the UTF-16 code units of `text` (used to derive seeds). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
