import type { Status } from 'kubernetes-types/meta/v1';
import { deepClone, deepFreeze, writableMeta, type KubeObject, type Stored } from '../../api/object';
import { resourceInfo } from '../../api/resources';
import type { ApiResult, DeleteOptions, ObjectList, PatchType } from '../../apiserver/request';
import { Future } from '../../sim/future';
import type { ControllerClient } from '../types';

/** Action is one recorded client call, as client-go's fake.Clientset records them. */
export interface Action {
  verb: 'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'patch' | 'delete';
  resource: string;
  namespace?: string;
  name?: string;
  object?: KubeObject;
  patch?: { type: PatchType; data: unknown };
  options?: DeleteOptions;
}

/** Reactor may answer a call instead of the fake store (to inject failures). */
export type Reactor = (action: Action) => ApiResult<unknown> | undefined;

/**
 * FakeClient is the fixture-style clientset of the controller tests: every call is recorded and
 * answered at once from an in-memory store (creates get a name and uid, writes bump a counter
 * resourceVersion), so a test can run one sync and compare the list of actions.
 */
export class FakeClient implements ControllerClient {
  readonly actions: Action[] = [];
  readonly reactors: Reactor[] = [];
  private readonly store = new Map<string, Stored<KubeObject>>();
  private rv = 1000;
  private serial = 0;

  /** unthrottled: the fake has no rate limit (the event recorder asks for its own client). */
  unthrottled(): this {
    return this;
  }

  seed(resource: string, obj: KubeObject): void {
    this.store.set(this.key(resource, obj.metadata?.namespace, obj.metadata?.name ?? ''), deepFreeze(deepClone(obj)) as Stored<KubeObject>);
  }

  /** writes returns recorded mutations (not reads, not Events) of a resource, in order. */
  writes(resource?: string): Action[] {
    return this.actions.filter((a) => a.verb !== 'get' && a.verb !== 'list' && a.resource !== 'events' && (!resource || a.resource === resource));
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): Future<ApiResult<Stored<T>>> {
    return this.answer({ verb: 'get', resource, namespace, name }, () => this.lookup(resource, namespace, name)) as Future<ApiResult<Stored<T>>>;
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): Future<ApiResult<ObjectList<Stored<T>>>> {
    return this.answer({ verb: 'list', resource, namespace }, () => {
      const prefix = `${resource}/${namespace ?? ''}/`;
      const items = [...this.store.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
      return { ok: true, object: { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: String(this.rv) }, items } };
    }) as Future<ApiResult<ObjectList<Stored<T>>>>;
  }

  create<T extends KubeObject = KubeObject>(resource: string, obj: T): Future<ApiResult<Stored<T>>> {
    return this.answer({ verb: 'create', resource, namespace: obj.metadata?.namespace, name: obj.metadata?.name, object: obj }, () => {
      const stored = deepClone(obj) as Stored<T>;
      const meta = writableMeta(stored);
      if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${String(++this.serial).padStart(5, 'x')}`;
      const key = this.key(resource, meta.namespace, meta.name ?? '');
      if (this.store.has(key)) return { ok: false, status: status(409, 'AlreadyExists', `${resource} "${meta.name}" already exists`) };
      meta.uid ??= `uid-${meta.name}`;
      return this.put(key, stored);
    }) as Future<ApiResult<Stored<T>>>;
  }

  update<T extends KubeObject = KubeObject>(resource: string, obj: T): Future<ApiResult<Stored<T>>> {
    return this.answer({ verb: 'update', resource, namespace: obj.metadata?.namespace, name: obj.metadata?.name, object: obj }, () => this.put(this.key(resource, obj.metadata?.namespace, obj.metadata?.name ?? ''), deepClone(obj) as Stored<T>)) as Future<ApiResult<Stored<T>>>;
  }

  updateStatus<T extends KubeObject = KubeObject>(resource: string, obj: T): Future<ApiResult<Stored<T>>> {
    return this.answer({ verb: 'updateStatus', resource, namespace: obj.metadata?.namespace, name: obj.metadata?.name, object: obj }, () => this.put(this.key(resource, obj.metadata?.namespace, obj.metadata?.name ?? ''), deepClone(obj) as Stored<T>)) as Future<ApiResult<Stored<T>>>;
  }

  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, type: PatchType, data: unknown): Future<ApiResult<Stored<T>>> {
    return this.answer({ verb: 'patch', resource, namespace, name, patch: { type, data } }, () => this.lookup(resource, namespace, name)) as Future<ApiResult<Stored<T>>>;
  }

  delete(resource: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): Future<ApiResult> {
    return this.answer({ verb: 'delete', resource, namespace, name, options }, () => {
      const found = this.lookup(resource, namespace, name);
      if (found.ok) this.store.delete(this.key(resource, namespace, name));
      return found;
    }) as Future<ApiResult>;
  }

  private answer(action: Action, fallback: () => ApiResult<unknown>): Future<ApiResult<unknown>> {
    this.actions.push(action);
    for (const reactor of this.reactors) {
      const result = reactor(action);
      if (result) return Future.resolved(result);
    }
    return Future.resolved(fallback());
  }

  private lookup(resource: string, namespace: string | undefined, name: string): ApiResult<Stored<KubeObject>> {
    const found = this.store.get(this.key(resource, namespace, name));
    return found ? { ok: true, object: found } : { ok: false, status: status(404, 'NotFound', `${resource} "${name}" not found`) };
  }

  private put<T extends KubeObject>(key: string, obj: Stored<T>): ApiResult<Stored<T>> {
    writableMeta(obj).resourceVersion = String(++this.rv);
    const frozen = deepFreeze(obj);
    this.store.set(key, frozen as Stored<KubeObject>);
    return { ok: true, object: frozen };
  }

  private key(resource: string, namespace: string | undefined, name: string): string {
    return `${resource}/${resourceInfo(resource).namespaced ? (namespace ?? '') : ''}/${name}`;
  }
}

export function status(code: number, reason: string, message: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, reason, message };
}
