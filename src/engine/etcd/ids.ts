import { fnv1a32 } from '../sim/rng';

/** hexId derives a stable 64-bit-looking hex id (etcd derives real ones from a SHA-1 of the URLs). */
export function hexId(text: string): string {
  const hi = fnv1a32(text).toString(16).padStart(8, '0');
  const lo = fnv1a32(`${text}#lo`).toString(16).padStart(8, '0');
  return hi + lo;
}
