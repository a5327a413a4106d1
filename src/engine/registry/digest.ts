// Fake but well-formed content digests. The simulator never downloads anything, so it cannot
// know real digests; it derives a stable one from the image's identity instead.
import { fnv1a32 } from '../sim/rng';
import { flat } from '../api/flat';

/**
 * FAKE_DIGEST_SUFFIX ends every simulated digest. A real sha256 ending in 16 zero hex digits has
 * a 1 in 2^64 chance, so anyone reading `…0000000000000000` can tell it is not a real image.
 */
export const FAKE_DIGEST_SUFFIX = '0000000000000000';

/**
 * fakeDigest returns `sha256:<48 hex from the seed><16 zeros>`, the same for the same seed on
 * every run and machine. Tags that point at the same image share one seed, hence one digest.
 *
 * @example
 * fakeDigest('docker.io/library/nginx@1.27.3'); // 'sha256:…0000000000000000'
 */
export function fakeDigest(seed: string): string {
  let digest = digests.get(seed);
  if (digest !== undefined) return digest;
  let hex = '';
  for (let i = 0; hex.length < 48; i++) hex += fnv1a32(`${seed}#${i}`).toString(16).padStart(8, '0');
  digest = flat('sha256:', hex.slice(0, 48), FAKE_DIGEST_SUFFIX);
  if (digests.size >= 1024) digests.clear();
  digests.set(seed, digest);
  return digest;
}

/**
 * digests: one flat string per seed. Every node resolves the same few images, and the digest
 * built piece by piece was a rope of ~26 nodes (~830 bytes) kept by each node's image store.
 * Bounded, as a browser tab may run many clusters.
 */
const digests = new Map<string, string>();
