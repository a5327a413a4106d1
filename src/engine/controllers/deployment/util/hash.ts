// Mirrors kubernetes pkg/controller/controller_utils.go ComputeHash and
// apimachinery pkg/util/rand SafeEncodeString.

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { stableStringify } from '../../equality';

/** ALPHANUMS is apimachinery rand's alphabet: no vowels (no words), no 0/1/3 (look-alikes). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** fnv32a is the 32-bit FNV-1a hash of `bytes` (hash/fnv New32a). */
export function fnv32a(bytes: ArrayLike<number>, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * safeEncodeString maps every byte of `text` to ALPHANUMS[byte % 27]. Applied to the decimal digits
 * of a hash it only ever yields the ten characters `456789bcdf`, which is why every
 * pod-template-hash looks like `7854ff8877`.
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const byte of utf8(text)) out += ALPHANUMS[byte % ALPHANUMS.length];
  return out;
}

/**
 * computeHash is the pod-template-hash: FNV-32a over a canonical dump of the template, plus the
 * collision count as 8 bytes (little-endian uint32, then zeros) when set, printed in decimal and
 * safe-encoded. Upstream dumps the Go struct with go-spew; we hash a canonical JSON instead, so the
 * values have the real shape but not the real digits (naming_facts.json: not reproducible).
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(utf8(stableStringify(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const count = collisionCount >>> 0;
    const bytes = [count & 0xff, (count >>> 8) & 0xff, (count >>> 16) & 0xff, (count >>> 24) & 0xff, 0, 0, 0, 0];
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/** utf8 encodes a string as UTF-8 bytes (no TextEncoder: the engine stays free of web APIs). */
export function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}
