import { setOwn } from './object';
// Go struct field order of the v1.32 API types (k8s.io/api, k8s.io/apimachinery meta/v1) and
// canonicalize(), which reorders an object's keys the way encoding/json writes the Go struct:
// fields in declaration order, map keys sorted. The apiserver's wire JSON (what `kubectl get
// --raw`, watch streams and `kubectl get -v=8` show, and what etcd stores) has this shape. Note
// that `kubectl get -o json|yaml` re-encodes through a generic map and prints keys sorted
// alphabetically instead; that sorting belongs to the kubectl printer, not to this function.
import { FIELD_ORDER_CORE } from './fieldOrderCore';
import { FIELD_ORDER_META } from './fieldOrderMeta';
import { FIELD_ORDER_WORKLOADS } from './fieldOrderWorkloads';

/**
 * FieldOrderTable token syntax, one space-separated token per JSON field in Go order:
 *   `name`            scalar, or list of scalars
 *   `name:T`          struct of qualified type T (e.g. `core.PodSpec`)
 *   `name:T[]`        list of T
 *   `name{}`          map with scalar values (keys sorted on output)
 *   `name:T{}`        map with T values
 * A type with no tokens is opaque (e.g. meta.FieldsV1) and is copied as is.
 */
export type FieldOrderTable = Readonly<Record<string, string>>;

interface FieldSpec {
  name: string;
  type?: string;
  list: boolean;
  map: boolean;
}

/** KIND_ROOT maps a kind to its top-level type (autoscaling/v2 for HorizontalPodAutoscaler). */
export const KIND_ROOT: Readonly<Record<string, string>> = {
  Pod: 'core.Pod', Service: 'core.Service', Endpoints: 'core.Endpoints', Node: 'core.Node', Event: 'core.Event',
  Namespace: 'core.Namespace', ConfigMap: 'core.ConfigMap', Secret: 'core.Secret', ServiceAccount: 'core.ServiceAccount',
  ResourceQuota: 'core.ResourceQuota', LimitRange: 'core.LimitRange', PersistentVolumeClaim: 'core.PersistentVolumeClaim',
  PersistentVolume: 'core.PersistentVolume', ReplicationController: 'core.ReplicationController', PodTemplate: 'core.PodTemplate',
  Binding: 'core.Binding', Deployment: 'apps.Deployment', ReplicaSet: 'apps.ReplicaSet', StatefulSet: 'apps.StatefulSet',
  DaemonSet: 'apps.DaemonSet', ControllerRevision: 'apps.ControllerRevision', Job: 'batch.Job', CronJob: 'batch.CronJob',
  HorizontalPodAutoscaler: 'autoscaling.HorizontalPodAutoscaler', Lease: 'coordination.Lease',
  PodDisruptionBudget: 'policy.PodDisruptionBudget', Eviction: 'policy.Eviction', PriorityClass: 'scheduling.PriorityClass',
  EndpointSlice: 'discovery.EndpointSlice', Status: 'meta.Status',
};

const TABLE: FieldOrderTable = { ...FIELD_ORDER_META, ...FIELD_ORDER_CORE, ...FIELD_ORDER_WORKLOADS };
const parsed = new Map<string, FieldSpec[]>();

function parseToken(token: string): FieldSpec {
  const map = token.endsWith('{}');
  const list = token.endsWith('[]');
  const body = map || list ? token.slice(0, -2) : token;
  const colon = body.indexOf(':');
  return colon < 0 ? { name: body, list, map } : { name: body.slice(0, colon), type: body.slice(colon + 1), list, map };
}

/** fieldsOf returns the parsed fields of a qualified type (undefined when unknown). */
export function fieldsOf(type: string): FieldSpec[] | undefined {
  const cached = parsed.get(type);
  if (cached) return cached;
  const tokens = TABLE[type];
  if (tokens === undefined) return undefined;
  const fields = tokens === '' ? [] : tokens.split(' ').map(parseToken);
  parsed.set(type, fields);
  return fields;
}

/** fieldNames lists a type's JSON field names in Go order (e.g. for tests and printers). */
export function fieldNames(type: string): string[] {
  return (fieldsOf(type) ?? []).map((f) => f.name);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function copyValue(value: unknown, field: FieldSpec): unknown {
  if (field.map && isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) setOwn(out, k, field.type ? orderStruct(value[k], field.type) : structuredClone(value[k]));
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => (field.type ? orderStruct(v, field.type) : structuredClone(v)));
  return field.type ? orderStruct(value, field.type) : structuredClone(value);
}

function orderStruct(value: unknown, type: string): unknown {
  const fields = fieldsOf(type);
  if (!isObject(value) || !fields || fields.length === 0) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.name in value && value[f.name] !== undefined) out[f.name] = copyValue(value[f.name], f);
  for (const k of Object.keys(value)) if (!Object.hasOwn(out, k) && value[k] !== undefined) setOwn(out, k, structuredClone(value[k]));
  return out;
}

/**
 * canonicalize returns a deep copy of `obj` with keys in the Go struct order of its kind; unknown
 * keys follow the known ones in their original order; kinds without a table are copied unchanged.
 *
 * @example
 * Object.keys(canonicalize({ metadata: {}, apiVersion: 'v1', kind: 'Pod' })) // ['kind', 'apiVersion', 'metadata']
 */
export function canonicalize<T>(obj: T): T {
  const kind = isObject(obj) && typeof obj.kind === 'string' ? obj.kind : '';
  const root = KIND_ROOT[kind];
  if (!root) return structuredClone(obj);
  if (isObject(obj) && Array.isArray(obj.items)) return structuredClone(obj);
  return orderStruct(obj, root) as T;
}

/** canonicalizeAs orders a value as the given qualified type (e.g. 'core.PodSpec'). */
export function canonicalizeAs(value: Json, type: string): Json {
  return orderStruct(value, type) as Json;
}
