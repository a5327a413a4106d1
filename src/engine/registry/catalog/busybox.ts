// docker.io/library/busybox as of January 2025 (latest = 1.37.0, stable = 1.36.1). Sizes are
// compressed linux/amd64 and approximate (Docker Hub; a kind node reported busybox:latest as
// 2236931 bytes). The default variant is glibc since 1.35; older defaults were uclibc.
import type { ImageEntry, RepositoryEntry } from '../types';
import { shellImage } from './build';

interface BusyboxRelease {
  version: string;
  extraTags: string[];
  defaultBytes: number;
  /** variants other than the default (musl/glibc/uclibc) with their sizes; none before 1.36. */
  variants?: Array<[suffix: string, sizeBytes: number]>;
}

const RELEASES: BusyboxRelease[] = [
  { version: '1.28.4', extraTags: ['1.28'], defaultBytes: 727_869 },
  { version: '1.34.1', extraTags: ['1.34'], defaultBytes: 772_810 },
  { version: '1.35.0', extraTags: ['1.35'], defaultBytes: 2_219_948 },
  { version: '1.36.0', extraTags: [], defaultBytes: 2_158_322 },
  { version: '1.36.1', extraTags: ['1.36', 'stable'], defaultBytes: 2_152_232, variants: [['musl', 862_414], ['glibc', 2_152_232], ['uclibc', 748_012]] },
  { version: '1.37.0', extraTags: ['1.37', '1', 'latest'], defaultBytes: 2_236_931, variants: [['musl', 871_255], ['glibc', 2_236_931], ['uclibc', 755_436]] },
];

function busyboxImages(release: BusyboxRelease): ImageEntry[] {
  const images = [shellImage([release.version, ...release.extraTags], release.defaultBytes, 1, 'sh')];
  for (const [variant, sizeBytes] of release.variants ?? []) {
    // Moving tags get the variant suffix too: 1.36-musl, stable-musl, musl (for latest).
    const tags = [release.version, ...release.extraTags].map((t) => (t === 'latest' ? variant : `${t}-${variant}`));
    images.push(shellImage(tags, sizeBytes, 1, 'sh'));
  }
  return images;
}

export const BUSYBOX: RepositoryEntry = {
  name: 'docker.io/library/busybox',
  description: 'BusyBox shell and utilities; with no command it starts sh, which exits at once',
  images: RELEASES.flatMap(busyboxImages),
};

/**
 * K8S_BUSYBOX is the old busybox the Kubernetes docs still use (exec liveness task:
 * registry.k8s.io/busybox:1.27.2, formerly k8s.gcr.io/busybox). Size approximate.
 */
export const K8S_BUSYBOX: RepositoryEntry = {
  name: 'registry.k8s.io/busybox',
  aliases: [{ name: 'k8s.gcr.io/busybox' }, { name: 'gcr.io/google-containers/busybox' }],
  description: 'BusyBox 1.27.2 as the Kubernetes docs use it (liveness exec task)',
  images: [shellImage(['1.27.2'], 717_000, 1, 'sh'), shellImage(['1.24', 'latest'], 676_000, 1, 'sh')],
};
