// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) DaemonSetDescriber / describeDaemonSet.
// Unlike most describers it prints no Namespace line.
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { formatLabels, formatLabelSelector } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { describePodTemplate } from './describePodTemplate';
import { podPhaseCounts } from './describeReplicaSet';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, tabbedString } from './prefixWriter';

/** describeDaemonSet is `kubectl describe daemonset NAME`. */
export function describeDaemonSet(ds: DaemonSet, lookup: DescribeLookup, options: DescribeOptions): string {
  const counts = podPhaseCounts(ds, lookup);
  const status = ds.status;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${status?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${status?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${status?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${status?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${status?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
    describePodTemplate(ds.spec?.template, w);
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: ds.metadata?.name ?? '', namespace: ds.metadata?.namespace ?? '', kind: 'DaemonSet', uid: ds.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
