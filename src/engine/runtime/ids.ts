// containerd IDs: 64 lowercase hex digits, like the sha256-shaped IDs `crictl ps` shortens to 13.
import type { Rng } from '../sim/rng';

/** newID draws a 64-hex-digit container or sandbox ID from the node's runtime Rng. */
export function newID(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += rng.nextU32().toString(16).padStart(8, '0');
  return hex;
}
