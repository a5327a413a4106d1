// containerd's image store on one node, as the CRI ImageService lists it (ListImages,
// ImageStatus) and as the kubelet reports it in node.status.images.
import type { ContainerImage } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../api/object';
import type { ResolvedImage } from '../registry/resolve';

/** ImageRecord is one stored image: every tag and digest name pointing at it, its size. */
export interface ImageRecord {
  /** id is the config digest (`crictl images` IMAGE ID). */
  id: string;
  repoTags: string[];
  repoDigests: string[];
  sizeBytes: number;
  /** pinned images (the sandbox image) are never garbage-collected. */
  pinned: boolean;
  resolved: ResolvedImage;
}

/** MAX_NAMES_PER_IMAGE / NODE_STATUS_MAX_IMAGES: the kubelet reports at most 50 images, biggest first. */
const NODE_STATUS_MAX_IMAGES = 50;

export class ImageStore {
  private readonly byId = new Map<string, ImageRecord>();
  private readonly byName = new Map<string, ImageRecord>();
  /** generation changes whenever an image is added (node status compares it). */
  generation = 0;

  /** add stores a pulled image under its normalized tag and digest reference. */
  add(resolved: ResolvedImage, pinned = false): ImageRecord {
    let record = this.byId.get(resolved.imageId);
    if (!record) {
      record = { id: resolved.imageId, repoTags: [], repoDigests: [], sizeBytes: resolved.sizeBytes, pinned, resolved };
      this.byId.set(record.id, record);
    }
    if (!record.repoTags.includes(resolved.normalized) && !resolved.normalized.includes('@')) record.repoTags.push(resolved.normalized);
    if (!record.repoDigests.includes(resolved.imageRef)) record.repoDigests.push(resolved.imageRef);
    record.pinned ||= pinned;
    this.byName.set(resolved.normalized, record);
    this.byName.set(resolved.imageRef, record);
    this.byName.set(record.id, record);
    this.generation++;
    return record;
  }

  /** status finds an image by normalized tag, digest reference or ID (ImageStatus). */
  status(name: string): ImageRecord | undefined {
    return this.byName.get(name);
  }

  list(): ImageRecord[] {
    return [...this.byId.values()];
  }

  /** nodeStatusImages is node.status.images: names = digests then tags, biggest images first, at most 50. */
  nodeStatusImages(): readonly ContainerImage[] {
    // The kubelet asks every 10 s; the list changes only when an image is added.
    if (this.statusImages?.generation === this.generation) return this.statusImages.images;
    const images = this.list()
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.id < b.id ? -1 : 1))
      .slice(0, NODE_STATUS_MAX_IMAGES)
      .map((image) => ({ names: [...image.repoDigests, ...image.repoTags], sizeBytes: image.sizeBytes }));
    this.statusImages = { generation: this.generation, images: deepFreeze(images) };
    return this.statusImages.images;
  }

  private statusImages: { generation: number; images: readonly ContainerImage[] } | undefined;
}
