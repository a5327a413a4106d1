// Mirrors kubernetes pkg/controller/controller_utils.go RealPodControl.

import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../api/object';
import type { EventRecorder } from '../client/record/eventRecorder';
import { wait, type Task } from '../sim/task';
import { getPodFromTemplate } from './controllerUtils';
import { errorOf, hasStatusCause, isNotFound, NAMESPACE_TERMINATING_CAUSE, type ControllerClient, type SyncError } from './types';

/** Event reasons of pod creation and deletion by controllers. */
export const SUCCESSFUL_CREATE_POD_REASON = 'SuccessfulCreate';
export const FAILED_CREATE_POD_REASON = 'FailedCreate';
export const SUCCESSFUL_DELETE_POD_REASON = 'SuccessfulDelete';
export const FAILED_DELETE_POD_REASON = 'FailedDelete';

/**
 * PodControl creates and deletes a controller's pods and records the matching events on the
 * controller (`Created pod: web-7854ff8877-x5k2p`).
 */
export class PodControl {
  constructor(
    private readonly client: ControllerClient,
    private readonly recorder: EventRecorder,
  ) {}

  *createPods(namespace: string, template: PodTemplateSpec, parent: Stored<KubeObject>, controllerRef: OwnerReference): Task<{ pod?: Stored<Pod>; err: SyncError; namespaceTerminating?: boolean }> {
    const pod = getPodFromTemplate(template, parent, controllerRef);
    if (Object.keys(pod.metadata?.labels ?? {}).length === 0) return { err: `unable to create pods, no labels` };
    const created = yield* wait(this.client.create<Pod>('pods', { ...pod, metadata: { ...pod.metadata, namespace } }));
    if (!created.ok) {
      this.recorder.event(parent, 'Warning', FAILED_CREATE_POD_REASON, `Error creating: ${errorOf(created)}`);
      return { err: errorOf(created), namespaceTerminating: hasStatusCause(created, NAMESPACE_TERMINATING_CAUSE) };
    }
    this.recorder.event(parent, 'Normal', SUCCESSFUL_CREATE_POD_REASON, `Created pod: ${created.object.metadata.name}`);
    return { pod: created.object, err: undefined };
  }

  /** deletePod deletes by name; NotFound is returned as an error without an event. */
  *deletePod(namespace: string, name: string, parent: Stored<KubeObject>): Task<{ err: SyncError; notFound: boolean }> {
    const deleted = yield* wait(this.client.delete('pods', namespace, name));
    if (deleted.ok) {
      this.recorder.event(parent, 'Normal', SUCCESSFUL_DELETE_POD_REASON, `Deleted pod: ${name}`);
      return { err: undefined, notFound: false };
    }
    if (isNotFound(deleted)) return { err: errorOf(deleted), notFound: true };
    this.recorder.event(parent, 'Warning', FAILED_DELETE_POD_REASON, `Error deleting: ${errorOf(deleted)}`);
    return { err: errorOf(deleted), notFound: false };
  }
}
