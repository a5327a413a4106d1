// containerd IDs: 64 lowercase hex digits, like the sha256-shaped IDs `crictl ps` shortens to 13.
import type { Rng } from '../sim/rng';

/** newID draws a 64-hex-digit container or sandbox ID from the node's runtime Rng. */
export function newID(rng: Rng): string {
  // Joined, not `+=`: V8 keeps an appended string as a rope of its pieces (~450 bytes per ID
  // instead of ~80), and every container and sandbox keeps its ID.
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) parts.push(rng.nextU32().toString(16).padStart(8, '0'));
  return parts.join('');
}
