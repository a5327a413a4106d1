// Mirrors staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
// (v1.32): no new objects in a namespace that does not exist or is terminating.
import { groupResourceForKind, KIND_INFO, newForbidden, newNotFound, type Status } from '../../../api/status';

/** NamespacePhase is what the plugin needs to know about the target namespace. */
export type NamespacePhase = 'Active' | 'Terminating' | undefined;

/** IMMORTAL_NAMESPACES can never be deleted (default, kube-system, kube-public). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** admitNamespaceLifecycle checks a create of `kind/name` into `namespace` (phase undefined = missing). */
export function admitNamespaceLifecycle(kind: string, name: string, namespace: string, phase: NamespacePhase): Status | undefined {
  if (!(KIND_INFO[kind]?.namespaced ?? true) || namespace === '') return undefined;
  if (phase === undefined) return newNotFound({ group: '', resource: 'namespaces' }, namespace);
  if (phase === 'Terminating') {
    return newForbidden(groupResourceForKind(kind), name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}
