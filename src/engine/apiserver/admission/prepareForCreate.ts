// The registry strategies' PrepareForCreate (pkg/registry/*/strategy.go, v1.32): what the apiserver
// resets or fills on every create after defaulting and admission, before validation.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../validation/index';
import { compareQuantity, parseQuantity } from '../validation/quantity';

/** DAEMONSET_TEMPLATE_GENERATION_ANNOTATION holds a DaemonSet's spec.templateGeneration in apps/v1. */
export const DAEMONSET_TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const GENERATION_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PodDisruptionBudget', 'Ingress', 'IngressClass', 'NetworkPolicy'];
const STATUS_RESET_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Service', 'ResourceQuota'];

/** podQOSClass is qos.GetPodQOS over containers and init containers (cpu and memory only). */
export function podQOSClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all: Container[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of all) {
    for (const r of ['cpu', 'memory']) {
      const req = c.resources?.requests?.[r];
      const lim = c.resources?.limits?.[r];
      if (req !== undefined || lim !== undefined) anySet = true;
      const rq = req === undefined ? undefined : parseQuantity(String(req));
      const lq = lim === undefined ? undefined : parseQuantity(String(lim));
      if ((rq && rq.num !== 0n) || (lq && lq.num !== 0n)) anySet = true;
      if (!lq || (rq && compareQuantity(rq, lq) !== 0)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function generateJobSelector(obj: KubeObject): void {
  const spec = obj.spec as { manualSelector?: boolean; selector?: unknown; template?: { metadata?: { labels?: Record<string, string> } } } | undefined;
  const uid = obj.metadata?.uid;
  if (!spec || spec.manualSelector || !uid) return;
  const name = obj.metadata?.name ?? '';
  spec.template ??= {};
  spec.template.metadata ??= {};
  spec.template.metadata.labels = {
    ...(spec.template.metadata.labels ?? {}),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
}

/**
 * prepareForCreate mutates `obj` as the kind's strategy does: generation 1, status cleared,
 * Pod phase Pending + qosClass, Namespace finalizer `kubernetes` + phase Active, Job selector and
 * labels generated from the uid (metadata.uid must already be set), Service clusterIPs from clusterIP.
 */
export function prepareForCreate(obj: KubeObject): void {
  const kind = obj.kind ?? '';
  obj.metadata ??= {};
  if (STATUS_RESET_KINDS.includes(kind)) obj.status = {};
  if (GENERATION_KINDS.includes(kind)) obj.metadata.generation = 1;
  if (kind === 'Pod') obj.status = { phase: 'Pending', qosClass: podQOSClass(obj as unknown as Pod) };
  if (kind === 'Namespace') {
    obj.spec = { ...((obj.spec as object) ?? {}), finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
  }
  if (kind === 'Job') generateJobSelector(obj);
  // daemonSetStrategy: spec.templateGeneration starts at 1 (apps/v1 carries it as an annotation).
  if (kind === 'DaemonSet') obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: '1' };
  if (kind === 'Service') {
    const spec = (obj.spec ?? {}) as { clusterIP?: string; clusterIPs?: string[] };
    if (spec.clusterIP && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [spec.clusterIP];
  }
  if (kind === 'HorizontalPodAutoscaler') obj.status = { desiredReplicas: 0 };
  // ingressStrategy: status is reset; the empty loadBalancer struct still serializes.
  if (kind === 'Ingress') obj.status = { loadBalancer: {} };
}
