// applyDefaults is what the apiserver's decoder does after conversion: the generated
// SetObjectDefaults_<Kind> for the object's kind (pkg/apis/*/v1/zz_generated.defaults.go), v1.32.
// Kinds without defaulters (ConfigMap, Event, Lease, PodDisruptionBudget, ServiceAccount) pass through.
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import { cloneUnfrozen, copyWith, deepClone } from '../../../api/object';
import { convertHPAv1ToV2, setDefaultsHPA } from './hpaDefaults';
import {
  setDefaultsLimitRange, setDefaultsNamespace, setDefaultsNode, setDefaultsPersistentVolume, setDefaultsPersistentVolumeClaim, setDefaultsPriorityClass,
  setDefaultsResourceQuota, setDefaultsSecret, setDefaultsStorageClass,
} from './otherDefaults';
import { setDefaultsNetworkPolicy } from './networkingDefaults';
import { setDefaultsPod, setDefaultsPodSpec } from './podDefaults';
import { setDefaultsEndpointSlice, setDefaultsEndpoints, setDefaultsService } from './serviceDefaults';
import {
  setDefaultsCronJob,
  setDefaultsDaemonSet,
  setDefaultsDeployment,
  setDefaultsJob,
  setDefaultsReplicaSet,
  setDefaultsStatefulSet,
} from './workloadDefaults';

const DEFAULTERS: Record<string, (obj: never) => void> = {
  Pod: setDefaultsPod,
  Deployment: setDefaultsDeployment,
  ReplicaSet: setDefaultsReplicaSet,
  StatefulSet: setDefaultsStatefulSet,
  DaemonSet: setDefaultsDaemonSet,
  Job: setDefaultsJob,
  CronJob: setDefaultsCronJob,
  Service: setDefaultsService,
  Endpoints: setDefaultsEndpoints,
  EndpointSlice: setDefaultsEndpointSlice,
  HorizontalPodAutoscaler: setDefaultsHPA,
  Secret: setDefaultsSecret,
  Namespace: setDefaultsNamespace,
  Node: setDefaultsNode,
  ResourceQuota: setDefaultsResourceQuota,
  LimitRange: setDefaultsLimitRange,
  PriorityClass: setDefaultsPriorityClass,
  PersistentVolume: setDefaultsPersistentVolume,
  PersistentVolumeClaim: setDefaultsPersistentVolumeClaim,
  StorageClass: setDefaultsStorageClass,
  NetworkPolicy: setDefaultsNetworkPolicy,
  PodTemplate: (t: { template?: { spec?: never } }) => {
    if (t.template?.spec) setDefaultsPodSpec(t.template.spec);
  },
};

/**
 * applyDefaults returns a defaulted deep copy of `obj` (the input is not changed). Applying it
 * twice gives the same object (tested as a property).
 *
 * @example
 * applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }).type // 'Opaque'
 */
export function applyDefaults<T extends { kind?: string }>(obj: T): T {
  if (obj.kind === 'Event') return decodeEvent(obj);
  // deepClone, not structuredClone: the objects are plain JSON data, and the hand-written copy is
  // several times cheaper on the write path (every create and update is defaulted).
  const copy = toStorageVersion(deepClone(obj));
  const fn = DEFAULTERS[copy.kind ?? ''];
  if (fn) fn(copy as never);
  return copy;
}

/**
 * decodeEvent copies an Event (it has no defaulter) but keeps its frozen parts shared: nothing
 * after decoding edits an Event below its metadata, which is always copied. A recorder sends the
 * same frozen `source`, and for a run of events about one container the same involvedObject, so
 * ~635,000 Events of 150,000 pods need not carry ~635,000 copies of each.
 */
function decodeEvent<T>(obj: T): T {
  const event = obj as { metadata?: unknown };
  // copyWith gives an open top level with a fresh metadata copy, so cloneUnfrozen copies those
  // two and keeps the frozen rest (a second small copy of the metadata, no second copy loop).
  return cloneUnfrozen(copyWith(event, { metadata: deepClone(event.metadata) })) as T;
}

/**
 * toStorageVersion converts an object sent in an older version to the one the apiserver stores
 * and serves by default: an autoscaling/v1 HorizontalPodAutoscaler (what `kubectl autoscale`
 * sends) becomes autoscaling/v2, its targetCPUUtilizationPercentage a cpu Utilization metric.
 */
function toStorageVersion<T extends { kind?: string }>(obj: T): T {
  const typed = obj as { kind?: string; apiVersion?: string };
  if (typed.kind === 'HorizontalPodAutoscaler' && typed.apiVersion === 'autoscaling/v1') return convertHPAv1ToV2(obj as HPAv1) as unknown as T;
  return obj;
}
