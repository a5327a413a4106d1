// Mirrors kubernetes pkg/kubelet/kubelet.go SyncPod's mirror pod step and kubelet_pods.go
// HandlePodCleanups' orphaned mirror pods (v1.32): the kubelet keeps exactly one current mirror
// pod per running static pod. Deleting a mirror pod never touches the static pod's containers; the
// kubelet only creates the mirror again. Neither step records an Event.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { ApiClient } from '../client/client';
import type { Task } from '../sim/task';
import { CONFIG_MIRROR_ANNOTATION, createMirrorPod, deleteMirrorPod, isMirrorPodOf, type MirrorNode } from './pod/mirrorClient';
import type { PodManager } from './pod/podManager';
import type { PodWorkerState } from './podWorkers';

export interface MirrorPodContext {
  client: ApiClient;
  podManager: PodManager;
  workerState(uid: string): PodWorkerState | undefined;
  /** node is the registered Node (GetNode); undefined before registration. */
  node(): MirrorNode | undefined;
}

/**
 * syncMirrorPod runs in every sync of a static pod, before its containers are synced: a mirror
 * pod being deleted (`kubectl delete pod`) or made from an older manifest is deleted at once, with
 * its UID as precondition, and a new one is created; a missing one is created.
 */
export function* syncMirrorPod(ctx: MirrorPodContext, pod: Stored<Pod>): Task<void> {
  const mirror = ctx.podManager.mirrorPodOf(pod);
  let deleted = false;
  if (mirror && (mirror.metadata.deletionTimestamp || !isMirrorPodOf(mirror, pod))) {
    deleted = yield* deleteMirrorPod(ctx.client, mirror.metadata.namespace ?? '', mirror.metadata.name, mirror.metadata.uid);
  }
  if (mirror && !deleted) return;
  // Without the Node there is no owner for the mirror ("No need to create a mirror pod").
  const node = ctx.node();
  if (node) yield* createMirrorPod(ctx.client, pod, node);
}

/**
 * cleanupOrphanedMirrorPods deletes the mirror pods whose static pod is gone (its manifest left
 * the directory) once that pod's containers have stopped: until then the mirror shows them
 * stopping.
 */
export function* cleanupOrphanedMirrorPods(ctx: MirrorPodContext): Task<void> {
  for (const mirror of ctx.podManager.orphanedMirrorPods()) {
    if (ctx.workerState(mirror.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] ?? '') === 'terminating') continue;
    yield* deleteMirrorPod(ctx.client, mirror.metadata.namespace ?? '', mirror.metadata.name);
  }
}
