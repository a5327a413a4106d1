// Mirrors kubernetes pkg/kubelet/pod/mirror_client.go (v1.32): a static pod's face in the API is a
// mirror pod of the same name, annotated with the static pod's hash and owned by the Node. The
// kubelet creates it and deletes it; nothing else about the static pod goes through the API.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ApiClient } from '../../client/client';
import { wait, type Task } from '../../sim/task';
import { CONFIG_HASH_ANNOTATION, CONFIG_SOURCE_ANNOTATION } from '../config/common';

export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** isMirrorPod: the API object stands for a static pod of some kubelet. */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined;
}

/** isStaticPod: the pod came from a file (or URL) source, not from the apiserver. */
export function isStaticPod(pod: Pod): boolean {
  const source = pod.metadata?.annotations?.[CONFIG_SOURCE_ANNOTATION];
  return source !== undefined && source !== 'api';
}

/** isMirrorPodOf: same name and namespace, and the mirror carries the static pod's current hash. */
export function isMirrorPodOf(mirror: Pod, pod: Pod): boolean {
  if (mirror.metadata?.name !== pod.metadata?.name || mirror.metadata?.namespace !== pod.metadata?.namespace) return false;
  const hash = mirror.metadata?.annotations?.[CONFIG_MIRROR_ANNOTATION];
  return hash !== undefined && hash === pod.metadata?.annotations?.[CONFIG_HASH_ANNOTATION];
}

export interface MirrorNode {
  name: string;
  uid: string;
}

/**
 * createMirrorPod creates the static pod's mirror (the apiserver gives it its own UID and a fresh
 * status). AlreadyExists is not an error: a mirror created by an earlier sync is still there.
 */
export function* createMirrorPod(client: ApiClient, pod: Stored<Pod>, node: MirrorNode): Task<void> {
  const hash = pod.metadata.annotations?.[CONFIG_HASH_ANNOTATION] ?? '';
  const mirror: Pod = {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: { ...pod.metadata.annotations, [CONFIG_MIRROR_ANNOTATION]: hash },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
  };
  yield* wait(client.create('pods', mirror));
}

/**
 * deleteMirrorPod deletes a mirror pod at once (grace period 0), only the one with `uid` when
 * given. Returns whether it was deleted: gone already or replaced (a UID conflict) is no error.
 */
export function* deleteMirrorPod(client: ApiClient, namespace: string, name: string, uid?: string): Task<boolean> {
  const result = yield* wait(client.delete('pods', namespace, name, { gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}) }));
  return result.ok;
}
