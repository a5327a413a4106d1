// Mirrors kubernetes pkg/apis/core/validation/validation.go (v1.32): ValidateVolumes (common
// sources), ValidatePodSpec, ValidateTolerations, ValidatePodTemplateSpec, ValidatePodCreate,
// ValidatePodUpdate.
import type { Pod, PodSpec, PodTemplateSpec, Toleration, Volume } from 'kubernetes-types/core/v1';
import {
  fieldDuplicate,
  fieldForbidden,
  fieldInvalid,
  fieldNotSupported,
  fieldRequired,
  type FieldError,
} from '../../api/status';
import { validateContainers, validateDNS1123Label, validateInitContainers } from './container';
import { inclusiveRangeError, isValidLabelValue, nameIsDNSSubdomain } from './names';
import {
  deepEqual,
  validateAnnotations,
  validateLabelName,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { child, index } from './path';

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI',
  'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk',
  'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];
const MAX_INT32 = 2147483647;

function validateVolumeSource(vol: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const source of VOLUME_SOURCES) {
    const value = (vol as unknown as Record<string, unknown>)[source];
    if (value === undefined || value === null) continue;
    if (count > 0) {
      errs.push(fieldForbidden(child(path, source), 'may not specify more than 1 volume type'));
      continue;
    }
    count += 1;
    if (source === 'hostPath' && !vol.hostPath!.path) errs.push(fieldRequired(child(path, 'hostPath', 'path'), ''));
    if (source === 'persistentVolumeClaim' && !vol.persistentVolumeClaim!.claimName) {
      errs.push(fieldRequired(child(path, 'persistentVolumeClaim', 'claimName'), ''));
    }
    if (source === 'secret' && vol.secret!.secretName === '') errs.push(fieldRequired(child(path, 'secret', 'secretName'), ''));
  }
  if (count === 0) errs.push(fieldRequired(path, 'must specify a volume type'));
  return errs;
}

/** validateVolumes returns the usable volume names and the errors. */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const el = validateVolumeSource(vol, p);
    if (!vol.name) el.push(fieldRequired(child(p, 'name'), ''));
    else el.push(...validateDNS1123Label(vol.name, child(p, 'name')));
    if (names.has(vol.name)) el.push(fieldDuplicate(child(p, 'name'), vol.name));
    if (el.length === 0) names.add(vol.name);
    else errs.push(...el);
  });
  return { names, errs };
}

/** validateTolerations is ValidateTolerations. */
export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    if (t.key) errs.push(...validateLabelName(t.key, child(p, 'key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(fieldInvalid(child(p, 'operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(fieldInvalid(child(p, 'effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const op = t.operator ?? '';
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length > 0) errs.push(fieldInvalid(child(p, 'operator'), t.value ?? '', msgs.join(';')));
    } else if (op === 'Exists') {
      if (t.value) errs.push(fieldInvalid(child(p, 'operator'), t.value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(fieldNotSupported(child(p, 'operator'), op, ['Equal', 'Exists']));
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(fieldNotSupported(child(p, 'effect'), t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
    }
  });
  return errs;
}

function validateEnum(value: string | undefined, allowed: string[], path: string): FieldError[] {
  if (!value) return [fieldRequired(path, '')];
  return allowed.includes(value) ? [] : [fieldNotSupported(path, value, allowed)];
}

function validateNames(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const check = (value: string | undefined, field: string): void => {
    if (value) nameIsDNSSubdomain(value, false).forEach((msg) => errs.push(fieldInvalid(child(path, field), value, msg)));
  };
  check(spec.serviceAccountName, 'serviceAccountName');
  check(spec.nodeName, 'nodeName');
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, child(path, 'hostname')));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, child(path, 'subdomain')));
  check(spec.priorityClassName, 'priorityClassName');
  return errs;
}

/** validatePodSpec is ValidatePodSpec for the fields k8sim models. */
export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(fieldRequired(child(path, 'terminationGracePeriodSeconds'), ''));
  }
  const vols = validateVolumes(spec.volumes, child(path, 'volumes'));
  errs.push(...vols.errs);
  errs.push(...validateContainers(spec.containers, vols.names, child(path, 'containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, child(path, 'initContainers')));
  errs.push(...validateEnum(spec.restartPolicy, ['Always', 'OnFailure', 'Never'], child(path, 'restartPolicy')));
  errs.push(...validateEnum(spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], child(path, 'dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validateNames(spec, path));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(fieldInvalid(child(path, 'activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  if (spec.preemptionPolicy) {
    errs.push(...validateEnum(spec.preemptionPolicy, ['PreemptLowerPriority', 'Never'], child(path, 'preemptionPolicy')));
  }
  return errs;
}

/** validatePodTemplateSpec is ValidatePodTemplateSpec (labels, annotations, spec, no ephemeral containers). */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const meta = template?.metadata ?? {};
  const errs = validateLabels(meta.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(template?.spec ?? ({} as PodSpec), child(path, 'spec')));
  if ((template?.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(fieldForbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata ?? {}, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec ?? ({} as PodSpec), 'spec'));
  const forPod = (list: PodSpec['containers'] | undefined, path: string): void => {
    (list ?? []).forEach((c, i) => {
      if (c.image !== undefined && c.image !== c.image.trim()) {
        errs.push(fieldInvalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
      }
    });
  };
  forPod(pod.spec?.containers, 'spec.containers');
  forPod(pod.spec?.initContainers, 'spec.initContainers');
  return errs;
}

/** validatePodCreate is ValidatePodCreate. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(fieldForbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && (pod.spec.schedulingGates ?? []).length > 0) {
    errs.push(fieldForbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/**
 * validatePodUpdate is ValidatePodUpdate. Upstream appends a go-cmp diff of the two specs after the
 * `pod updates may not change fields…` line; k8sim lists the changed top-level spec fields instead.
 */
export function validatePodUpdate(next: Pod, prev: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata ?? {}, prev.metadata ?? {});
  errs.push(...validatePodMetadataAndSpec(next));
  const ns = (next.spec ?? {}) as PodSpec;
  const ps = (prev.spec ?? {}) as PodSpec;
  if ((ns.containers ?? []).length !== (ps.containers ?? []).length) {
    errs.push(fieldForbidden('spec.containers', 'pod updates may not add or remove containers'));
    return errs;
  }
  // A status write carries the stored spec unchanged (often the very same object): nothing to compare.
  if (ns === ps) return errs;
  const munged: PodSpec = {
    ...ns,
    containers: (ns.containers ?? []).map((c, i) => ({ ...c, image: ps.containers[i].image })),
    initContainers: ns.initContainers?.map((c, i) => ({ ...c, image: ps.initContainers?.[i]?.image ?? c.image })),
    activeDeadlineSeconds: ps.activeDeadlineSeconds,
    tolerations: ps.tolerations,
    schedulingGates: ps.schedulingGates,
  };
  // deepEqual already ignores keys whose value is undefined (no JSON round trip needed).
  if (!deepEqual(munged, ps)) {
    const changed = Object.keys({ ...munged, ...ps }).filter((k) => !deepEqual((munged as unknown as Record<string, unknown>)[k], (ps as unknown as Record<string, unknown>)[k]));
    errs.push(fieldForbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n  changed: ${changed.sort().join(', ')}`));
  }
  return errs;
}

