// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) PodDescriber / describePod.
import type { Event, Pod, ResourceRequirements, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { translateTimestampSince } from '../printers/humanDuration';
import { compareStrings, formatLabelSelector } from '../printers/table/labels';
import { describeContainers, describeResources } from './describeContainers';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeMeta';
import { describeVolumes } from './describeVolumes';
import { formatRFC1123Z } from './goFormat';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';
import { getPodQOS } from './qos';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** printController is `Kind/name` of the controller owner reference, '' without one. */
export function printController(owners: readonly OwnerReference[] | undefined): string {
  const controller = (owners ?? []).find((o) => o.controller);
  return controller ? `${controller.kind}/${controller.name}` : '';
}

function describeTopologySpreadConstraints(constraints: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!constraints || constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) => compareStrings(a.topologyKey, b.topologyKey));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
export { describeTopologySpreadConstraints };

function describePodHeader(pod: Pod, w: PrefixWriter, nowMs: number): void {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(deletion, nowMs)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata?.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = printController(pod.metadata?.ownerReferences);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
}

function describePodConditions(pod: Pod, w: PrefixWriter): void {
  const gates = pod.spec?.readinessGates ?? [];
  const conditions = pod.status?.conditions ?? [];
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of gates) {
      const status = conditions.find((c) => c.type === gate.conditionType)?.status ?? '<none>';
      w.write(LEVEL_1, `${gate.conditionType} \t${status} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
}

/** podEvents finds a pod's events by name, namespace and uid (a mirror pod's events use the static pod's uid). */
export function podEvents(pod: Pod, lookup: DescribeLookup): Event[] {
  const mirrorUid = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
  return searchEvents(lookup, { name: pod.metadata?.name ?? '', namespace: pod.metadata?.namespace ?? '', uid: mirrorUid ?? pod.metadata?.uid });
}

/** describePod is `kubectl describe pod NAME`. */
export function describePod(pod: Pod, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    describePodHeader(pod, w, options.nowMs);
    const podResources = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    const spec = pod.spec ?? { containers: [] };
    if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, pod.status?.initContainerStatuses, pod, w, '');
    describeContainers('Containers', spec.containers, pod.status?.containerStatuses, pod, w, '');
    if ((spec.ephemeralContainers ?? []).length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers, pod.status?.ephemeralContainerStatuses, pod, w, '');
    describePodConditions(pod, w);
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${getPodQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (options.showEvents !== false) describeEvents(podEvents(pod, lookup), w, options.nowMs);
  });
}
