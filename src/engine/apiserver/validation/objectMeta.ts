// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation/validation.go (labels, selectors) and the finalizer-name check of
// pkg/apis/core/validation/validation.go (ValidateObjectMeta, validateKubeFinalizerName), v1.32.
import {
  fieldForbidden,
  fieldInvalid,
  fieldRequired,
  fieldTooLong,
  goSyntax,
  type FieldError,
} from '../../api/status';
import { goStringSlice } from './goValues';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, byteLength, type NameFn } from './names';
import { child, index } from './path';

/** Meta is the part of metav1.ObjectMeta validation looks at. */
export interface Meta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion?: string; kind?: string; name?: string; uid?: string; controller?: boolean }[];
  finalizers?: string[];
}

/** FIELD_IMMUTABLE_MSG is `field is immutable`. */
export const FIELD_IMMUTABLE_MSG = 'field is immutable';
/** IS_NEGATIVE_MSG is `must be greater than or equal to 0`. */
export const IS_NEGATIVE_MSG = 'must be greater than or equal to 0';
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** sortedKeys gives map keys in a fixed order (Go iterates maps randomly; we pick sorted). */
export function sortedKeys(map: Record<string, unknown> | undefined): string[] {
  return map ? Object.keys(map).sort() : [];
}

/** validateNonnegativeField: `Invalid value: -1: must be greater than or equal to 0`. */
export function validateNonnegativeField(value: number, path: string): FieldError[] {
  return value < 0 ? [fieldInvalid(path, value, IS_NEGATIVE_MSG)] : [];
}

/** validateLabelName checks one label key. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldInvalid(path, name, msg));
}

/** validateLabels checks keys and values; the error path is the map itself (`metadata.labels`). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  // Every object written is checked and nearly all labels are valid (and the same few keys and
  // values over and over): settle that from remembered verdicts before sorting keys for errors.
  if (allLabelsValid(labels)) return [];
  const errs: FieldError[] = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(labels![k])) errs.push(fieldInvalid(path, labels![k], msg));
  }
  return errs;
}

/** validLabelKeys / validLabelValues remember strings already found valid (bounded). */
const validLabelKeys = new Set<string>();
const validLabelValues = new Set<string>();
const MAX_REMEMBERED = 4096;

function allLabelsValid(labels: Record<string, string> | undefined): boolean {
  for (const k in labels) {
    if (!remembersValid(validLabelKeys, k, (key) => isQualifiedName(key).length === 0)) return false;
    if (!remembersValid(validLabelValues, labels[k]!, (value) => isValidLabelValue(value).length === 0)) return false;
  }
  return true;
}

function remembersValid(seen: Set<string>, text: string, valid: (text: string) => boolean): boolean {
  if (typeof text !== 'string') return false;
  if (seen.has(text)) return true;
  if (!valid(text)) return false;
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.add(text);
  return true;
}

/** validateAnnotations checks keys (lower-cased) and the 256 KiB total. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldInvalid(path, k, msg));
    total += byteLength(k) + byteLength(annotations![k]);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldTooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** LabelSelector is metav1.LabelSelector as JSON. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** validateLabelSelector checks matchLabels and every requirement (strict label values). */
export function validateLabelSelector(sel: LabelSelector | undefined | null, path: string): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = req.values ?? [];
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (values.length === 0) errs.push(fieldRequired(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldForbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(fieldInvalid(child(p, 'operator'), req.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(req.key, child(p, 'key')));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(fieldInvalid(index(child(p, 'values'), j), v, msg));
    });
  });
  return errs;
}

/** selectorMatches is labels.Selector.Matches for a LabelSelector (empty selector matches all). */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const have = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (have[k] !== v) return false;
  for (const req of sel.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, req.key);
    const values = req.values ?? [];
    if (req.operator === 'In' && !(present && values.includes(have[req.key]))) return false;
    if (req.operator === 'NotIn' && present && values.includes(have[req.key])) return false;
    if (req.operator === 'Exists' && !present) return false;
    if (req.operator === 'DoesNotExist' && present) return false;
  }
  return true;
}

/** isEmptySelector: no matchLabels and no matchExpressions. */
export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

