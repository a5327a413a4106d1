import type { Marker } from '../../player/markers';

/** nextMarkerTime is the first marker strictly after `t` (undefined at the end). */
export function nextMarkerTime(markers: readonly Marker[], t: number): number | undefined {
  let best: number | undefined;
  for (const m of markers) if (m.t > t && (best === undefined || m.t < best)) best = m.t;
  return best;
}

/** previousMarkerTime is the last marker strictly before `t` (0 when none). */
export function previousMarkerTime(markers: readonly Marker[], t: number): number {
  let best = 0;
  for (const m of markers) if (m.t < t && m.t > best) best = m.t;
  return best;
}

/** formatSimTime prints sim ms as m:ss.s for the player (negative never happens after boot). */
export function formatSimTime(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const minutes = Math.floor(total / 60);
  const seconds = total - minutes * 60;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}
