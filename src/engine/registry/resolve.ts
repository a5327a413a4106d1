// resolveImage answers "what would a pull of this image give?" without any I/O: the kubelet
// calls it when a container needs an image, then waits pullDurationMs before using the result.
import { parseNormalizedNamed } from './reference';
import { fakeDigest } from './digest';
import { flat } from '../api/flat';
import { findRepository, findTag, EMPTY_REGISTRY_STATE, type FoundRepository, type RegistryState } from './registryState';
import { pullErrorText, type PullFailureKind } from './pullErrors';
import { failedToPullMessage, invalidImageNameMessage } from './events';
import type { ImageConfig, ImageEntry } from './types';

/** ResolvedImage is a successful pull. */
export interface ResolvedImage {
  ok: true;
  /** image is the reference as the pod spec wrote it (`nginx:1.25`). */
  image: string;
  /** normalized is containerd's reference, shown as the container status `image`. */
  normalized: string;
  repository: string;
  tag?: string;
  /** digest is the (fake) manifest digest; every tag of the same image shares it. */
  digest: string;
  /** imageRef is `repository@digest`, the container status `imageID`. */
  imageRef: string;
  /** imageId is the (fake) config digest `crictl images` shows as IMAGE ID. */
  imageId: string;
  sizeBytes: number;
  layers: number;
  config: ImageConfig;
  entry: ImageEntry;
}

/** PullFailure is a failed pull, with the texts kubelet would report. */
export interface PullFailure {
  ok: false;
  /** reason is the container waiting reason: InvalidImageName, or ErrImagePull. */
  reason: 'InvalidImageName' | 'ErrImagePull';
  /** kind says why, for ErrImagePull. */
  kind?: PullFailureKind;
  /** error is the waiting message (and the error after `Failed to pull image "…": `). */
  error: string;
  /** eventMessage is the Warning event: reason `Failed` (pull) or `InspectFailed` (bad name). */
  eventMessage: string;
}

export type ResolveResult = ResolvedImage | PullFailure;

/** RegistryHosts the simulator knows; any other host does not resolve in DNS. */
const KNOWN_REGISTRY_HOSTS = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'public.ecr.aws']);

/** ResolveOptions tune failure texts. */
export interface ResolveOptions {
  /** dnsServer is the node's resolver, printed when a registry host does not exist. */
  dnsServer?: string;
}

/**
 * resolveImage parses a pod's image reference and looks it up in the simulated registry.
 *
 * @example
 * resolveImage('nginx:1.25');  // { ok: true, normalized: 'docker.io/library/nginx:1.25', sizeBytes: 67665983, … }
 * resolveImage('nginx:1.99');  // { ok: false, reason: 'ErrImagePull', error: 'rpc error: code = NotFound desc = …' }
 */
export function resolveImage(image: string, state: RegistryState = EMPTY_REGISTRY_STATE, options: ResolveOptions = {}): ResolveResult {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) {
    const message = invalidImageNameMessage(image, parsed.error);
    return { ok: false, reason: 'InvalidImageName', error: message, eventMessage: message };
  }
  const { ref } = parsed;
  const object = ref.digest ?? ref.tag ?? 'latest';
  const fail = (kind: PullFailureKind): PullFailure => {
    const error = pullErrorText({ kind, normalized: ref.normalized, domain: ref.domain, path: ref.path, object, dnsServer: options.dnsServer });
    return { ok: false, reason: 'ErrImagePull', kind, error, eventMessage: failedToPullMessage(image, error) };
  };
  const found = findRepository(ref.repository, state);
  if (!found) {
    if (ref.domain === 'docker.io') return fail('access-denied');
    if (KNOWN_REGISTRY_HOSTS.has(ref.domain)) return fail('not-found');
    return fail(/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(ref.domain) ? 'connection-refused' : 'unknown-host');
  }
  const entry = ref.digest !== undefined ? findDigest(found, ref.digest) : findTag(found, ref.tag ?? 'latest');
  if (!entry) return fail('not-found');
  const digest = imageDigest(found, entry);
  return {
    ok: true,
    image,
    normalized: ref.normalized,
    repository: ref.repository,
    tag: ref.tag ?? (ref.digest ? undefined : 'latest'),
    digest,
    imageRef: flat(ref.repository, '@', digest),
    imageId: fakeDigest(`${digest}/config`),
    sizeBytes: entry.sizeBytes,
    layers: entry.layers,
    config: entry.config,
    entry,
  };
}

/** imageDigest is the image's fake digest: derived from the canonical repository and first tag. */
export function imageDigest(found: FoundRepository, entry: ImageEntry): string {
  return fakeDigest(`${found.entry.name}@${entry.tags[0]}`);
}

function findDigest(found: FoundRepository, digest: string): ImageEntry | undefined {
  return found.entry.images.find((entry) => imageDigest(found, entry) === digest && (!found.tags || entry.tags.some((t) => found.tags?.includes(t))));
}