function validateOwnerReferences(refs: Meta['ownerReferences'], path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const version = (ref.apiVersion ?? '').split('/').pop() ?? '';
    if (version === '') errs.push(fieldInvalid(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldInvalid(child(path, 'kind'), ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(fieldInvalid(child(path, 'name'), ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(fieldInvalid(child(path, 'uid'), ref.uid ?? '', 'uid must not be empty'));
    if (ref.controller) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(fieldInvalid(path, goSyntax('[]v1.OwnerReference{…}'),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
      } else firstController = current;
    }
  }
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) for (const msg of isQualifiedName(f)) errs.push(fieldInvalid(path, f, msg));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(fieldInvalid(path, goStringSlice(list), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** validateKubeFinalizerName: an unqualified finalizer must be one of the standard ones. */
export function validateKubeFinalizerName(name: string, path: string): FieldError[] {
  if (name.split('/').length === 1 && !STANDARD_FINALIZERS.includes(name)) {
    return [fieldInvalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

/** validateObjectMetaGeneric is apimachinery ValidateObjectMetaAccessor (name rule injected). */
export function validateObjectMetaGeneric(meta: Meta, requiresNamespace: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) for (const msg of nameFn(meta.generateName, true)) errs.push(fieldInvalid(child(path, 'generateName'), meta.generateName, msg));
  if (!meta.name) errs.push(fieldRequired(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(meta.name, false)) errs.push(fieldInvalid(child(path, 'name'), meta.name, msg));
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(fieldRequired(child(path, 'namespace'), ''));
    else for (const msg of nameIsDNSLabel(meta.namespace, false)) errs.push(fieldInvalid(child(path, 'namespace'), meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(fieldForbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(meta.generation ?? 0, child(path, 'generation')));
  errs.push(...validateLabels(meta.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')));
  return errs;
}

/** validateObjectMeta is core validation.ValidateObjectMeta: generic rules + kube finalizer names. */
export function validateObjectMeta(meta: Meta, requiresNamespace: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const errs = validateObjectMetaGeneric(meta, requiresNamespace, nameFn, path);
  (meta.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(child(path, 'finalizers'), i))));
  return errs;
}

/** validateImmutableField: `Invalid value: <new>: field is immutable` when values differ. */
export function validateImmutableField(next: unknown, prev: unknown, path: string, shown: FieldError['badValue']): FieldError[] {
  return deepEqual(next, prev) ? [] : [fieldInvalid(path, shown, FIELD_IMMUTABLE_MSG)];
}

/** validateObjectMetaUpdate is core ValidateObjectMetaUpdate (immutable identity fields). */
export function validateObjectMetaUpdate(next: Meta, prev: Meta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (prev.deletionTimestamp) {
    const added = (next.finalizers ?? []).filter((f) => !(prev.finalizers ?? []).includes(f)).sort();
    if (added.length > 0) {
      errs.push(fieldForbidden(child(path, 'finalizers'),
        `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added).goSyntax}`));
    }
  }
  if (!next.resourceVersion) errs.push(fieldInvalid(child(path, 'resourceVersion'), next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(fieldInvalid(child(path, 'generation'), next.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(next.name ?? '', prev.name ?? '', child(path, 'name'), next.name ?? ''));
  errs.push(...validateImmutableField(next.namespace ?? '', prev.namespace ?? '', child(path, 'namespace'), next.namespace ?? ''));
  errs.push(...validateImmutableField(next.uid ?? '', prev.uid ?? '', child(path, 'uid'), next.uid ?? ''));
  errs.push(...validateImmutableField(next.creationTimestamp ?? null, prev.creationTimestamp ?? null, child(path, 'creationTimestamp'), next.creationTimestamp ?? null));
  errs.push(...validateImmutableField(next.deletionTimestamp ?? null, prev.deletionTimestamp ?? null, child(path, 'deletionTimestamp'), next.deletionTimestamp ?? null));
  errs.push(...validateImmutableField(next.deletionGracePeriodSeconds ?? null, prev.deletionGracePeriodSeconds ?? null, child(path, 'deletionGracePeriodSeconds'), next.deletionGracePeriodSeconds ?? null));
  errs.push(...validateLabels(next.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(next.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(next.ownerReferences, child(path, 'ownerReferences')));
  (next.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(child(path, 'finalizers'), i))));
  return errs;
}

/** deepEqual compares JSON values (apiequality.Semantic for our JSON objects). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
