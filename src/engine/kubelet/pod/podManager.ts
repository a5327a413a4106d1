// Mirrors kubernetes pkg/kubelet/pod/pod_manager.go (v1.32), the part about static pods: the
// kubelet's static pods by UID and the mirror pods the apiserver shows for them, paired by full
// name. Pods from the apiserver stay in the kubelet's informer.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { CONFIG_MIRROR_ANNOTATION } from './mirrorClient';

/** getPodFullName is kubecontainer.GetPodFullName: `name_namespace`. */
export function getPodFullName(pod: Pod): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}`;
}

/**
 * PodManager pairs static pods with their mirror pods. A mirror pod keeps its own UID (the
 * apiserver's); the static pod's UID is its config hash, which the mirror carries in the
 * `kubernetes.io/config.mirror` annotation.
 */
export class PodManager {
  private readonly staticByUid = new Map<string, Stored<Pod>>();
  private readonly mirrorByFullName = new Map<string, Stored<Pod>>();

  addStaticPod(pod: Stored<Pod>): void {
    this.staticByUid.set(pod.metadata.uid ?? '', pod);
  }

  removeStaticPod(uid: string): void {
    this.staticByUid.delete(uid);
  }

  staticPod(uid: string): Stored<Pod> | undefined {
    return this.staticByUid.get(uid);
  }

  /** staticPods in the order they were added (the file source's order). */
  staticPods(): Array<Stored<Pod>> {
    return [...this.staticByUid.values()];
  }

  staticPodByName(namespace: string, name: string): Stored<Pod> | undefined {
    for (const pod of this.staticByUid.values()) if (pod.metadata.name === name && pod.metadata.namespace === namespace) return pod;
    return undefined;
  }

  /** setMirrorPod records the mirror pod as the informer last saw it. */
  setMirrorPod(mirror: Stored<Pod>): void {
    this.mirrorByFullName.set(getPodFullName(mirror), mirror);
  }

  /** removeMirrorPod forgets a deleted mirror pod; false when a newer one already took its name. */
  removeMirrorPod(mirror: Stored<Pod>): boolean {
    const fullName = getPodFullName(mirror);
    if (this.mirrorByFullName.get(fullName)?.metadata.uid !== mirror.metadata.uid) return false;
    this.mirrorByFullName.delete(fullName);
    return true;
  }

  /** clearMirrorPods: a new pod watch relists every mirror pod. */
  clearMirrorPods(): void {
    this.mirrorByFullName.clear();
  }

  mirrorPodOf(pod: Pod): Stored<Pod> | undefined {
    return this.mirrorByFullName.get(getPodFullName(pod));
  }

  /**
   * mirrorUidOf is the UID of the mirror pod of the static pod `uid` (GetUIDTranslations). A
   * static pod whose manifest left keeps its mirror until housekeeping deletes it, so the mirror
   * shows the containers stopping.
   */
  mirrorUidOf(uid: string): string | undefined {
    const pod = this.staticByUid.get(uid);
    if (pod) return this.mirrorPodOf(pod)?.metadata.uid;
    for (const mirror of this.mirrorByFullName.values()) if (mirror.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] === uid) return mirror.metadata.uid;
    return undefined;
  }

  /**
   * staticPodOf is the static pod of the mirror pod's full name, if any; the sync then checks the
   * hash (isMirrorPodOf) and replaces an outdated mirror.
   */
  staticPodOf(mirror: Stored<Pod>): Stored<Pod> | undefined {
    return this.staticPodByName(mirror.metadata.namespace ?? '', mirror.metadata.name);
  }

  /** orphanedMirrorPods are mirror pods with no static pod of their full name (GetOrphanedMirrorPodNames). */
  orphanedMirrorPods(): Array<Stored<Pod>> {
    const names = new Set([...this.staticByUid.values()].map(getPodFullName));
    return [...this.mirrorByFullName.values()].filter((mirror) => !names.has(getPodFullName(mirror)));
  }
}
