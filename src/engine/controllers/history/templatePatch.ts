// The data of a DaemonSet's or StatefulSet's ControllerRevision (daemon/update.go and
// statefulset/stateful_set_utils.go getPatch): a strategic merge patch that puts the pod template
// back, `{"spec":{"template":{…,"$patch":"replace"}}}`.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { deepClone } from '../../api/object';

export interface TemplatePatch {
  spec: { template: Record<string, unknown> };
}

/** templatePatch saves only the pod template; `$patch: replace` makes applying it swap the whole template. */
export function templatePatch(workload: { spec?: { template?: PodTemplateSpec } }): TemplatePatch {
  return { spec: { template: { ...(deepClone(workload.spec?.template ?? {}) as Record<string, unknown>), $patch: 'replace' } } };
}

/** templateOfRevision is the pod template a revision restores (its data without the directive). */
export function templateOfRevision(data: unknown): PodTemplateSpec {
  const { $patch: _replace, ...template } = (data as Partial<TemplatePatch> | undefined)?.spec?.template ?? {};
  return template as PodTemplateSpec;
}
