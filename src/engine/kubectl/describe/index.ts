// `kubectl describe` as pure functions: find the object(s) through a DescribeLookup and render the
// text k8s.io/kubectl pkg/describe/describe.go (v1.32) prints. Several objects are separated by a
// blank line pair, as pkg/cmd/describe does.
import type { KubeObject } from '../printers/table/types';
import { describeConfigMap } from './describeConfigMap';
import { describeCronJob } from './describeCronJob';
import { describeDaemonSet } from './describeDaemonSet';
import { describeDeployment } from './describeDeployment';
import { describeGeneric } from './describeGeneric';
import { describeHorizontalPodAutoscaler } from './describeHpa';
import { describeIngress, describeIngressClass } from './describeIngress';
import { describeJob } from './describeJob';
import { describeNamespace, describeQuota } from './describeNamespace';
import { describeNode } from './describeNode';
import { describePersistentVolume } from './describePersistentVolume';
import { describePersistentVolumeClaim } from './describePersistentVolumeClaim';
import { describePod } from './describePod';
import { describeRole, describeRoleBinding, describeServiceAccount } from './describeRbac';
import { describeReplicaSet } from './describeReplicaSet';
import { describeService } from './describeService';
import { describeStatefulSet } from './describeStatefulSet';
import { describeStorageClass } from './describeStorageClass';
import { listSorted, type DescribeLookup, type DescribeOptions } from './lookup';

export type { DescribeLookup, DescribeOptions, DescribeResource } from './lookup';
export { lookupFromObjects } from './lookup';

/** DescribableResource is a resource `describe` renders. */
export type DescribableResource =
  | 'pods' | 'deployments' | 'replicasets' | 'nodes' | 'services' | 'namespaces' | 'configmaps' | 'horizontalpodautoscalers' | 'leases' | 'resourcequotas'
  | 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings' | 'serviceaccounts' | 'jobs' | 'persistentvolumeclaims' | 'persistentvolumes' | 'storageclasses' | 'cronjobs'
  | 'daemonsets'
  | 'statefulsets' | 'ingresses' | 'ingressclasses';

const CLUSTER_SCOPED = new Set<DescribableResource>(['ingressclasses', 'nodes', 'namespaces', 'clusterroles', 'clusterrolebindings', 'persistentvolumes', 'storageclasses']);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const DESCRIBERS: Record<DescribableResource, (object: any, lookup: DescribeLookup, options: DescribeOptions) => string> = {
  pods: describePod,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  nodes: describeNode,
  services: describeService,
  namespaces: (ns, lookup) => describeNamespace(ns, lookup),
  configmaps: describeConfigMap,
  horizontalpodautoscalers: describeHorizontalPodAutoscaler,
  leases: describeGeneric,
  resourcequotas: (q) => describeQuota(q),
  roles: describeRole,
  clusterroles: describeRole,
  rolebindings: describeRoleBinding,
  clusterrolebindings: describeRoleBinding,
  serviceaccounts: describeServiceAccount,
  jobs: describeJob,
  persistentvolumeclaims: describePersistentVolumeClaim,
  persistentvolumes: describePersistentVolume,
  storageclasses: describeStorageClass,
  cronjobs: describeCronJob,
  daemonsets: describeDaemonSet,
  ingresses: describeIngress,
  ingressclasses: describeIngressClass,
  statefulsets: describeStatefulSet,
};

/** describeObject renders one object of `resource`. */
export function describeObject(resource: DescribableResource, object: KubeObject, lookup: DescribeLookup, options: DescribeOptions): string {
  return DESCRIBERS[resource](object, lookup, options);
}

/** DescribeResult separates stdout from the error kubectl prints on stderr. */
export interface DescribeResult {
  stdout: string;
  stderr: string;
}

/** GROUPS qualifies resource names in NotFound errors (`deployments.apps "web" not found`). */
const RBAC = 'rbac.authorization.k8s.io';
const GROUPS: Partial<Record<DescribableResource, string>> = { jobs: 'batch', cronjobs: 'batch', storageclasses: 'storage.k8s.io', deployments: 'apps', replicasets: 'apps', daemonsets: 'apps', ingresses: 'networking.k8s.io', ingressclasses: 'networking.k8s.io', statefulsets: 'apps', horizontalpodautoscalers: 'autoscaling', leases: 'coordination.k8s.io', roles: RBAC, clusterroles: RBAC, rolebindings: RBAC, clusterrolebindings: RBAC };

/**
 * describe is `kubectl describe RESOURCE [NAME] -n NAMESPACE` (pkg/cmd/describe Run):
 * - no name: every object (apiserver order) joined by a blank line pair, or the
 *   "No resources found in NS namespace." notice on stderr;
 * - a name that exists: that object;
 * - otherwise every object whose name starts with NAME, each followed by a newline
 *   (DescribeMatchingResources), else the NotFound error on stderr.
 * @example describe('pods', 'default', 'web', lookup, { nowMs }) // all pods named web*
 */
export function describe(resource: DescribableResource, namespace: string, name: string | undefined, lookup: DescribeLookup, options: DescribeOptions): DescribeResult {
  const scope = CLUSTER_SCOPED.has(resource) ? undefined : namespace;
  const all = listSorted<KubeObject>(lookup, resource, scope);
  const render = (o: KubeObject) => describeObject(resource, o, lookup, options);
  if (name === undefined) {
    if (all.length === 0) return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n` };
    return { stdout: all.map(render).join('\n\n'), stderr: '' };
  }
  const exact = all.find((o) => o.metadata?.name === name);
  if (exact) return { stdout: render(exact), stderr: '' };
  const matching = all.filter((o) => (o.metadata?.name ?? '').startsWith(name));
  if (matching.length > 0) return { stdout: matching.map((o) => `${render(o)}\n`).join(''), stderr: '' };
  const qualified = GROUPS[resource] ? `${resource}.${GROUPS[resource]}` : resource;
  return { stdout: '', stderr: `Error from server (NotFound): ${qualified} "${name}" not found\n` };
}
