// Mirrors kubernetes pkg/registry/core/service/ipallocator/bitmap.go and interfaces.go (v1.32):
// the ClusterIP range allocator for --service-cluster-ip-range (default here 10.96.0.0/12).
// The network address and (IPv4) the broadcast address are never handed out.
import { AllocationBitmap, type BitmapSnapshot, type IntRng } from './allocationBitmap';

/** AllocError is an allocator failure with the upstream text. */
export interface AllocError {
  kind: 'NotInRange' | 'Allocated' | 'Full';
  message: string;
}

/** ERR_IP_ALLOCATED and ERR_FULL are ipallocator.ErrAllocated / ErrFull. */
export const ERR_IP_ALLOCATED = 'provided IP is already allocated';
export const ERR_FULL = 'range is full';
/** KUBERNETES_SERVICE_IP and KUBE_DNS_IP are the first and tenth address of 10.96.0.0/12. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const KUBE_DNS_IP = '10.96.0.10';

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** calculateRangeOffset is min(max(16, size/16), 256), 0 for ranges of 16 or fewer addresses. */
export function calculateRangeOffset(size: number): number {
  if (size <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / 16)), 256);
}

/** IPAllocatorSnapshot is the serializable state (RangeAllocation). */
export interface IPAllocatorSnapshot {
  range: string;
  bitmap: BitmapSnapshot;
}

/** IPAllocator hands out IPv4 addresses of one CIDR. */
export class IPAllocator {
  private readonly network: number;
  private readonly bitmap: AllocationBitmap;

  constructor(
    readonly cidr = '10.96.0.0/12',
    bitmap?: AllocationBitmap,
  ) {
    const [ip, bits] = cidr.split('/');
    const prefix = Number(bits);
    const size = 2 ** (32 - prefix);
    this.network = Math.floor((ipToInt(ip) ?? 0) / size) * size;
    this.bitmap = bitmap ?? new AllocationBitmap(Math.max(0, size - 2), calculateRangeOffset(size));
  }

  private offsetOf(ip: string): number | undefined {
    const n = ipToInt(ip);
    if (n === undefined) return undefined;
    const offset = n - (this.network + 1);
    return offset >= 0 && offset < this.bitmap.max ? offset : undefined;
  }

  /** allocate reserves `ip`; errors carry the upstream texts. */
  allocate(ip: string): AllocError | undefined {
    const offset = this.offsetOf(ip);
    if (offset === undefined) {
      return { kind: 'NotInRange', message: `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}` };
    }
    return this.bitmap.allocate(offset) ? undefined : { kind: 'Allocated', message: ERR_IP_ALLOCATED };
  }

  /** allocateNext reserves a random free IP (upper band first). */
  allocateNext(rng: IntRng): string | AllocError {
    const offset = this.bitmap.allocateNext(rng);
    if (offset === undefined) return { kind: 'Full', message: ERR_FULL };
    return intToIp(this.network + 1 + offset);
  }

  release(ip: string): void {
    const offset = this.offsetOf(ip);
    if (offset !== undefined) this.bitmap.release(offset);
  }

  has(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.bitmap.has(offset);
  }

  /** used and free count addresses. */
  used(): number {
    return this.bitmap.count;
  }

  free(): number {
    return this.bitmap.free();
  }

  snapshot(): IPAllocatorSnapshot {
    return { range: this.cidr, bitmap: this.bitmap.snapshot() };
  }

  static restore(snap: IPAllocatorSnapshot): IPAllocator {
    return new IPAllocator(snap.range, AllocationBitmap.restore(snap.bitmap));
  }
}
