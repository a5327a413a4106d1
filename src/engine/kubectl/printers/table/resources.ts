// The resources `printTable` knows: plural name → server-side printer, its GroupKind (for the
// `deployment.apps/web` names of multi-kind output) and whether it is namespaced.
import { controllerRevisionPrinter, daemonSetPrinter } from './printDaemonSet';
import { eventPrinter } from './printEvent';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './printNetworking';
import { hpaPrinter } from './printHpa';
import {
  configMapPrinter, leasePrinter, namespacePrinter, podDisruptionBudgetPrinter, priorityClassPrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter,
} from './printMisc';
import { nodePrinter } from './printNode';
import { roleBindingPrinter, rolePrinter } from './printRbac';
import { podPrinter } from './printPod';
import { statefulSetPrinter } from './printStatefulSet';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './printStorage';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './printServices';
import { cronJobPrinter, deploymentPrinter, jobPrinter, replicaSetPrinter } from './printWorkloads';
import type { ResourcePrinter } from './types';

/** PrintableResource is a plural resource name as kubectl's REST mapping knows it. */
export type PrintableResource =
  | 'pods' | 'deployments' | 'replicasets' | 'services' | 'endpoints' | 'endpointslices' | 'nodes' | 'namespaces'
  | 'events' | 'configmaps' | 'secrets' | 'jobs' | 'cronjobs' | 'horizontalpodautoscalers' | 'resourcequotas'
  | 'priorityclasses' | 'poddisruptionbudgets' | 'leases' | 'roles' | 'rolebindings' | 'clusterroles' | 'clusterrolebindings'
  | 'persistentvolumes' | 'persistentvolumeclaims' | 'storageclasses' | 'serviceaccounts'
  | 'daemonsets' | 'controllerrevisions' | 'ingresses' | 'ingressclasses' | 'networkpolicies'
  | 'statefulsets';

export interface ResourceInfo {
  /** API group ('' for core) */
  group: string;
  kind: string;
  namespaced: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  printer: ResourcePrinter<any>;
}

export const RESOURCES: Record<PrintableResource, ResourceInfo> = {
  pods: { group: '', kind: 'Pod', namespaced: true, printer: podPrinter },
  deployments: { group: 'apps', kind: 'Deployment', namespaced: true, printer: deploymentPrinter },
  replicasets: { group: 'apps', kind: 'ReplicaSet', namespaced: true, printer: replicaSetPrinter },
  services: { group: '', kind: 'Service', namespaced: true, printer: servicePrinter },
  endpoints: { group: '', kind: 'Endpoints', namespaced: true, printer: endpointsPrinter },
  endpointslices: { group: 'discovery.k8s.io', kind: 'EndpointSlice', namespaced: true, printer: endpointSlicePrinter },
  nodes: { group: '', kind: 'Node', namespaced: false, printer: nodePrinter },
  namespaces: { group: '', kind: 'Namespace', namespaced: false, printer: namespacePrinter },
  events: { group: '', kind: 'Event', namespaced: true, printer: eventPrinter },
  configmaps: { group: '', kind: 'ConfigMap', namespaced: true, printer: configMapPrinter },
  secrets: { group: '', kind: 'Secret', namespaced: true, printer: secretPrinter },
  jobs: { group: 'batch', kind: 'Job', namespaced: true, printer: jobPrinter },
  cronjobs: { group: 'batch', kind: 'CronJob', namespaced: true, printer: cronJobPrinter },
  horizontalpodautoscalers: { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', namespaced: true, printer: hpaPrinter },
  resourcequotas: { group: '', kind: 'ResourceQuota', namespaced: true, printer: resourceQuotaPrinter },
  priorityclasses: { group: 'scheduling.k8s.io', kind: 'PriorityClass', namespaced: false, printer: priorityClassPrinter },
  poddisruptionbudgets: { group: 'policy', kind: 'PodDisruptionBudget', namespaced: true, printer: podDisruptionBudgetPrinter },
  leases: { group: 'coordination.k8s.io', kind: 'Lease', namespaced: true, printer: leasePrinter },
  roles: { group: 'rbac.authorization.k8s.io', kind: 'Role', namespaced: true, printer: rolePrinter },
  rolebindings: { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding', namespaced: true, printer: roleBindingPrinter },
  clusterroles: { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', namespaced: false, printer: rolePrinter },
  clusterrolebindings: { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', namespaced: false, printer: roleBindingPrinter },
  persistentvolumes: { group: '', kind: 'PersistentVolume', namespaced: false, printer: persistentVolumePrinter },
  persistentvolumeclaims: { group: '', kind: 'PersistentVolumeClaim', namespaced: true, printer: persistentVolumeClaimPrinter },
  storageclasses: { group: 'storage.k8s.io', kind: 'StorageClass', namespaced: false, printer: storageClassPrinter },
  serviceaccounts: { group: '', kind: 'ServiceAccount', namespaced: true, printer: serviceAccountPrinter },
  daemonsets: { group: 'apps', kind: 'DaemonSet', namespaced: true, printer: daemonSetPrinter },
  controllerrevisions: { group: 'apps', kind: 'ControllerRevision', namespaced: true, printer: controllerRevisionPrinter },
  ingresses: { group: 'networking.k8s.io', kind: 'Ingress', namespaced: true, printer: ingressPrinter },
  ingressclasses: { group: 'networking.k8s.io', kind: 'IngressClass', namespaced: false, printer: ingressClassPrinter },
  networkpolicies: { group: 'networking.k8s.io', kind: 'NetworkPolicy', namespaced: true, printer: networkPolicyPrinter },
  statefulsets: { group: 'apps', kind: 'StatefulSet', namespaced: true, printer: statefulSetPrinter },
};

/**
 * ALL_CATEGORY is what `kubectl get all` expands to on a v1.32 cluster (the "all" category, in
 * discovery order): pods, replicationcontrollers, services, daemonsets, deployments, replicasets,
 * statefulsets, horizontalpodautoscalers, cronjobs, jobs. The ones k8sim models are listed.
 */
export const ALL_CATEGORY: PrintableResource[] = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** qualifiedKind is GroupKind.String() lower-cased: `pod`, `deployment.apps`. */
export function qualifiedKind(resource: PrintableResource): string {
  const info = RESOURCES[resource];
  return (info.group ? `${info.kind}.${info.group}` : info.kind).toLowerCase();
}
