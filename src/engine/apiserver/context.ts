import type { Status } from 'kubernetes-types/meta/v1';
import { findResource, storageKey, type ResourceInfo } from '../api/resources';
import type { EtcdClient } from '../etcd/types';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import type { ServiceAllocators } from './registry/serviceAlloc';
import type { Cacher } from './cacher/cacher';
import type { ApiServerMetrics } from './metrics/apiserverMetrics';
import type { ApiRequest } from './request';
import type { EtcdStore } from './storage/store';

/** ServerContext is what every handler of the simulated kube-apiserver shares. */
export interface ServerContext {
  sim: Simulator;
  rng: Rng;
  etcd: EtcdClient;
  store: EtcdStore;
  cachers: Map<string, Cacher>;
  /** Service ClusterIP and NodePort allocators (pkg/registry/core/service/ipallocator, portallocator). */
  allocators: ServiceAllocators;
  epochMs: number;
  /** metrics: what its /metrics page reports (requests, in-flight peaks, etcd calls). */
  metrics: ApiServerMetrics;
}

export function cacherFor(ctx: ServerContext, resource: string): Cacher {
  const cacher = ctx.cachers.get(resource);
  if (!cacher) throw new Error(`no watch cache for ${resource}`);
  return cacher;
}

export function keyOf(info: ResourceInfo, req: ApiRequest, name = req.name ?? ''): string {
  return storageKey(info, req.namespace, name);
}

/** requestInfo resolves the resource (undefined for a name the server does not serve). */
export function requestInfo(req: ApiRequest): ResourceInfo | undefined {
  return findResource(req.resource);
}

/** unknownResource is the router's 404 for a resource the server does not serve. */
export function unknownResource(): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 };
}

/** traceRequestStage records one stage of the request chain (authn, authz, admission, ...). */
export function traceStage(ctx: ServerContext, req: ApiRequest, stage: string, extra: Record<string, unknown> = {}): void {
  if (!ctx.sim.trace.enabled) return;
  const info = requestInfo(req);
  ctx.sim.emit({
    component: 'kube-apiserver',
    kind: `apiserver.${stage}`,
    ref: {
      kind: info?.kind ?? req.resource,
      namespace: req.namespace,
      name: req.name ?? req.body?.metadata?.name ?? req.body?.metadata?.generateName ?? '',
    },
    verb: req.verb,
    from: req.component,
    user: req.user.username,
    ...extra,
  });
}
