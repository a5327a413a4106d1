// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) StorageClassDescriber /
// describeStorageClass and printAllowedTopologies.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { formatLabels } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printBool } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

/** isDefaultAnnotationText is storageutil.IsDefaultAnnotationText: the GA annotation, else the beta one. */
function isDefaultAnnotationText(annotations: Record<string, string> | undefined): string {
  const value = annotations?.['storageclass.kubernetes.io/is-default-class'] ?? annotations?.['storageclass.beta.kubernetes.io/is-default-class'];
  return value === 'true' ? 'Yes' : 'No';
}

function printAllowedTopologies(w: PrefixWriter, sc: StorageClass): void {
  const topologies = sc.allowedTopologies ?? [];
  w.write(LEVEL_0, 'AllowedTopologies:\t');
  if (topologies.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  topologies.forEach((term, i) => {
    const reqs = term.matchLabelExpressions ?? [];
    w.write(LEVEL_1, `Term ${i}:\t`);
    if (reqs.length === 0) w.writeLine('<none>');
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_1, '\t');
      w.write(LEVEL_0, `${req.key} in${req.values.length > 0 ? ` [${req.values.join(', ')}]` : ''}\n`);
    });
  });
}

/** describeStorageClass is `kubectl describe storageclass NAME`. */
export function describeStorageClass(sc: StorageClass, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultAnnotationText(sc.metadata?.annotations)}\n`);
    // One line of k=v pairs: a last-applied configuration brings its own newline, as upstream.
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : printBool(sc.allowVolumeExpansion)}\n`);
    const mountOptions = sc.mountOptions ?? [];
    if (mountOptions.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const option of mountOptions) w.write(LEVEL_1, `${option}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) printAllowedTopologies(w, sc);
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: sc.metadata?.name ?? '', namespace: '', kind: 'StorageClass', uid: sc.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
