// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) ReplicaSetDescriber / describeReplicaSet
// and getPodStatusForController.
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import { formatLabelSelector } from '../printers/table/labels';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { printController } from './describePod';
import { describePodTemplate } from './describePodTemplate';
import { listSorted, searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { matchesSelector } from './selectorMatch';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';

/** podPhaseCounts counts the pods the controller (by uid) owns among those its selector matches. */
export function podPhaseCounts(owner: { metadata?: ObjectMeta; spec?: { selector?: LabelSelector } }, lookup: DescribeLookup): Record<'Running' | 'Pending' | 'Succeeded' | 'Failed', number> {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  const pods = listSorted<Pod>(lookup, 'pods', owner.metadata?.namespace ?? '');
  for (const pod of pods) {
    if (!matchesSelector(owner.spec?.selector, pod.metadata?.labels)) continue;
    const controller = (pod.metadata?.ownerReferences ?? []).find((o) => o.controller);
    if (!controller || controller.uid !== owner.metadata?.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  return counts;
}

/** describeReplicaSet is `kubectl describe replicaset NAME`. */
export function describeReplicaSet(rs: ReplicaSet, lookup: DescribeLookup, options: DescribeOptions): string {
  const counts = podPhaseCounts(rs, lookup);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = printController(rs.metadata?.ownerReferences);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
    describePodTemplate(rs.spec?.template, w);
    const conditions = rs.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: rs.metadata?.name ?? '', namespace: rs.metadata?.namespace ?? '', kind: 'ReplicaSet', uid: rs.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
