// Mirrors kubernetes pkg/registry/core/service/allocator/bitmap.go (v1.32): a set of taken
// offsets in [0, max) with the "random scan with offset" strategy: dynamic allocations prefer the
// upper band [offset, max) so the lower band stays free for static (user-chosen) values.

/** IntRng is the part of the sim Rng an allocator needs: uniform integer in [0, n). */
export interface IntRng {
  int(n: number): number;
}

/** BitmapSnapshot is the serializable state: taken offsets, ascending. */
export interface BitmapSnapshot {
  max: number;
  offset: number;
  allocated: number[];
}

/** AllocationBitmap keeps taken offsets in a Set; snapshots list them sorted. */
export class AllocationBitmap {
  private readonly taken = new Set<number>();

  constructor(
    readonly max: number,
    readonly offset: number,
  ) {}

  /** count is the number of taken offsets. */
  get count(): number {
    return this.taken.size;
  }

  /** free is max − count. */
  free(): number {
    return this.max - this.taken.size;
  }

  has(offset: number): boolean {
    return this.taken.has(offset);
  }

  /** allocate takes a specific offset; false when already taken. */
  allocate(offset: number): boolean {
    if (this.taken.has(offset)) return false;
    this.taken.add(offset);
    return true;
  }

  release(offset: number): void {
    this.taken.delete(offset);
  }

  /**
   * allocateNext picks a random free offset: a random start in the upper band scanning forward
   * (wrapping inside the band), then the same in the lower band. undefined when full.
   * Example: max 1048574, offset 256 → first tries start = rng.int(1048318), at = 256 + start.
   */
  allocateNext(rng: IntRng): number | undefined {
    if (this.taken.size >= this.max) return undefined;
    const found = this.offset > 0 ? this.scanWithOffset(rng) : this.scan(rng, 0, this.max);
    if (found !== undefined) this.taken.add(found);
    return found;
  }

  private scanWithOffset(rng: IntRng): number | undefined {
    const upper = this.scan(rng, this.offset, this.max - this.offset);
    return upper !== undefined ? upper : this.scan(rng, 0, this.offset);
  }

  private scan(rng: IntRng, base: number, size: number): number | undefined {
    if (size <= 0) return undefined;
    const start = rng.int(size);
    for (let i = 0; i < size; i++) {
      const at = base + ((start + i) % size);
      if (!this.taken.has(at)) return at;
    }
    return undefined;
  }

  snapshot(): BitmapSnapshot {
    return { max: this.max, offset: this.offset, allocated: [...this.taken].sort((a, b) => a - b) };
  }

  static restore(snap: BitmapSnapshot): AllocationBitmap {
    const bitmap = new AllocationBitmap(snap.max, snap.offset);
    for (const o of snap.allocated) bitmap.taken.add(o);
    return bitmap;
  }
}
