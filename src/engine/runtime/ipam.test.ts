import { describe, expect, it } from 'vitest';
import { HostLocalIPAM } from './ipam';

// containernetworking/plugins host-local: sequential after the last allocation, gateway .1 reserved.
describe('HostLocalIPAM', () => {
  it('hands out .2, .3 … continuing after the last one, reusing released addresses only after wrapping', () => {
    const ipam = new HostLocalIPAM('10.244.1.0/24');
    expect(ipam.gateway).toBe('10.244.1.1');
    const a = ipam.allocate('a');
    const b = ipam.allocate('b');
    ipam.release(a!);
    expect([a, b, ipam.allocate('c')]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('wraps around and reports exhaustion of the 253 pod addresses', () => {
    const ipam = new HostLocalIPAM('10.244.7.0/24');
    const all = Array.from({ length: 253 }, (_, i) => ipam.allocate(`p${i}`));
    expect(all.at(-1)).toBe('10.244.7.254');
    expect(ipam.allocate('extra')).toBeUndefined();
    ipam.release('10.244.7.10');
    expect(ipam.allocate('again')).toBe('10.244.7.10');
  });
});
