// Mirrors kubernetes pkg/kubelet/config/file.go (v1.32): the kubelet's --pod-manifest-path source.
// Each file in the directory is one static pod; the kubelet watches the directory (inotify), so a
// manifest moved out stops its pod and a manifest moved back starts it again.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { staticPodFor } from './common';

/** STATIC_POD_PATH is kubeadm's staticPodPath (KubeletConfiguration) on control-plane nodes. */
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';

/** StaticPodHost is what `sim controlplane stop|start` does on a node, as an admin would with `mv`. */
export interface StaticPodHost {
  /** moveManifestOut moves `<name>.yaml` out of the manifest directory; false when it is not there. */
  moveManifestOut(name: string): boolean;
  /** moveManifestBack puts a manifest moved out back; false when it was not moved out. */
  moveManifestBack(name: string): boolean;
}

/**
 * SourceFile is the manifest directory of one node. pods() lists the static pods of the files
 * present, in file name order (the directory listing's order); a file keeps its pod object while it
 * stays, as the config merge keeps an unchanged pod and its first-seen time.
 */
export class SourceFile {
  private readonly manifests = new Map<string, Pod>();
  private readonly movedOut = new Set<string>();
  private readonly seen = new Map<string, Stored<Pod>>();

  constructor(manifests: readonly Pod[], private readonly nodeName: string, private readonly epochMs: number) {
    for (const manifest of manifests) this.manifests.set(manifest.metadata?.name ?? '', manifest);
  }

  get size(): number {
    return this.manifests.size;
  }

  /** pods are the static pods of the manifests in the directory now, read at `nowMs` if new. */
  pods(nowMs: number): Array<Stored<Pod>> {
    const names = [...this.manifests.keys()].filter((name) => !this.movedOut.has(name)).sort();
    return names.map((name) => {
      let pod = this.seen.get(name);
      if (!pod) {
        pod = staticPodFor(this.manifests.get(name)!, this.nodeName, `${STATIC_POD_PATH}/${name}.yaml`, nowMs, this.epochMs);
        this.seen.set(name, pod);
      }
      return pod;
    });
  }

  moveOut(name: string): boolean {
    if (!this.manifests.has(name) || this.movedOut.has(name)) return false;
    this.movedOut.add(name);
    this.seen.delete(name);
    return true;
  }

  moveBack(name: string): boolean {
    return this.movedOut.delete(name);
  }
}
