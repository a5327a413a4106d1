import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32Encode } from './base32';
import { hex, sha256, utf8 } from './sha256';

describe('sha256 (FIPS 180-4 test vectors, and against node:crypto)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('sha256(%j)', (input, digest) => {
    expect(hex(sha256(utf8(input)))).toBe(digest);
  });

  it('matches node:crypto for lengths around the 55/56/64-byte padding edges', () => {
    for (let n = 0; n < 200; n++) {
      const text = 'k'.repeat(n) + 'é';
      expect(hex(sha256(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('base32 StdEncoding (RFC 4648 section 10 vectors)', () => {
  it.each([
    ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='], ['foob', 'MZXW6YQ='], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
  ])('base32(%j) = %j', (input, encoded) => {
    expect(base32Encode(utf8(input))).toBe(encoded);
  });
});
