// pkg/kubelet/kubelet_node_status.go nodeStatusHasChanged and the setters' reuse across the
// kubelet's 10 s status loop.
import { describe, expect, it } from 'vitest';
import { nodesFromCount } from '../../clusterSpec';
import { resolveImage } from '../../registry/resolve';
import { ImageStore } from '../../runtime/imageStore';
import { Rng } from '../../sim/rng';
import { DEFAULT_KUBELET_CONFIG } from '../config';
import { nodeIdentity } from '../nodeIdentity';
import { machineInfo, setNodeStatus, statusChanged, type NodeStatusInput } from './setters';

const spec = nodesFromCount(1, '4', '16Gi')[0]!;

function input(images: ImageStore, nowMs: number): NodeStatusInput {
  return { spec, identity: nodeIdentity(0, new Rng(1)), config: DEFAULT_KUBELET_CONFIG, containerRuntimeVersion: 'containerd://1.7.24', images: images.nodeStatusImages(), nowMs, epochMs: 0 };
}

function pulled(store: ImageStore, image: string): void {
  const resolved = resolveImage(image);
  if (!resolved.ok) throw new Error(resolved.error);
  store.add(resolved);
}

describe('node status setters', () => {
  it('sees no change when only the heartbeats moved', () => {
    const images = new ImageStore();
    pulled(images, 'registry.k8s.io/pause:3.10');
    const first = setNodeStatus(undefined, input(images, 0)).status;
    const second = setNodeStatus(first, input(images, 10_000)).status;
    expect(second.conditions!.map((c) => c.lastHeartbeatTime)).not.toEqual(first.conditions!.map((c) => c.lastHeartbeatTime));
    expect(statusChanged(first, second)).toBe(false);
  });

  it('sees a condition transition, a new image and a changed capacity', () => {
    const images = new ImageStore();
    const first = setNodeStatus(undefined, input(images, 0)).status;
    const notReady = { ...first, conditions: first.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: '1970-01-01T00:00:05Z' } : c)) };
    expect(statusChanged(notReady, setNodeStatus(notReady, input(images, 10_000)).status)).toBe(true);
    pulled(images, 'nginx:1.27');
    expect(statusChanged(first, setNodeStatus(first, input(images, 10_000)).status)).toBe(true);
    expect(statusChanged({ ...first, capacity: { ...first.capacity, pods: '250' } }, first)).toBe(true);
  });

  it('reports the image list again only after an image was added', () => {
    const images = new ImageStore();
    pulled(images, 'registry.k8s.io/pause:3.10');
    const before = images.nodeStatusImages();
    expect(images.nodeStatusImages()).toBe(before);
    pulled(images, 'nginx:1.27');
    const after = images.nodeStatusImages();
    expect(after).not.toBe(before);
    expect(after.map((i) => i.names?.at(-1))).toEqual(['docker.io/library/nginx:1.27', 'registry.k8s.io/pause:3.10']);
  });

  it('works out the machine once per node spec and configuration', () => {
    const info = machineInfo(spec, DEFAULT_KUBELET_CONFIG);
    expect(info.capacity).toMatchObject({ cpu: '4', memory: '16Gi', pods: '110' });
    expect(info.allocatable.memory).toBe('16284Mi') // 16Gi − memory.available<100Mi;
    expect(machineInfo(spec, DEFAULT_KUBELET_CONFIG)).toBe(info);
    expect(machineInfo(spec, { ...DEFAULT_KUBELET_CONFIG, evictionHardMemoryBytes: 0 }).allocatable.memory).toBe('16Gi');
  });
});
