// Mirrors kubernetes pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret,
// ValidateNamespace, ValidateResourceQuota, ValidateNode basics), pkg/apis/policy/validation
// (ValidatePodDisruptionBudget) and pkg/apis/scheduling/validation (ValidatePriorityClass), v1.32.
import type { ConfigMap, Namespace, Node, ResourceQuota, Secret } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import {
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  fieldTooLong,
  goSyntax,
  type FieldError,
} from '../../api/status';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './apps';
import { isWholeQuantity, STANDARD_QUOTA_RESOURCES, validateQuantityValue, validateResourceName } from './container';
import { goStringSlice } from './goValues';
import { byteLength, isConfigMapKey, isQualifiedName, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import {
  deepEqual,
  sortedKeys,
  validateKubeFinalizerName,
  validateLabelSelector,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateImmutableField,
} from './objectMeta';
import { key } from './path';

const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

/** validateConfigMap is ValidateConfigMap. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata ?? {}, true, nameIsDNSSubdomain);
  let total = 0;
  for (const k of sortedKeys(cm.data)) {
    isConfigMapKey(k).forEach((msg) => errs.push(fieldInvalid(key('data', k), k, msg)));
    if (cm.binaryData && k in cm.binaryData) errs.push(fieldInvalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += byteLength(cm.data![k]);
  }
  for (const k of sortedKeys(cm.binaryData)) {
    isConfigMapKey(k).forEach((msg) => errs.push(fieldInvalid(key('binaryData', k), k, msg)));
    total += Math.floor((cm.binaryData![k].length * 3) / 4);
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldTooLong('', MAX_SECRET_SIZE));
  return errs;
}

/** validateConfigMapUpdate is ValidateConfigMapUpdate (immutable ConfigMaps). */
export function validateConfigMapUpdate(next: ConfigMap, prev: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  if (prev.immutable) {
    if (!next.immutable) errs.push(fieldForbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.data ?? {}, prev.data ?? {})) errs.push(fieldForbidden('data', IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.binaryData ?? {}, prev.binaryData ?? {})) errs.push(fieldForbidden('binaryData', IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateConfigMap(next));
  return errs;
}

const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/** validateSecret is ValidateSecret (keys, 1 MiB total, per-type required keys). */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata ?? {}, true, nameIsDNSSubdomain);
  let total = 0;
  for (const k of sortedKeys(secret.data)) {
    isConfigMapKey(k).forEach((msg) => errs.push(fieldInvalid(key('data', k), k, msg)));
    total += Math.floor((secret.data![k].replace(/=+$/, '').length * 3) / 4);
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldTooLong('data', MAX_SECRET_SIZE));
  const type = secret.type ?? '';
  const data = secret.data ?? {};
  if (type === 'kubernetes.io/service-account-token' && !secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(fieldRequired('metadata.annotations[kubernetes.io/service-account.name]', ''));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(fieldRequired('data[username]', ''), fieldRequired('data[password]', ''));
  }
  for (const k of SECRET_REQUIRED_KEYS[type] ?? []) if (!(k in data)) errs.push(fieldRequired(key('data', k), ''));
  return errs;
}

