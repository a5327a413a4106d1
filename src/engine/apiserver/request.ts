import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../api/object';
import type { RequestSpan } from './trace/requestSpan';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

/** UserInfo is what authentication yields (k8s.io/apiserver pkg/authentication/user). */
export interface UserInfo {
  username: string;
  groups: string[];
}

export type PatchType = 'strategic' | 'merge' | 'json';

export interface DeleteOptions {
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface RequestOptions extends DeleteOptions {
  dryRun?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  fieldManager?: string;
}

/** ApiRequest is one call to the apiserver, as its HTTP handler chain would see it. */
export interface ApiRequest {
  verb: Verb;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  /** group names an aggregated API (`metrics.k8s.io`), served by its APIService's backend. */
  group?: string;
  subresource?: 'status' | 'scale' | 'binding' | 'eviction' | 'ephemeralcontainers';
  namespace?: string;
  name?: string;
  body?: KubeObject;
  patch?: { type: PatchType; data: unknown };
  options?: RequestOptions;
  user: UserInfo;
  /** Which component sent it (trace only): 'kubectl', 'kube-scheduler', 'kubelet/node-1', ... */
  component: string;
  /** span times the handler and its storage calls for the apiserver's slow-request log (set by the server). */
  span?: RequestSpan;
}

/** ApiResult is the answer: the object (or list) on success, a metav1.Status on failure. */
/** A success may carry the apiserver's Warning headers (admission warnings), which kubectl prints. */
export type ApiResult<T = Stored<KubeObject>> = { ok: true; object: T; warnings?: string[] } | { ok: false; status: Status };

export interface ObjectList<T = Stored<KubeObject>> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: T[];
}
