// Mirrors kubernetes plugin/pkg/admission/defaulttolerationseconds/admission.go (v1.32): every Pod
// created or updated without a NoExecute toleration for not-ready / unreachable gets one of 300 s.
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import { deepFreeze } from '../../../api/object';

/** TAINT_NODE_NOT_READY and TAINT_NODE_UNREACHABLE are the node lifecycle taint keys. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** DEFAULT_TOLERATION_SECONDS is the --default-not-ready/unreachable-toleration-seconds default. */
export const DEFAULT_TOLERATION_SECONDS = 300;

function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));
}

/** admitDefaultTolerationSeconds appends the missing tolerations (not-ready first, then unreachable). */
export function admitDefaultTolerationSeconds(pod: Pod, notReadySeconds = DEFAULT_TOLERATION_SECONDS, unreachableSeconds = DEFAULT_TOLERATION_SECONDS): void {
  pod.spec ??= { containers: [] };
  const tolerations = pod.spec.tolerations ?? [];
  const add: Toleration[] = [];
  if (!tolerates(tolerations, TAINT_NODE_NOT_READY)) add.push(toleration(TAINT_NODE_NOT_READY, notReadySeconds));
  if (!tolerates(tolerations, TAINT_NODE_UNREACHABLE)) add.push(toleration(TAINT_NODE_UNREACHABLE, unreachableSeconds));
  if (add.length > 0) pod.spec.tolerations = [...tolerations, ...add];
}

/** The two default tolerations are the same on almost every pod: one frozen object each, shared. */
const DEFAULT_NOT_READY = deepFreeze<Toleration>({ key: TAINT_NODE_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
const DEFAULT_UNREACHABLE = deepFreeze<Toleration>({ key: TAINT_NODE_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });

function toleration(key: string, seconds: number): Toleration {
  if (seconds === DEFAULT_TOLERATION_SECONDS) return key === TAINT_NODE_NOT_READY ? DEFAULT_NOT_READY : DEFAULT_UNREACHABLE;
  return { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds };
}
