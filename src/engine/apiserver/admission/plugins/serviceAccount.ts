// Mirrors kubernetes plugin/pkg/admission/serviceaccount/admission.go (v1.32): on Pod create,
// default spec.serviceAccountName to `default`, require the ServiceAccount to exist, and mount the
// projected `kube-api-access-xxxxx` token volume into every init and regular container.
import type { Pod, ServiceAccount, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../../../api/object';
import { goQuote, newForbidden, type Status } from '../../../api/status';
import { flat } from '../../../api/flat';

/** DEFAULT_API_TOKEN_MOUNT_PATH is where the token, ca.crt and namespace files appear. */
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** SERVICE_ACCOUNT_VOLUME_NAME is the prefix of the generated volume name. */
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
/** WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS is serviceaccount.WarnOnlyBoundTokenExpirationSeconds (1 h + 7 s). */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** ServiceAccountAdmissionInput injects what the plugin reads from informers and rand. */
export interface ServiceAccountAdmissionInput {
  /** lookup returns the ServiceAccount `namespace/name`, or undefined when it does not exist. */
  lookup: (namespace: string, name: string) => ServiceAccount | undefined;
  /** random5 returns 5 chars from `bcdfghjklmnpqrstvwxz2456789` (names.SimpleNameGenerator). */
  random5: () => string;
}

/**
 * TOKEN_VOLUME_SOURCE is TokenVolumeSource(): token (3607 s), kube-root-ca.crt, namespace. Every
 * pod gets the same one, so it is one frozen object shared by all of them (stored objects are
 * frozen anyway; a copy per pod was ~400 bytes × 150,000 pods).
 */
const TOKEN_VOLUME_SOURCE: NonNullable<Volume['projected']> = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
});

/** tokenVolumeSource returns the (frozen, shared) projected source of the token volume. */
export function tokenVolumeSource(): NonNullable<Volume['projected']> {
  return TOKEN_VOLUME_SOURCE;
}

function shouldAutomount(sa: ServiceAccount, pod: Pod): boolean {
  if (pod.spec?.automountServiceAccountToken !== undefined) return pod.spec.automountServiceAccountToken;
  if (sa.automountServiceAccountToken !== undefined) return sa.automountServiceAccountToken;
  return true;
}

function mountServiceAccountToken(pod: Pod, random5: () => string): void {
  const spec = pod.spec!;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? flat(SERVICE_ACCOUNT_VOLUME_NAME, '-', random5());
  let needsVolume = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) continue;
    const mount: VolumeMount = { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH };
    c.volumeMounts = [...(c.volumeMounts ?? []), mount];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), { name: volumeName, projected: tokenVolumeSource() }];
}

/**
 * admitServiceAccount mutates a Pod being created and returns a 403 Status when it must be
 * rejected (missing ServiceAccount, mirror-pod rules), undefined when admitted.
 */
export function admitServiceAccount(pod: Pod, namespace: string, input: ServiceAccountAdmissionInput): Status | undefined {
  const gr = { group: '', resource: 'pods' };
  // admission.NewForbidden names a generateName-only object by its prefix (`pods "web-7d4b9c8f6d-" is forbidden`).
  const name = pod.metadata?.name || pod.metadata?.generateName || '';
  pod.spec ??= { containers: [] };
  if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
    if (pod.spec.serviceAccountName) return newForbidden(gr, name, 'a mirror pod may not reference service accounts');
    return undefined;
  }
  if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = 'default';
  const sa = input.lookup(namespace, pod.spec.serviceAccountName);
  if (!sa) {
    const notFound = `serviceaccount ${goQuote(pod.spec.serviceAccountName)} not found`;
    return newForbidden(gr, name, `error looking up service account ${namespace}/${pod.spec.serviceAccountName}: ${notFound}`);
  }
  if (shouldAutomount(sa, pod)) mountServiceAccountToken(pod, input.random5);
  if ((pod.spec.imagePullSecrets ?? []).length === 0 && (sa.imagePullSecrets ?? []).length > 0) {
    pod.spec.imagePullSecrets = (sa.imagePullSecrets ?? []).map((s) => ({ name: s.name }));
  }
  return undefined;
}
