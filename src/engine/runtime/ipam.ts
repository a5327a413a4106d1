// Mirrors containernetworking/plugins plugins/ipam/host-local (range allocator): pod IPs come from
// the node's podCIDR, the first address is the bridge gateway, allocation continues after the last
// one handed out and wraps around, skipping addresses still in use.

/**
 * HostLocalIPAM allocates from a /24 such as 10.244.1.0/24: .1 is the cni0 gateway, pods get
 * .2 … .254.
 *
 * @example
 * const ipam = new HostLocalIPAM('10.244.1.0/24');
 * ipam.allocate('uid-a'); // '10.244.1.2'
 */
export class HostLocalIPAM {
  private readonly prefix: string;
  private readonly inUse = new Map<number, string>();
  private last = 1;

  constructor(cidr: string) {
    const [network] = cidr.split('/');
    this.prefix = network.split('.').slice(0, 3).join('.');
  }

  get gateway(): string {
    return `${this.prefix}.1`;
  }

  /** allocate returns an IP for `owner`, or undefined when the range is exhausted. */
  allocate(owner: string): string | undefined {
    for (let step = 1; step <= 253; step++) {
      const host = ((this.last - 2 + step) % 253) + 2;
      if (this.inUse.has(host)) continue;
      this.inUse.set(host, owner);
      this.last = host;
      return `${this.prefix}.${host}`;
    }
    return undefined;
  }

  release(ip: string): void {
    this.inUse.delete(Number(ip.split('.')[3]));
  }
}
