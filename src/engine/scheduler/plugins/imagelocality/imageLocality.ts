// Mirrors kubernetes pkg/scheduler/framework/plugins/imagelocality/image_locality.go (v1.32).
import type { CycleState, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';
import { NAMES } from '../names';

const MB = 1024 * 1024;
/** Below 23 MB of present images a node scores 0; 1000 MB per container saturates at 100. */
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

const images = new WeakMap<PodInfo, string[]>();

/**
 * ImageLocality (weight 1) prefers nodes that already have the pod's images, scaled by how widely
 * the image is spread (an image on every node gives no preference). Image names are compared as
 * the pod writes them plus `:latest` when untagged, while nodes report containerd's full names
 * (`docker.io/library/nginx:latest`), so `nginx` matches nothing: upstream's known limitation.
 */
export class ImageLocality implements ScorePlugin {
  readonly name = NAMES.ImageLocality;

  constructor(private readonly numNodes: () => number) {}

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    if (node.imageStates.size === 0) return 0;
    const names = imagesOf(pod);
    const total = this.numNodes();
    let sum = 0;
    for (const name of names) {
      const state = node.imageStates.get(name);
      if (state) sum += Math.trunc(state.sizeBytes * (state.nodes.size / total));
    }
    return calculatePriority(sum, names.length);
  }
}

/** calculatePriority maps the summed image bytes onto 0..100 between the thresholds. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = sumScores < MIN_THRESHOLD ? MIN_THRESHOLD : sumScores > maxThreshold ? maxThreshold : sumScores;
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** normalizedImageName appends `:latest` when the reference has no tag. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

function imagesOf(pod: PodInfo): string[] {
  let names = images.get(pod);
  if (!names) {
    const spec = pod.pod.spec!;
    names = [...(spec.initContainers ?? []), ...spec.containers].map((c) => normalizedImageName(c.image ?? ''));
    images.set(pod, names);
  }
  return names;
}
