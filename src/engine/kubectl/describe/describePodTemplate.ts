// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) DescribePodTemplate, shared by the
// Deployment and ReplicaSet describers and `kubectl rollout history --revision`.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describeContainers } from './describeContainers';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeMeta';
import { describeTopologySpreadConstraints } from './describePod';
import { describeVolumes } from './describeVolumes';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

/** describePodTemplate writes `Pod Template:` with labels, containers (no statuses), volumes, scheduling hints. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, null, w, '  ');
  describeContainers('Containers', spec.containers, undefined, null, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
