// Mirrors kubernetes pkg/apis/core/validation/validation.go (v1.32) ValidatePodEphemeralContainersUpdate
// and validateEphemeralContainers, reduced: what `kubectl debug` can get wrong.
import type { EphemeralContainer, Pod } from 'kubernetes-types/core/v1';
import { fieldDuplicate, fieldForbidden, fieldNotFound, fieldRequired, type FieldError } from '../../api/status';
import { deepEqual } from './objectMeta';
import { index } from './path';

const PATH = 'spec.ephemeralContainers';
/** Fields an ephemeral container may not set: it gets no ports, probes, resources or lifecycle. */
const FORBIDDEN_FIELDS = ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'resources', 'lifecycle'] as const;

/** validateEphemeralContainersUpdate checks a pods/ephemeralcontainers write against the stored pod. */
export function validateEphemeralContainersUpdate(next: Pod, prev: Pod): FieldError[] {
  const errs: FieldError[] = [];
  const regular = new Set([...(next.spec?.containers ?? []), ...(next.spec?.initContainers ?? [])].map((c) => c.name));
  const seen = new Set<string>();
  (next.spec?.ephemeralContainers ?? []).forEach((ec: EphemeralContainer, i) => {
    const path = index(PATH, i);
    if (!ec.name) errs.push(fieldRequired(`${path}.name`, ''));
    else if (regular.has(ec.name) || seen.has(ec.name)) errs.push(fieldDuplicate(`${path}.name`, ec.name));
    seen.add(ec.name);
    if (!ec.image) errs.push(fieldRequired(`${path}.image`, ''));
    for (const field of FORBIDDEN_FIELDS) {
      if (ec[field] !== undefined) errs.push(fieldForbidden(`${path}.${field}`, 'cannot be set for an Ephemeral Container'));
    }
    if (ec.targetContainerName && !regular.has(ec.targetContainerName)) errs.push(fieldNotFound(`${path}.targetContainerName`, ec.targetContainerName));
  });
  // Existing ephemeral containers may be neither removed nor changed.
  const current = new Map((next.spec?.ephemeralContainers ?? []).map((ec) => [ec.name, ec]));
  for (const old of prev.spec?.ephemeralContainers ?? []) {
    const now = current.get(old.name);
    if (!now) errs.push(fieldForbidden(PATH, `existing ephemeral containers "${old.name}" may not be removed\n`));
    else if (!deepEqual(now, old)) errs.push(fieldForbidden(PATH, `existing ephemeral containers "${old.name}" may not be changed\n`));
  }
  return errs;
}
