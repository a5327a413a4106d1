// Mirrors kubernetes pkg/registry/core/service/portallocator/allocator.go (v1.32): NodePorts from
// --service-node-port-range (30000-32767). The static band is min(max(16, size/32), 128) ports:
// 86 for the default range, so random picks come from 30086-32767 first.
import { AllocationBitmap, type BitmapSnapshot, type IntRng } from './allocationBitmap';
import type { AllocError } from './ipAllocator';

/** ERR_PORT_ALLOCATED is portallocator.ErrAllocated. */
export const ERR_PORT_ALLOCATED = 'provided port is already allocated';

/** calculatePortRangeOffset is min(max(16, size/32), 128), 0 for ranges of 16 or fewer. */
export function calculatePortRangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 32)), 128);
}

/** PortAllocatorSnapshot is the serializable state. */
export interface PortAllocatorSnapshot {
  range: string;
  bitmap: BitmapSnapshot;
}

/** PortAllocator hands out ports of `base-last` (inclusive). */
export class PortAllocator {
  readonly base: number;
  readonly size: number;
  private readonly bitmap: AllocationBitmap;

  constructor(
    readonly range = '30000-32767',
    bitmap?: AllocationBitmap,
  ) {
    const [lo, hi] = range.split('-').map(Number);
    this.base = lo;
    this.size = hi - lo + 1;
    this.bitmap = bitmap ?? new AllocationBitmap(this.size, calculatePortRangeOffset(this.size));
  }

  private contains(port: number): boolean {
    return port >= this.base && port < this.base + this.size;
  }

  /** allocate reserves `port`. */
  allocate(port: number): AllocError | undefined {
    if (!this.contains(port)) {
      return { kind: 'NotInRange', message: `provided port is not in the valid range. The range of valid ports is ${this.range}` };
    }
    return this.bitmap.allocate(port - this.base) ? undefined : { kind: 'Allocated', message: ERR_PORT_ALLOCATED };
  }

  /** allocateNext reserves a random free port. */
  allocateNext(rng: IntRng): number | AllocError {
    const offset = this.bitmap.allocateNext(rng);
    return offset === undefined ? { kind: 'Full', message: 'range is full' } : this.base + offset;
  }

  release(port: number): void {
    if (this.contains(port)) this.bitmap.release(port - this.base);
  }

  has(port: number): boolean {
    return this.contains(port) && this.bitmap.has(port - this.base);
  }

  snapshot(): PortAllocatorSnapshot {
    return { range: this.range, bitmap: this.bitmap.snapshot() };
  }

  static restore(snap: PortAllocatorSnapshot): PortAllocator {
    return new PortAllocator(snap.range, AllocationBitmap.restore(snap.bitmap));
  }
}
