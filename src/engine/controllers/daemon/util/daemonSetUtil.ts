// Mirrors kubernetes pkg/controller/daemon/util/daemonset_util.go (v1.32): the pod template a
// DaemonSet stamps per node, its default tolerations, the node-pinning affinity and the
// "is this pod up to date" test.

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Affinity, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import { deepClone } from '../../../api/object';
import { getScaledValueFromIntOrPercent } from '../../deployment/util/fenceposts';

/** DAEMONSET_TEMPLATE_GENERATION_KEY is extensions.DaemonSetTemplateGenerationKey (pod label). */
export const DAEMONSET_TEMPLATE_GENERATION_KEY = 'pod-template-generation';
/** TEMPLATE_GENERATION_ANNOTATION carries spec.templateGeneration on apps/v1 DaemonSets. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
/** CONTROLLER_REVISION_HASH_LABEL is apps.ControllerRevisionHashLabelKey (= DefaultDaemonSetUniqueLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

const exists = (key: string, effect: Toleration['effect']): Toleration => ({ key, operator: 'Exists', effect });

/**
 * DAEMON_POD_TOLERATIONS: a daemon pod keeps running on not-ready and unreachable nodes (no
 * tolerationSeconds, so the taint manager never evicts it) and is scheduled despite pressure and
 * cordoning; host-network pods also tolerate network-unavailable.
 */
const DAEMON_POD_TOLERATIONS: Toleration[] = [
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];

/** addOrUpdateDaemonPodTolerations appends each default toleration unless an equal one is there. */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): void {
  const wanted = spec.hostNetwork ? [...DAEMON_POD_TOLERATIONS, exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : DAEMON_POD_TOLERATIONS;
  const tolerations = [...(spec.tolerations ?? [])];
  for (const toleration of wanted) {
    // AddOrUpdateTolerationInPodSpec: an existing toleration with the same key, operator, value
    // and effect is replaced in place; anything else is appended.
    const i = tolerations.findIndex((t) => t.key === toleration.key && (t.operator ?? 'Equal') === toleration.operator && (t.value ?? '') === '' && t.effect === toleration.effect);
    if (i >= 0) tolerations[i] = toleration;
    else tolerations.push(toleration);
  }
  spec.tolerations = tolerations;
}

/** createPodTemplate: the template plus default tolerations, template generation and hash labels. */
export function createPodTemplate(template: PodTemplateSpec, generation: number | undefined, hash: string): PodTemplateSpec {
  const newTemplate = deepClone(template);
  newTemplate.spec ??= { containers: [] };
  addOrUpdateDaemonPodTolerations(newTemplate.spec);
  newTemplate.metadata ??= {};
  newTemplate.metadata.labels = { ...(newTemplate.metadata.labels ?? {}) };
  if (generation !== undefined) newTemplate.metadata.labels[DAEMONSET_TEMPLATE_GENERATION_KEY] = String(generation);
  if (hash) newTemplate.metadata.labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return newTemplate;
}

/**
 * replaceDaemonSetPodNodeNameNodeAffinity pins the pod to one node for the default scheduler:
 * the required node affinity becomes a single `metadata.name In [node]` field term (the user's
 * required terms are replaced; preferred terms stay).
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const nodeSelector = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const next: Affinity = affinity ? { ...affinity } : {};
  next.nodeAffinity = { ...(next.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: nodeSelector };
  return next;
}

/**
 * getTargetNodeName: the pod's nodeName, else the single node its `metadata.name` field affinity
 * names (a daemon pod not yet scheduled); undefined when neither says.
 */
export function getTargetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In' && field.values?.length === 1) return field.values[0];
    }
  }
  return undefined;
}

/** getTemplateGeneration reads the template-generation annotation (undefined if absent or not a number). */
export function getTemplateGeneration(ds: DaemonSet): number | undefined {
  const value = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (value === undefined || !/^-?\d+$/.test(value)) return undefined;
  return Number(value);
}

/** isPodUpdated: the pod carries the current revision hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  const templateMatches = generation !== undefined && labels[DAEMONSET_TEMPLATE_GENERATION_KEY] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

function isRollingUpdate(ds: DaemonSet): boolean {
  return ds.spec?.updateStrategy?.type === 'RollingUpdate' && ds.spec.updateStrategy.rollingUpdate !== undefined;
}

/** unavailableCount: maxUnavailable of the desired count (percent rounded up); 0 for OnDelete. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  if (!isRollingUpdate(ds)) return 0;
  const scaled = getScaledValueFromIntOrPercent(ds.spec!.updateStrategy!.rollingUpdate!.maxUnavailable, numberToSchedule, true);
  return scaled.ok ? scaled.value : 0;
}

/** surgeCount: maxSurge of the desired count (percent rounded up); 0 for OnDelete or no maxSurge. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  if (!isRollingUpdate(ds)) return 0;
  const scaled = getScaledValueFromIntOrPercent(ds.spec!.updateStrategy!.rollingUpdate!.maxSurge, numberToSchedule, true);
  return scaled.ok ? scaled.value : 0;
}

/** allowsSurge: maxSurge of a single node is not zero (any positive percent rounds up to 1). */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) !== 0;
}
