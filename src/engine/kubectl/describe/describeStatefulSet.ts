// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) StatefulSetDescriber / describeStatefulSet
// and describeVolumeClaimTemplates.
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { claimClass } from '../../api/storageClassName';
import { selectorString } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { describePodTemplate } from './describePodTemplate';
import { podPhaseCounts } from './describeReplicaSet';
import { formatRFC1123Z } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

/** describeStatefulSet is `kubectl describe statefulset NAME`. */
export function describeStatefulSet(set: StatefulSet, lookup: DescribeLookup, options: DescribeOptions): string {
  const counts = podPhaseCounts(set, lookup);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${set.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${set.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(set.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(set.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', set.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', set.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${set.spec?.replicas ?? 0} desired | ${set.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${set.spec?.updateStrategy?.type ?? ''}\n`);
    const rollingUpdate = set.spec?.updateStrategy?.rollingUpdate;
    // MaxUnavailable is only printed under a Partition line.
    if (rollingUpdate?.partition !== undefined) {
      w.write(LEVEL_1, `Partition:\t${rollingUpdate.partition}\n`);
      if (rollingUpdate.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${String(rollingUpdate.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
    describePodTemplate(set.spec?.template, w);
    describeVolumeClaimTemplates(set.spec?.volumeClaimTemplates, w);
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: set.metadata?.name ?? '', namespace: set.metadata?.namespace ?? '', kind: 'StatefulSet', uid: set.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}

/** describeVolumeClaimTemplates lists each template's name, class, labels, annotations, requested size and access modes. */
function describeVolumeClaimTemplates(templates: readonly PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const claim of templates) {
    w.write(LEVEL_1, `Name:\t${claim.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(claim)}\n`);
    printLabelsMultiline(w, 'Labels', claim.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', claim.metadata?.annotations, '  ');
    const storage = claim.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? String(storage) : '<default>'}\n`);
    // Go's %s of []PersistentVolumeAccessMode: `[ReadWriteOnce]`.
    w.write(LEVEL_1, `Access Modes:\t[${(claim.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}
