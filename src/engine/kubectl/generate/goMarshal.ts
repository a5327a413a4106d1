import { setOwn } from '../../api/object';
// Mirrors what happens when kubectl decodes an object into its Go struct (k8s.io/api types)
// and encodes it again with encoding/json: keys come out in struct field order, unknown keys
// are dropped, omitempty fields with zero values vanish, non-omitempty nil slices/maps/pointers
// print as null, structs always print (`resources: {}`, `status: {}`, `creationTimestamp: null`),
// map keys are sorted, quantities are re-printed canonically. The field tables come from
// goSchema.generated.ts (extracted from kubernetes/api v0.32.4 types.go).
import type { JsonObject, JsonValue } from '../printers/json';
import { goStructs as generatedStructs } from './goSchema.generated';
import { rbacStructs } from './goSchemaRbac';
import { canonicalQuantity } from './quantity';

const goStructs: Readonly<Record<string, readonly string[]>> = { ...generatedStructs, ...rbacStructs };

interface Field {
  name: string;
  type: string;
  omitempty: boolean;
}

const parsedStructs = new Map<string, Field[]>();

/** structFields expands a struct's field table, inlining embedded structs (`...T`). */
function structFields(typeName: string): Field[] {
  const cached = parsedStructs.get(typeName);
  if (cached) return cached;
  const spec = goStructs[typeName];
  if (!spec) throw new Error(`goMarshal: unknown struct ${typeName}`);
  const fields: Field[] = [];
  for (const col of spec) {
    if (col.startsWith('...')) {
      fields.push(...structFields(col.slice(3)));
      continue;
    }
    const colon = col.indexOf(':');
    const omitempty = col.endsWith('?');
    fields.push({ name: col.slice(0, colon), type: col.slice(colon + 1, omitempty ? -1 : undefined), omitempty });
  }
  parsedStructs.set(typeName, fields);
  return fields;
}

const SCALAR_ZERO: Record<string, JsonValue> = { string: '', int: 0, float: 0, bool: false };

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** isZeroForOmitempty mirrors encoding/json isEmptyValue for the field's kind. */
function isZeroForOmitempty(type: string, v: JsonValue | undefined): boolean {
  if (v === undefined || v === null) return !isStructType(type) || type.startsWith('*');
  if (type.startsWith('*')) return false;
  if (type.startsWith('[]') || type === 'bytes') return Array.isArray(v) ? v.length === 0 : v === '';
  if (type.startsWith('map:')) return isObject(v) && Object.keys(v).length === 0;
  if (type in SCALAR_ZERO) return v === SCALAR_ZERO[type] || v === '';
  return false; // structs, time, quantity, intstr are never "empty" to encoding/json
}

function isStructType(type: string): boolean {
  const base = type.replace(/^\*/, '');
  return base === 'time' || base === 'quantity' || base === 'intstr' || base === 'any' || base in goStructs;
}

/** zeroValue is what encoding/json prints for an absent non-omitempty field. */
function zeroValue(type: string): JsonValue {
  if (type.startsWith('*') || type.startsWith('[]') || type.startsWith('map:') || type === 'bytes') return null;
  if (type in SCALAR_ZERO) return SCALAR_ZERO[type];
  if (type === 'time' || type === 'any') return null;
  if (type === 'quantity') return '0';
  if (type === 'intstr') return 0;
  return marshalStruct({}, type);
}

function marshalStruct(obj: JsonObject, typeName: string): JsonObject {
  const out: JsonObject = {};
  for (const field of structFields(typeName)) {
    const v = obj[field.name];
    if (field.omitempty && isZeroForOmitempty(field.type, v)) continue;
    out[field.name] = v === undefined || v === null ? zeroValue(field.type) : marshalValue(v, field.type);
  }
  return out;
}

/**
 * marshalValue re-encodes `value` as Go would after decoding it into `type` (a goStructs name,
 * a scalar kind, `*T`, `[]T`, `map:T`, `time`, `quantity`, `intstr`, `bytes` or `any`).
 */
export function marshalValue(value: JsonValue, type: string): JsonValue {
  if (value === null) return zeroValue(type);
  if (type.startsWith('*')) return marshalValue(value, type.slice(1));
  if (type.startsWith('[]')) return Array.isArray(value) ? value.map((v) => marshalValue(v, type.slice(2))) : null;
  if (type.startsWith('map:')) {
    if (!isObject(value)) return null;
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort(goStringLess)) setOwn(out, key, marshalValue(value[key], type.slice(4)));
    return out;
  }
  if (type === 'quantity') return canonicalQuantity(String(value));
  if (type === 'time' || type === 'any' || type === 'intstr' || type in SCALAR_ZERO || type === 'bytes') return value;
  return isObject(value) ? marshalStruct(value, type) : marshalStruct({}, type);
}

/** goStringLess orders strings by UTF-8 bytes as Go's sort.Strings does (JS compares UTF-16). */
export function goStringLess(a: string, b: string): number {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  for (let i = 0; i < ea.length && i < eb.length; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

const GO_TYPES: Record<string, string> = {
  'v1/Pod': 'core.Pod',
  'v1/Service': 'core.Service',
  'v1/Namespace': 'core.Namespace',
  'v1/ConfigMap': 'core.ConfigMap',
  'v1/Secret': 'core.Secret',
  'v1/ResourceQuota': 'core.ResourceQuota',
  'v1/ReplicationController': 'core.ReplicationController',
  'v1/PodTemplate': 'core.PodTemplate',
  'apps/v1/Deployment': 'apps.Deployment',
  'apps/v1/ReplicaSet': 'apps.ReplicaSet',
  'apps/v1/StatefulSet': 'apps.StatefulSet',
  'apps/v1/DaemonSet': 'apps.DaemonSet',
  'batch/v1/Job': 'batch.Job',
  'batch/v1/CronJob': 'batch.CronJob',
  'autoscaling/v1/HorizontalPodAutoscaler': 'autoscalingv1.HorizontalPodAutoscaler',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscalingv2.HorizontalPodAutoscaler',
  'policy/v1/PodDisruptionBudget': 'policy.PodDisruptionBudget',
  'scheduling.k8s.io/v1/PriorityClass': 'scheduling.PriorityClass',
  'v1/ServiceAccount': 'core.ServiceAccount',
  'rbac.authorization.k8s.io/v1/Role': 'rbac.Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'rbac.ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'rbac.RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'rbac.ClusterRoleBinding',
};

/** goTypeFor names the Go struct kubectl decodes an apiVersion/kind into, if we know it. */
export function goTypeFor(apiVersion: string, kind: string): string | undefined {
  return GO_TYPES[`${apiVersion}/${kind}`];
}

/**
 * marshalTyped re-encodes a whole object as kubectl's typed client-side path prints it
 * (create, run, expose, autoscale, set ...). Throws for kinds outside goSchema.
 */
export function marshalTyped(obj: JsonObject): JsonObject {
  const type = goTypeFor(String(obj.apiVersion), String(obj.kind));
  if (!type) throw new Error(`goMarshal: no Go type for ${String(obj.apiVersion)}/${String(obj.kind)}`);
  return marshalStruct(obj, type);
}

/**
 * marshalUnstructured mirrors encoding an unstructured.Unstructured (label, annotate): plain
 * map[string]interface{} values, so every object's keys come out sorted by Go byte order.
 */
export function marshalUnstructured(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(marshalUnstructured);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(goStringLess)) setOwn(out, key, marshalUnstructured(value[key]));
  return out;
}
