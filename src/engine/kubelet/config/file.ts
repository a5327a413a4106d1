// Mirrors kubernetes pkg/kubelet/config/file.go (v1.32): the kubelet's --pod-manifest-path source.
// Each file in the directory is one static pod; the kubelet watches the directory (inotify), so a
// manifest moved out stops its pod, a manifest moved back (or a new one written) starts it, and
// a file that does not decode to a valid Pod is skipped (the kubelet only logs it).
import type { Pod } from 'kubernetes-types/core/v1';
import { parseAllDocuments } from 'yaml';
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
  /** manifestDirectory is the directory as files, for the terminal on this machine. */
  manifestDirectory(): ManifestDirectory;
}

/** ManifestDirectory is the manifest directory's files: a manifest is its text, or the Pod kubeadm wrote. */
export interface ManifestDirectory {
  list(): string[];
  read(file: string): { text: string } | { pod: Pod } | undefined;
  write(file: string, text: string): void;
  remove(file: string): boolean;
}

interface Manifest {
  /** text: what was written to the file; kubeadm's manifests have only their pod. */
  text?: string;
  pod?: Pod;
}

/**
 * SourceFile is the manifest directory of one node. pods() lists the static pods of the files
 * present, in file name order (the directory listing's order); a file keeps its pod object while it
 * stays, as the config merge keeps an unchanged pod and its first-seen time.
 */
export class SourceFile {
  private readonly files = new Map<string, Manifest>();
  private readonly movedOut = new Map<string, Manifest>();
  private readonly seen = new Map<string, Stored<Pod>>();

  constructor(manifests: readonly Pod[], private readonly nodeName: string, private readonly epochMs: number) {
    for (const manifest of manifests) this.files.set(`${manifest.metadata?.name ?? ''}.yaml`, { pod: manifest });
  }

  get size(): number {
    return this.files.size;
  }

  /** pods are the static pods of the valid manifests in the directory now, read at `nowMs` if new. */
  pods(nowMs: number): Array<Stored<Pod>> {
    const out: Array<Stored<Pod>> = [];
    for (const file of this.list()) {
      const pod = this.files.get(file)!.pod;
      if (!pod) continue;
      let staticPod = this.seen.get(file);
      if (!staticPod) {
        staticPod = staticPodFor(pod, this.nodeName, `${STATIC_POD_PATH}/${file}`, nowMs, this.epochMs);
        this.seen.set(file, staticPod);
      }
      out.push(staticPod);
    }
    return out;
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  read(file: string): { text: string } | { pod: Pod } | undefined {
    const manifest = this.files.get(file);
    if (!manifest) return undefined;
    return manifest.text !== undefined ? { text: manifest.text } : { pod: manifest.pod! };
  }

  write(file: string, text: string): void {
    this.files.set(file, { text, pod: decodeSinglePod(text) });
    this.seen.delete(file);
  }

  remove(file: string): boolean {
    this.seen.delete(file);
    return this.files.delete(file);
  }

  moveOut(name: string): boolean {
    const file = `${name}.yaml`;
    const manifest = this.files.get(file);
    if (!manifest) return false;
    this.movedOut.set(name, manifest);
    return this.remove(file);
  }

  moveBack(name: string): boolean {
    const manifest = this.movedOut.get(name);
    if (!manifest || this.files.has(`${name}.yaml`)) return false;
    this.movedOut.delete(name);
    this.files.set(`${name}.yaml`, manifest);
    return true;
  }
}

/**
 * decodeSinglePod is config/common.go tryDecodeSinglePod, enough of it: one YAML or JSON document
 * of kind Pod (v1) with a name; anything else gives no pod.
 */
function decodeSinglePod(text: string): Pod | undefined {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (docs.length !== 1 || docs[0].errors.length > 0) return undefined;
  const value = docs[0].toJS() as Pod | null;
  if (!value || typeof value !== 'object' || value.kind !== 'Pod' || value.apiVersion !== 'v1' || !value.metadata?.name || !Array.isArray(value.spec?.containers) || value.spec.containers.length === 0) return undefined;
  // Decoded into Go structs, `creationTimestamp: null` and `status: {}` are the zero values a
  // manifest without them has too: the same pod, the same config hash.
  const { status, ...pod } = value;
  const { creationTimestamp, ...metadata } = pod.metadata!;
  return { ...pod, metadata: creationTimestamp === null || creationTimestamp === undefined ? metadata : pod.metadata, ...(status && Object.keys(status).length > 0 ? { status } : {}) };
}
