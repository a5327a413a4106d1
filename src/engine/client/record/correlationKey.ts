/**
 * correlationKey stands for the string keys of client-go's EventCorrelator caches (getEventKey,
 * getSpamKey: the event's source, object, type, reason and message joined). A simulated cluster
 * keeps every kubelet's caches in one heap, and those strings were ~1 KiB per pod at 150,000
 * pods, so each key is a 53-bit hash of its parts instead: two 32-bit FNV-1a style hashes with
 * different primes over the UTF-16 code units, parts separated by a code unit no text uses. A
 * recorder holds at most 4,096 keys per cache, which makes a collision (two events counted as
 * one) a ~1e-9 event per recorder.
 */
export function correlationKey(...parts: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x2f6b9c47;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xffff, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}
