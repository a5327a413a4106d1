// The read-only view of the cluster that describe needs besides the object itself: its events,
// a Deployment's ReplicaSets, a ReplicaSet's pods, the pods on a Node, a Service's
// EndpointSlices, a Node's Lease, a Namespace's quotas. Synchronous, so the simulator's store (or
// a test fixture) can answer directly.
import type { Event } from 'kubernetes-types/core/v1';
import { apiserverOrder } from '../printers/table/printTable';
import type { KubeObject } from '../printers/table/types';

/** DescribeResource is a plural resource describe may list. */
export type DescribeResource =
  | 'events' | 'pods' | 'replicasets' | 'deployments' | 'services' | 'nodes' | 'endpointslices'
  | 'leases' | 'namespaces' | 'configmaps' | 'resourcequotas' | 'limitranges' | 'horizontalpodautoscalers'
  | 'roles' | 'clusterroles' | 'rolebindings' | 'clusterrolebindings' | 'serviceaccounts' | 'jobs' | 'persistentvolumeclaims' | 'persistentvolumes' | 'storageclasses' | 'cronjobs'
  | 'daemonsets' | 'statefulsets' | 'ingresses' | 'ingressclasses';

/** DescribeLookup lists objects of a resource, in one namespace or (namespace undefined) all. */
export interface DescribeLookup {
  list(resource: DescribeResource, namespace?: string): readonly KubeObject[];
}

/** DescribeOptions carries the sim clock and `--show-events` (default true). */
export interface DescribeOptions {
  nowMs: number;
  showEvents?: boolean;
}

/** ObjectReference names what events are searched for (client-go GetFieldSelector terms). */
export interface EventQuery {
  name: string;
  /** '' for cluster-scoped objects */
  namespace: string;
  /** omitted for pods: PodDescriber clears ref.Kind */
  kind?: string;
  uid?: string;
}

/** listSorted lists through the lookup in apiserver order (namespace/name key order). */
export function listSorted<T extends KubeObject>(lookup: DescribeLookup, resource: DescribeResource, namespace?: string): T[] {
  return apiserverOrder(lookup.list(resource, namespace) as T[]);
}

/**
 * searchEvents mirrors describe.go searchEvents: events whose involvedObject matches name,
 * namespace, kind (if given) and uid (if given), in apiserver list order. A cluster-scoped
 * object's events are searched in every namespace.
 */
export function searchEvents(lookup: DescribeLookup, query: EventQuery): Event[] {
  const namespace = query.namespace === '' ? undefined : query.namespace;
  return listSorted<Event>(lookup, 'events', namespace).filter((e) => {
    const ref = e.involvedObject ?? {};
    if ((ref.name ?? '') !== query.name || (ref.namespace ?? '') !== query.namespace) return false;
    if (query.kind !== undefined && (ref.kind ?? '') !== query.kind) return false;
    return query.uid === undefined || query.uid === '' || (ref.uid ?? '') === query.uid;
  });
}

/** lookupFromObjects builds a DescribeLookup over a flat list (kind → resource by the usual plural). */
export function lookupFromObjects(objects: readonly KubeObject[]): DescribeLookup {
  const plural = (kind: string) => (kind === 'Endpoints' ? 'endpoints' : `${kind.toLowerCase()}${kind.endsWith('s') ? 'es' : 's'}`);
  return {
    list(resource, namespace) {
      return objects.filter((o) => plural(o.kind ?? '') === resource && (namespace === undefined || (o.metadata?.namespace ?? '') === namespace));
    },
  };
}
