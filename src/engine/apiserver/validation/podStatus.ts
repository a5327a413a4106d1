// Mirrors kubernetes pkg/apis/core/validation/validation.go (v1.32) ValidatePodStatusUpdate: a
// pods/status write is checked for what it may change (metadata rules, no re-binding, no way
// back from terminated for containers that must not restart), not by re-validating the spec it
// cannot change. Pod IP / host IP and resize checks are not modelled.
import type { ContainerStatus, Pod, PodSpec } from 'kubernetes-types/core/v1';
import { fieldForbidden, fieldInvalid, type FieldError } from '../../api/status';
import { isDNS1123Subdomain } from './names';
import { validateObjectMetaUpdate } from './objectMeta';
import { child, index } from './path';

/** validatePodStatusUpdate is ValidatePodStatusUpdate. */
export function validatePodStatusUpdate(next: Pod, prev: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  if ((next.spec?.nodeName ?? '') !== (prev.spec?.nodeName ?? '')) errs.push(fieldForbidden('status.nodeName', 'may not be changed directly'));
  const nominated = next.status?.nominatedNodeName ?? '';
  if (nominated !== (prev.status?.nominatedNodeName ?? '') && nominated.length > 0) {
    for (const msg of isDNS1123Subdomain(nominated)) errs.push(fieldInvalid('status.nominatedNodeName', nominated, msg));
  }
  const restartPolicy = prev.spec?.restartPolicy ?? 'Always';
  errs.push(...stateTransitions(next.status?.containerStatuses, prev.status?.containerStatuses, 'status.containerStatuses', () => restartPolicy));
  // ValidateInitContainerStateTransition: restartable init containers (sidecars) may restart.
  const sidecars = new Set(((prev.spec ?? {}) as PodSpec).initContainers?.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  errs.push(...stateTransitions(next.status?.initContainerStatuses, prev.status?.initContainerStatuses, 'status.initContainerStatuses', (name) => (sidecars.has(name) ? 'Always' : restartPolicy)));
  return errs;
}

/** stateTransitions is ValidateContainerStateTransition. */
function stateTransitions(next: readonly ContainerStatus[] | undefined, prev: readonly ContainerStatus[] | undefined, path: string, policyOf: (name: string) => string): FieldError[] {
  const errs: FieldError[] = [];
  (prev ?? []).forEach((old, i) => {
    const policy = policyOf(old.name);
    const terminated = old.state?.terminated;
    if (policy === 'Always' || !terminated) return;
    if (terminated.exitCode !== 0 && policy === 'OnFailure') return;
    for (const status of next ?? []) {
      if (status.name === old.name && !status.state?.terminated) errs.push(fieldForbidden(child(index(path, i), 'state'), 'may not be transitioned to non-terminated state'));
    }
  });
  return errs;
}
