// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) PersistentVolumeClaimDescriber:
// describePersistentVolumeClaim, printPersistentVolumeClaim, getPodsForPVC, printPodsMultiline.
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { mountsClaim } from '../../api/podClaims';
import { claimClass } from '../../api/storageClassName';
import { translateTimestampSince } from '../printers/humanDuration';
import { accessModesText } from '../printers/table/printStorage';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { formatRFC1123Z, goStringSlice } from './goFormat';
import { listSorted, searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

/** podsForClaim is getPodsForPVC: pods mounting the claim, then pods that own it, each once. */
function podsForClaim(pvc: PersistentVolumeClaim, lookup: DescribeLookup): Pod[] {
  const pods = listSorted<Pod>(lookup, 'pods', pvc.metadata?.namespace ?? '');
  const using = pods.filter((pod) => mountsClaim(pod, pvc.metadata?.name));
  for (const owner of pvc.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = pods.find((p) => p.metadata?.uid === owner.uid);
    if (pod && !using.includes(pod)) using.push(pod);
  }
  return using;
}

/** printPodsMultiline lists pod names sorted, one per line, or `<none>`. */
function printPodsMultiline(w: PrefixWriter, title: string, pods: Pod[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  const names = pods.map((p) => p.metadata?.name ?? '').sort();
  names.forEach((name, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${name}\n`));
}

/** describePersistentVolumeClaim is `kubectl describe pvc NAME`. */
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    const meta = pvc.metadata;
    w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
    if (meta?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, options.nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta?.labels);
    printAnnotationsMultiline(w, 'Annotations', meta?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta?.finalizers)}\n`);
    // Capacity and access modes are the bound volume's (status), so empty until bound.
    const bound = Boolean(pvc.spec?.volumeName);
    const storage = pvc.status?.capacity?.storage;
    w.write(LEVEL_0, `Capacity:\t${bound ? formatQuantity(parseQuantity(storage ?? '0')) : ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
    if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
    const source = pvc.spec?.dataSource;
    if (source) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (source.apiGroup) w.write(LEVEL_1, `APIGroup:\t${source.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${source.kind}\n`);
      w.write(LEVEL_1, `Name:\t${source.name}\n`);
    }
    printPodsMultiline(w, 'Used By', podsForClaim(pvc, lookup));
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastProbeTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: meta?.name ?? '', namespace: meta?.namespace ?? '', kind: 'PersistentVolumeClaim', uid: meta?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
