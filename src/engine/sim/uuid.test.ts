import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { uuidV4 } from './uuid';

/** The draw-by-draw spelling uuidV4 must keep: traces and saved scenarios hold its uids. */
function reference(rng: Rng): string {
  const variant = (8 + rng.int(4)).toString(16);
  const hex = (n: number) => rng.nextU32().toString(16).padStart(8, '0').slice(0, n);
  const [a, b, c, d, e, f] = [hex(8), hex(4), hex(3), hex(3), hex(8), hex(4)];
  return `${a}-${b}-4${c}-${variant}${d}-${e}${f}`;
}

describe('uuidV4', () => {
  it('is an RFC 4122 version-4 UUID spelled from the seeded draws', () => {
    const got = new Rng(7);
    const want = new Rng(7);
    for (let i = 0; i < 2_000; i++) {
      const uid = uuidV4(got);
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uid).toBe(reference(want));
    }
    // Both streams consumed the same draws.
    expect(got.nextU32()).toBe(want.nextU32());
  });

  it('is the same for a seed and differs between draws', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const first = uuidV4(a);
    expect(uuidV4(b)).toBe(first);
    expect(uuidV4(a)).not.toBe(first);
  });
});
