// containerd IDs: 64 lowercase hex digits, like the sha256-shaped IDs `crictl ps` shortens to 13.
import { flat } from '../api/flat';
import type { Rng } from '../sim/rng';

/** newID draws a 64-hex-digit container or sandbox ID from the node's runtime Rng. */
export function newID(rng: Rng): string {
  // Built flat, not with `+=`: a rope of the pieces is ~450 bytes per ID instead of ~80, and
  // every container and sandbox keeps its ID (see api/flat).
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) parts.push(rng.nextU32().toString(16).padStart(8, '0'));
  return flat(...parts);
}
