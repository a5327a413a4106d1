// The kube-apiserver's mutating admission chain on create, as pure functions (v1.32).
//
// Real order (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins; * = enabled by default):
//   AlwaysAdmit, NamespaceAutoProvision, NamespaceLifecycle*, NamespaceExists,
//   LimitPodHardAntiAffinityTopology, LimitRanger*, ServiceAccount*, NodeRestriction,
//   TaintNodesByCondition*, AlwaysPullImages, ImagePolicyWebhook, PodSecurity*, PodNodeSelector,
//   Priority*, DefaultTolerationSeconds*, PodTolerationRestriction, EventRateLimit,
//   ExtendedResourceToleration, DefaultStorageClass*, StorageObjectInUseProtection*,
//   OwnerReferencesPermissionEnforcement, PersistentVolumeClaimResize*, RuntimeClass*,
//   CertificateApproval*, CertificateSigning*, ClusterTrustBundleAttest*,
//   CertificateSubjectRestriction*, DefaultIngressClass*, DenyServiceExternalIPs,
//   MutatingAdmissionPolicy (alpha), MutatingAdmissionWebhook*, ValidatingAdmissionPolicy*,
//   ValidatingAdmissionWebhook*, ResourceQuota*, AlwaysDeny.
// Mutating plugins run in that order, then the strategy (PrepareForCreate + Validate), then the
// validating half of the same plugins. k8sim models NamespaceLifecycle, ServiceAccount, Priority,
// DefaultTolerationSeconds, LimitRanger, StorageObjectInUseProtection (and ResourceQuota when
// validating); the others change nothing for the objects it creates.
//
// Whole create path, as staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and
// pkg/registry/generic/registry/store.go run it:
//   1. decode + applyDefaults (./defaults)          5. prepareForCreate (./prepareForCreate)
//   2. admitCreate (this file, mutating)            6. validateObjectCreate (../validation) → 422
//   3. fill metadata: uid, creationTimestamp,       7. validating admission (ResourceQuota…)
//      name from generateName                       8. store: AlreadyExists (409) or write
//   4. Service: allocateServiceCreate (../registry/serviceAlloc) — before validation, so its
//      nodePort range error is a 422 from the allocator.
import type { LimitRange, Pod, ServiceAccount } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { Status } from '../../api/status';
import type { KubeObject } from '../validation/index';
import { admitDefaultTolerationSeconds } from './plugins/defaultTolerationSeconds';
import { admitLimitRanger } from './plugins/limitRanger';
import { admitNamespaceLifecycle, type NamespacePhase } from './plugins/namespaceLifecycle';
import { admitPriority } from './plugins/priority';
import { admitServiceAccount } from './plugins/serviceAccount';
import { admitStorageObjectInUseProtection } from './plugins/storageObjectInUseProtection';

/** AdmissionContext injects everything the plugins would read from informers or randomness. */
export interface AdmissionContext {
  namespacePhase: (namespace: string) => NamespacePhase;
  serviceAccount: (namespace: string, name: string) => ServiceAccount | undefined;
  priorityClasses: readonly PriorityClass[];
  /** limitRanges lists the namespace's LimitRanges (none, cheaply, in most namespaces). */
  limitRanges: (namespace: string) => readonly LimitRange[];
  /** random5 draws the 5-char suffix of `kube-api-access-xxxxx` from the sim Rng. */
  random5: () => string;
}

/**
 * admitCreate runs the modelled mutating plugins in upstream order on a defaulted object (mutated
 * in place). It returns the first rejection as a Status, or undefined when admitted.
 */
export function admitCreate(obj: KubeObject, ctx: AdmissionContext): Status | undefined {
  const kind = obj.kind ?? '';
  const namespace = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name || obj.metadata?.generateName || '';
  const lifecycle = admitNamespaceLifecycle(kind, name, namespace, ctx.namespacePhase(namespace));
  if (lifecycle) return lifecycle;
  admitStorageObjectInUseProtection(obj);
  if (kind !== 'Pod') return undefined;
  const pod = obj as unknown as Pod;
  const limitRanges = ctx.limitRanges(namespace);
  if (limitRanges.length > 0) admitLimitRanger(pod, limitRanges);
  const saErr = admitServiceAccount(pod, namespace, { lookup: ctx.serviceAccount, random5: ctx.random5 });
  if (saErr) return saErr;
  const prioErr = admitPriority(pod, { priorityClasses: ctx.priorityClasses });
  if (prioErr) return prioErr;
  admitDefaultTolerationSeconds(pod);
  return undefined;
}

/** admitUpdate: DefaultTolerationSeconds also handles Pod updates; the rest are create-only. */
export function admitUpdate(obj: KubeObject): Status | undefined {
  if (obj.kind === 'Pod') admitDefaultTolerationSeconds(obj as unknown as Pod);
  return undefined;
}
