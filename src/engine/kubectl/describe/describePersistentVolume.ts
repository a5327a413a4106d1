// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) PersistentVolumeDescriber /
// describePersistentVolume, printVolumeNodeAffinity and the source printers for the volume types
// k8sim clusters use (hostPath, local, nfs, csi); others print `<unknown>` as upstream does.
import type { NodeSelectorRequirement, PersistentVolume } from 'kubernetes-types/core/v1';
import { volumeClass } from '../../api/storageClassName';
import { translateTimestampSince } from '../printers/humanDuration';
import { accessModesText } from '../printers/table/printStorage';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { goStringSlice } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefixWriter';

function printVolumeNodeAffinity(w: PrefixWriter, pv: PersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => printRequirements(w, `Term ${i}`, term.matchExpressions ?? []));
}

/** printRequirements is printNodeSelectorTermsMultilineWithIndent at LEVEL_2: `key in [a, b]` per line. */
function printRequirements(w: PrefixWriter, title: string, reqs: readonly NodeSelectorRequirement[]): void {
  w.write(LEVEL_2, `${title}:\t`);
  if (reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((req, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    const values = req.values && req.values.length > 0 ? ` [${req.values.join(', ')}]` : '';
    w.write(LEVEL_0, `${req.key} ${req.operator.toLowerCase()}${values}\n`);
  });
}

function printSource(w: PrefixWriter, pv: PersistentVolume): void {
  const spec = pv.spec ?? {};
  if (spec.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
  } else if (spec.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly ?? false}\n`);
  } else if (spec.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  } else if (spec.csi) {
    const attributes = Object.keys(spec.csi.volumeAttributes ?? {}).sort().map((k) => `${k}=${spec.csi!.volumeAttributes![k]}`);
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly ?? false}\n`);
    // printCSIPersistentVolumeAttributesMultilineIndent: every Write adds the level's indent,
    // so the values sit one indent further right than the other fields (as in real output).
    w.write(LEVEL_2, 'VolumeAttributes:\t');
    if (attributes.length === 0) w.writeLine('<none>');
    attributes.forEach((line, i) => {
      if (i !== 0) {
        w.write(LEVEL_2, '');
        w.write(LEVEL_2, '\t');
      }
      w.write(LEVEL_2, `${line}\n`);
    });
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describePersistentVolume is `kubectl describe pv NAME`. */
export function describePersistentVolume(pv: PersistentVolume, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    const meta = pv.metadata;
    w.write(LEVEL_0, `Name:\t${meta?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta?.labels);
    printAnnotationsMultiline(w, 'Annotations', meta?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta?.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${volumeClass(pv)}\n`);
    if (meta?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, options.nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    const ref = pv.spec?.claimRef;
    w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesText(pv.spec?.accessModes)}\n`);
    if (pv.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${formatQuantity(parseQuantity(pv.spec?.capacity?.storage ?? '0'))}\n`);
    printVolumeNodeAffinity(w, pv);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    printSource(w, pv);
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: meta?.name ?? '', namespace: '', kind: 'PersistentVolume', uid: meta?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
