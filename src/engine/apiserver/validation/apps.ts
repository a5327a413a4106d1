// Mirrors kubernetes pkg/apis/apps/validation/validation.go (ValidateDeployment, ValidateReplicaSet,
// ValidateRollingUpdateDeployment…) and the selector-immutability check of
// pkg/registry/apps/{deployment,replicaset}/strategy.go ValidateUpdate, v1.32.
import type { Deployment, DeploymentSpec, ReplicaSet, ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import {
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  goSyntax,
  type FieldError,
} from '../../api/status';
import { goIntOrString, goLabelSelector, goStringMap, type IntOrString } from './goValues';
import { isValidPercent, nameIsDNSSubdomain } from './names';
import {
  isEmptySelector,
  selectorMatches,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type LabelSelector,
} from './objectMeta';
import { child } from './path';
import { validatePodTemplateSpec } from './podSpec';

/** validatePositiveIntOrPercent is ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => fieldInvalid(path, goIntOrString(v), msg));
  return validateNonnegativeField(v ?? 0, path);
}

function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number(v.slice(0, -1));
}

/** intOrPercentValue is getIntOrPercentValue: `25%` → 25, 3 → 3, garbage → 0. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'number') return v;
  const n = Number.parseInt(v ?? '', 10);
  return Number.isNaN(n) ? 0 : n;
}

/** isNotMoreThan100Percent: `must not be greater than 100%`. */
export function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const pct = percentValue(v);
  return pct !== undefined && pct > 100 ? [fieldInvalid(path, goIntOrString(v), 'must not be greater than 100%')] : [];
}

function validateRollingUpdateDeployment(ru: { maxUnavailable?: IntOrString; maxSurge?: IntOrString }, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(path, 'maxUnavailable'));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(path, 'maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(fieldInvalid(child(path, 'maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, child(path, 'maxUnavailable')));
  return errs;
}

function validateDeploymentStrategy(strategy: DeploymentSpec['strategy'], path: string): FieldError[] {
  const type = strategy?.type ?? '';
  if (type === 'Recreate') {
    return strategy?.rollingUpdate ? [fieldForbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    if (!strategy?.rollingUpdate) return [fieldRequired(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
    return validateRollingUpdateDeployment(strategy.rollingUpdate, child(path, 'rollingUpdate'));
  }
  const shown = goSyntax(`apps.DeploymentStrategy{Type:"${type}", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`);
  return [fieldNotSupported(path, shown, ['Recreate', 'RollingUpdate'])];
}

/** validatePodTemplateSpecForReplicaSet: selector must match template labels; restartPolicy Always. */
export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, path: string, owner: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!template) return [fieldRequired(path, '')];
  const labels = template.metadata?.labels;
  if (selector && !isEmptySelector(selector) && !selectorMatches(selector, labels)) {
    errs.push(fieldInvalid(child(path, 'metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restartPolicy = template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always') errs.push(fieldNotSupported(child(path, 'spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined && template.spec.activeDeadlineSeconds !== null) {
    errs.push(fieldForbidden(child(path, 'spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

function validateSelectorAndTemplate(spec: ReplicaSetSpec | DeploymentSpec, path: string, owner: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.selector) errs.push(fieldRequired(child(path, 'selector'), ''));
  else {
    errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
    if (isEmptySelector(spec.selector)) errs.push(fieldInvalid(child(path, 'selector'), goLabelSelector(spec.selector), 'empty selector is invalid for deployment'));
  }
  errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, spec.selector ?? undefined, child(path, 'template'), owner));
  return errs;
}

/** validateDeploymentSpec is ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: DeploymentSpec, path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas ?? 0, child(path, 'replicas'));
  errs.push(...validateSelectorAndTemplate(spec, path, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(spec.strategy, child(path, 'strategy')));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  if (spec.revisionHistoryLimit !== undefined && spec.revisionHistoryLimit !== null) {
    errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, child(path, 'revisionHistoryLimit')));
  }
  if (spec.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, child(path, 'progressDeadlineSeconds')));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldInvalid(child(path, 'progressDeadlineSeconds'), spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** validateDeployment is ValidateDeployment (create). */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata ?? {}, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d.spec ?? ({} as DeploymentSpec))];
}

/** validateDeploymentUpdate is ValidateDeploymentUpdate plus the apps/v1 selector immutability. */
export function validateDeploymentUpdate(next: Deployment, prev: Deployment): FieldError[] {
  const errs = [...validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {}), ...validateDeploymentSpec(next.spec ?? ({} as DeploymentSpec))];
  errs.push(...validateImmutableField(next.spec?.selector, prev.spec?.selector, 'spec.selector', goLabelSelector(next.spec?.selector)));
  return errs;
}

/** validateReplicaSetSpec is ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: ReplicaSetSpec, path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas ?? 0, child(path, 'replicas'));
  errs.push(...validateNonnegativeField(spec.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  errs.push(...validateSelectorAndTemplate(spec, path, 'ReplicaSet'));
  return errs;
}

/** validateReplicaSet is ValidateReplicaSet (create). */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata ?? {}, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(rs.spec ?? ({} as ReplicaSetSpec))];
}

/** validateReplicaSetUpdate is ValidateReplicaSetUpdate plus selector immutability. */
export function validateReplicaSetUpdate(next: ReplicaSet, prev: ReplicaSet): FieldError[] {
  const errs = [...validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {}), ...validateReplicaSetSpec(next.spec ?? ({} as ReplicaSetSpec))];
  errs.push(...validateImmutableField(next.spec?.selector, prev.spec?.selector, 'spec.selector', goLabelSelector(next.spec?.selector)));
  return errs;
}