/** validateSecretUpdate is ValidateSecretUpdate (type immutable, immutable Secrets). */
export function validateSecretUpdate(next: Secret, prev: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  errs.push(...validateImmutableField(next.type ?? '', prev.type ?? '', 'type', next.type ?? ''));
  if (prev.immutable) {
    if (!next.immutable) errs.push(fieldForbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.data ?? {}, prev.data ?? {})) errs.push(fieldForbidden('data', IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateSecret(next));
  return errs;
}

/** validateNamespace is ValidateNamespace: DNS-1123 label names, cluster scoped, spec.finalizers. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata ?? {}, false, nameIsDNSLabel);
  for (const f of ns.spec?.finalizers ?? []) {
    isQualifiedName(f).forEach((msg) => errs.push(fieldInvalid('spec.finalizers', f, msg)));
    errs.push(...validateKubeFinalizerName(f, 'spec.finalizers'));
  }
  return errs;
}

function validateQuotaList(list: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const name of sortedKeys(list)) {
    const p = key(path, name);
    errs.push(...validateResourceName(name, p));
    if (!name.includes('/') && !STANDARD_QUOTA_RESOURCES.includes(name) && !/hugepages-/.test(name)) {
      errs.push(fieldInvalid(p, name, 'must be a standard resource for quota'));
    }
    const text = String(list![name]);
    errs.push(...validateQuantityValue(text, p));
    const integerResource = !name.includes('cpu') && !name.includes('memory') && !name.includes('storage') && !name.includes('hugepages');
    if (integerResource && !isWholeQuantity(text)) errs.push(fieldInvalid(p, goSyntax(text), 'must be an integer'));
  }
  return errs;
}

/** validateResourceQuota is ValidateResourceQuota (hard/used names and quantities, scopes). */
export function validateResourceQuota(rq: ResourceQuota): FieldError[] {
  const errs = validateObjectMeta(rq.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validateQuotaList(rq.spec?.hard as Record<string, string> | undefined, 'spec.hard'));
  const scopes = rq.spec?.scopes ?? [];
  const known = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
  if (scopes.some((s) => !known.includes(s))) errs.push(fieldInvalid('spec.scopes', goStringSlice(scopes, '[]core.ResourceQuotaScope'), 'unsupported scope'));
  const conflict = (a: string, b: string): boolean => scopes.includes(a) && scopes.includes(b);
  if (conflict('BestEffort', 'NotBestEffort') || conflict('Terminating', 'NotTerminating')) {
    errs.push(fieldInvalid('spec.scopes', goStringSlice(scopes, '[]core.ResourceQuotaScope'), 'conflicting scopes'));
  }
  errs.push(...validateQuotaList(rq.status?.hard as Record<string, string> | undefined, 'status.hard'));
  errs.push(...validateQuotaList(rq.status?.used as Record<string, string> | undefined, 'status.used'));
  return errs;
}

/** validateResourceQuotaUpdate: scopes are immutable. */
export function validateResourceQuotaUpdate(next: ResourceQuota, prev: ResourceQuota): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  errs.push(...validateQuotaList(next.spec?.hard as Record<string, string> | undefined, 'spec.hard'));
  const a = [...(next.spec?.scopes ?? [])].sort();
  const b = [...(prev.spec?.scopes ?? [])].sort();
  if (!deepEqual(a, b)) errs.push(fieldInvalid('spec.scopes', goStringSlice(next.spec?.scopes ?? null, '[]core.ResourceQuotaScope'), 'field is immutable'));
  return errs;
}

/**
 * validatePodDisruptionBudget is ValidatePodDisruptionBudget. Its strategy does not check the
 * name itself; the generic path-segment rule in validateObjectCreate does.
 */
export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    const shown = `policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(…), Selector:(*v1.LabelSelector)(…), MaxUnavailable:(*intstr.IntOrString)(…), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}`;
    errs.push(fieldInvalid('spec', goSyntax(shown), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable'] as const) {
    if (spec[f] === undefined) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`));
    errs.push(...isNotMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = (spec as { unhealthyPodEvictionPolicy?: string }).unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errs.push(fieldNotSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}

/** SYSTEM_PRIORITY_CLASSES are the two built-in classes (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
/** HIGHEST_USER_DEFINABLE_PRIORITY is 1e9. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;

function knownSystemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const expected = SYSTEM_PRIORITY_CLASSES[name];
  if (expected === undefined) return `${name} is not a known system priority class`;
  if (value !== expected) return `value of ${name} PriorityClass must be ${expected}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** validatePriorityClass is ValidatePriorityClass. */
export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  const errs = validateObjectMeta(pc.metadata ?? {}, false, nameIsDNSSubdomain);
  const name = pc.metadata?.name ?? '';
  if (name.startsWith('system-')) {
    const err = knownSystemClassError(name, pc.value, pc.globalDefault ?? false);
    if (err) errs.push(fieldForbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(fieldForbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && pc.preemptionPolicy !== 'PreemptLowerPriority' && pc.preemptionPolicy !== 'Never') {
    errs.push(fieldNotSupported('preemptionPolicy', pc.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** validatePriorityClassUpdate: value and preemptionPolicy may not change. */
export function validatePriorityClassUpdate(next: PriorityClass, prev: PriorityClass): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  if (next.value !== prev.value) errs.push(fieldForbidden('value', 'may not be changed in an update.'));
  errs.push(...validateImmutableField(next.preemptionPolicy ?? null, prev.preemptionPolicy ?? null, 'preemptionPolicy', next.preemptionPolicy ?? null));
  return errs;
}

/** validateNode checks node metadata (DNS subdomain names, cluster scoped) and taints. */
export function validateNode(node: Node): FieldError[] {
  const errs = validateObjectMeta(node.metadata ?? {}, false, nameIsDNSSubdomain);
  const seen = new Set<string>();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(t.effect ? fieldNotSupported(`${p}.effect`, t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']) : fieldRequired(`${p}.effect`, ''));
    }
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) errs.push(fieldInvalid(p, goSyntax(`core.Taint{Key:"${t.key}", Value:"${t.value ?? ''}", Effect:"${t.effect}", TimeAdded:<nil>}`), 'taints must be unique by key and effect pair'));
    seen.add(id);
  });
  return errs;
}
