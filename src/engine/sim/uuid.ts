import type { Rng } from './rng';

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 0x2d;
const FOUR = 0x34;
/** codes is the one buffer every uuid is spelled into (the engine is single-threaded). */
const codes = new Array<number>(36).fill(0);

/** spell writes the top `n` hex digits of a 32-bit draw at `at` and returns the next position. */
function spell(at: number, draw: number, n: number): number {
  for (let i = 0; i < n; i++) codes[at + i] = HEX_CODES[(draw >>> (28 - 4 * i)) & 15]!;
  return at + n;
}

/**
 * uuidV4 draws a version-4 UUID from a seeded stream (upstream: google/uuid), so object uids and
 * leader-election identities stay reproducible for a seed. Draw order: the variant nibble, then
 * six 32-bit draws whose top digits fill the groups. The string is built from character codes in
 * one go: it is flat (a template or concatenation would be a rope of its pieces, ~500 bytes
 * retained per object uid instead of ~50) and there is one uid per object and per event.
 */
export function uuidV4(rng: Rng): string {
  const variant = 8 + rng.int(4);
  let at = spell(0, rng.nextU32(), 8);
  codes[at++] = DASH;
  at = spell(at, rng.nextU32(), 4);
  codes[at++] = DASH;
  codes[at++] = FOUR;
  at = spell(at, rng.nextU32(), 3);
  codes[at++] = DASH;
  codes[at++] = HEX_CODES[variant]!;
  at = spell(at, rng.nextU32(), 3);
  codes[at++] = DASH;
  at = spell(at, rng.nextU32(), 8);
  spell(at, rng.nextU32(), 4);
  return String.fromCharCode.apply(null, codes);
}
