// A model of how long containerd takes to pull an image, so pulls in the simulator take
// realistic time: registry round trips, downloading the compressed bytes, one request per
// layer (three at a time, containerd's max_concurrent_downloads) and unpacking.

/** PullModel are the network and disk numbers of the node. */
export interface PullModel {
  /** bandwidthBytesPerSec: the node's download speed; 80 MB/s is a good laptop link. */
  bandwidthBytesPerSec: number;
  /** rttMs: round trip to the registry (CDN edge), 20–80 ms typically. */
  rttMs: number;
  /** perLayerLatencyMs: extra time per blob request (redirect to the CDN, TLS, first byte). */
  perLayerLatencyMs: number;
  /** maxConcurrentDownloads: containerd's default is 3. */
  maxConcurrentDownloads: number;
  /** unpackBytesPerSec: decompress-and-apply speed, in compressed bytes per second. */
  unpackBytesPerSec: number;
}

export const DEFAULT_PULL_MODEL: PullModel = {
  bandwidthBytesPerSec: 80_000_000,
  rttMs: 40,
  perLayerLatencyMs: 120,
  maxConcurrentDownloads: 3,
  unpackBytesPerSec: 200_000_000,
};

/** RESOLVE_ROUND_TRIPS: token, HEAD manifest, GET index, GET manifest, GET config. */
const RESOLVE_ROUND_TRIPS = 5;

/**
 * pullDurationMs returns whole milliseconds for a pull of `sizeBytes` in `layers` layers.
 *
 * Worked example, nginx:1.25 (67665983 bytes, 7 layers) with the defaults:
 * 5 × 40 ms round trips = 200; 67.67 MB / 80 MB/s = 846; ceil(7 / 3) = 3 rounds × 120 = 360;
 * unpack 67.67 MB / 200 MB/s = 338 → 1744 ms. A kind node pulled it in 1.264s.
 */
export function pullDurationMs(sizeBytes: number, layers: number, model: PullModel = DEFAULT_PULL_MODEL): number {
  const resolveMs = RESOLVE_ROUND_TRIPS * model.rttMs;
  const downloadMs = (sizeBytes / model.bandwidthBytesPerSec) * 1000;
  const layerMs = Math.ceil(Math.max(layers, 1) / model.maxConcurrentDownloads) * model.perLayerLatencyMs;
  const unpackMs = (sizeBytes / model.unpackBytesPerSec) * 1000;
  return Math.round(resolveMs + downloadMs + layerMs + unpackMs);
}
