// Mirrors kubernetes pkg/kubelet/images/image_manager.go EnsureImageExists (v1.32): pull policy,
// the per-pod-and-image back-off (10 s doubling to 300 s) and the image events.
import type { Container } from 'kubernetes-types/core/v1';
import {
  alreadyPresentMessage, backOffPullMessage, imagePullBackOffWaitingMessage, invalidImageNameMessage, neverPullMessage, pulledImageMessage, pullingImageMessage,
} from '../../registry/events';
import { parseNormalizedNamed } from '../../registry/reference';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { EVENTS } from '../events';
import type { Backoff } from '../../client/backoff';
import type { ImagePuller } from './puller';

/** ImageResult: the image reference to create the container from, or why there is none. */
export type ImageResult = { ok: true; imageRef: string } | { ok: false; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'InvalidImageName' | 'ErrImageNeverPull'; message: string };

/** ContainerEventSink records an event about one container (fieldPath spec.containers{name}). */
export type ContainerEventSink = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/** defaultPullPolicy: Always for `:latest` or no tag, IfNotPresent otherwise (API defaulting). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return 'IfNotPresent';
  if (parsed.ref.digest) return 'IfNotPresent';
  return !parsed.ref.tag || parsed.ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export class ImageManager {
  /** prevPullErrors: the last failure per back-off key, wrapped into the ImagePullBackOff message. */
  private readonly prevPullErrors = new Map<string, string>();

  constructor(
    private readonly sim: Simulator,
    private readonly runtime: ContainerRuntime,
    private readonly puller: ImagePuller,
    private readonly backOff: Backoff,
  ) {}

  /**
   * ensureImageExists makes the container's image present: already present (IfNotPresent/Never),
   * in back-off after a failed pull (BackOff event, ImagePullBackOff), or pulled now (Pulling, then
   * Pulled or Failed + ErrImagePull).
   */
  *ensureImageExists(podUid: string, container: Container, record: ContainerEventSink): Task<ImageResult> {
    const image = container.image ?? '';
    const parsed = parseNormalizedNamed(image);
    if (!parsed.ok) {
      const message = invalidImageNameMessage(image, parsed.error);
      record('Warning', EVENTS.FailedToInspectImage, message);
      return { ok: false, reason: 'InvalidImageName', message };
    }
    const policy = container.imagePullPolicy ?? defaultPullPolicy(image);
    const present = this.runtime.images.status(parsed.ref.normalized);
    if (present && policy !== 'Always') {
      record('Normal', EVENTS.PulledImage, alreadyPresentMessage(image));
      return { ok: true, imageRef: present.repoDigests[0] };
    }
    if (policy === 'Never') {
      const message = neverPullMessage(image);
      record('Warning', EVENTS.ErrImageNeverPullPolicy, message);
      return { ok: false, reason: 'ErrImageNeverPull', message };
    }
    const key = `${podUid}_${image}`;
    if (this.backOff.isInBackOffSinceUpdate(key, this.sim.nowMs)) {
      record('Normal', EVENTS.BackOffPullImage, backOffPullMessage(image));
      return { ok: false, reason: 'ImagePullBackOff', message: imagePullBackOffWaitingMessage(image, this.prevPullErrors.get(key) ?? '') };
    }
    record('Normal', EVENTS.PullingImage, pullingImageMessage(image));
    const startMs = this.sim.nowMs;
    const outcome = yield* wait(this.puller.pullImage(image));
    if (!outcome.ok) {
      record('Warning', EVENTS.FailedToPullImage, outcome.eventMessage);
      this.backOff.next(key, this.sim.nowMs, this.sim.nowMs);
      this.prevPullErrors.set(key, outcome.error);
      return { ok: false, reason: outcome.reason === 'InvalidImageName' ? 'InvalidImageName' : 'ErrImagePull', message: outcome.error };
    }
    this.prevPullErrors.delete(key);
    record('Normal', EVENTS.PulledImage, pulledImageMessage(image, outcome.pullMs, this.sim.nowMs - startMs, outcome.sizeBytes));
    return { ok: true, imageRef: outcome.imageRef };
  }
}
