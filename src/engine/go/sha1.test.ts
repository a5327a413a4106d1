import { describe, expect, it } from 'vitest';
import { sha1 } from './sha1';
import { utf8 } from './sha256';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// FIPS 180-4 test vectors, as Go's crypto/sha1 passes them.
describe('sha1', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ])('sha1(%j)', (input, digest) => {
    expect(hex(sha1(utf8(input)))).toBe(digest);
  });
});
