// applyDefaults is what the apiserver's decoder does after conversion: the generated
// SetObjectDefaults_<Kind> for the object's kind (pkg/apis/*/v1/zz_generated.defaults.go), v1.32.
// Kinds without defaulters (ConfigMap, Event, Lease, PodDisruptionBudget, ServiceAccount) pass through.
import { setDefaultsHPA } from './hpaDefaults';
import { setDefaultsNamespace, setDefaultsNode, setDefaultsPriorityClass, setDefaultsResourceQuota, setDefaultsSecret } from './otherDefaults';
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
  PriorityClass: setDefaultsPriorityClass,
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
  const copy = structuredClone(obj);
  const fn = DEFAULTERS[copy.kind ?? ''];
  if (fn) fn(copy as never);
  return copy;
}
