// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) DeploymentDescriber / describeDeployment.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { selectorString } from '../printers/table/labels';
import { getAllReplicaSets } from './deploymentReplicaSets';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { describePodTemplate } from './describePodTemplate';
import { formatRFC1123Z } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';

/** printReplicaSetsByLabels lists `name (current/desired replicas created)`, `<none>` if empty. */
function printReplicaSetsByLabels(sets: readonly ReplicaSet[]): string {
  const text = sets.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

/** describeDeployment is `kubectl describe deployment NAME`. */
export function describeDeployment(d: Deployment, lookup: DescribeLookup, options: DescribeOptions): string {
  // describe shows every old ReplicaSet, scaled-down ones included (GetAllReplicaSets' second result).
  const { newRS, allOld: old } = getAllReplicaSets(d, lookup);
  const newRSs = newRS ? [newRS] : [];
  return tabbedString((w) => {
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${d.spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
    const ru = d.spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`);
    describePodTemplate(d.spec?.template, w);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (old.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRSs)}\n`);
    }
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: d.metadata?.name ?? '', namespace: d.metadata?.namespace ?? '', kind: 'Deployment', uid: d.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}
