// Mirrors staging/src/k8s.io/pod-security-admission/admission (admission.go, api/attributes.go)
// in v1.32: a namespace's pod-security.kubernetes.io/{enforce,warn,audit}[-version] labels pick a
// level; pods that break the enforce level are refused, workloads whose pod template would break
// it (or the warn level) only get a warning.
import type { PodSpec } from 'kubernetes-types/core/v1';
import { evaluatePod, formatViolations, podSpecOf, type Level } from './checks';

const LABEL = 'pod-security.kubernetes.io/';
const LEVELS = new Set<Level>(['privileged', 'baseline', 'restricted']);

/** PolicyDecision: refuse with `reason`, or allow with warnings (and what audit would record). */
export type PolicyDecision = { allowed: false; reason: string } | { allowed: true; warnings: string[]; audit?: string };

interface ModeLevel {
  level: Level;
  version: string;
}

/** modeLevel reads one mode from the namespace labels (unset: privileged, the default policy). */
function modeLevel(labels: Record<string, string> | undefined, mode: 'enforce' | 'warn' | 'audit'): ModeLevel {
  const level = labels?.[`${LABEL}${mode}`] as Level | undefined;
  const version = labels?.[`${LABEL}${mode}-version`] ?? 'latest';
  return { level: level && LEVELS.has(level) ? level : 'privileged', version };
}

const policy = (m: ModeLevel) => `"${m.level}:${m.version}"`;

/** admitPodSecurity decides for a create of `obj` in a namespace labelled `labels`. */
export function admitPodSecurity(obj: { kind?: string; spec?: unknown }, labels: Record<string, string> | undefined): PolicyDecision {
  const spec: PodSpec | undefined = podSpecOf(obj);
  if (!spec) return { allowed: true, warnings: [] };
  const enforce = modeLevel(labels, 'enforce');
  const warn = modeLevel(labels, 'warn');
  const audit = modeLevel(labels, 'audit');
  const isPod = obj.kind === 'Pod';
  const enforced = evaluatePod(enforce.level, spec);
  if (isPod && enforced.length > 0) return { allowed: false, reason: `violates PodSecurity ${policy(enforce)}: ${formatViolations(enforced)}` };
  const warnings: string[] = [];
  // Workloads are checked against the enforce level too, as a warning only.
  if (!isPod && enforced.length > 0) warnings.push(`would violate PodSecurity ${policy(enforce)}: ${formatViolations(enforced)}`);
  if (warn.level !== enforce.level || isPod) {
    const warned = evaluatePod(warn.level, spec);
    if (warned.length > 0 && !(warn.level === enforce.level && warn.version === enforce.version && !isPod)) warnings.push(`would violate PodSecurity ${policy(warn)}: ${formatViolations(warned)}`);
  }
  const audited = isPod ? evaluatePod(audit.level, spec) : [];
  return { allowed: true, warnings, ...(audited.length > 0 ? { audit: `${policy(audit)}: ${formatViolations(audited)}` } : {}) };
}

/** NAMESPACE_MAX_PODS_TO_CHECK bounds the pods a namespace label change is checked against. */
export const NAMESPACE_MAX_PODS_TO_CHECK = 3000;

/**
 * namespaceUpdateWarnings is ValidateNamespace for an update that changes the enforce level:
 * the namespace's pods are evaluated against the new level (one pod per controller first), and
 * each distinct set of reasons is reported once, with the first pod name in name order and how
 * many other pods share it (EvaluatePodsInNamespace, decoratePodWarnings).
 */
export function namespaceUpdateWarnings(namespace: string, oldLabels: Record<string, string> | undefined, newLabels: Record<string, string> | undefined, pods: ReadonlyArray<{ metadata?: { name?: string; ownerReferences?: Array<{ uid: string; controller?: boolean }> }; spec?: PodSpec }>): string[] {
  const before = modeLevel(oldLabels, 'enforce');
  const after = modeLevel(newLabels, 'enforce');
  if ((before.level === after.level && before.version === after.version) || after.level === 'privileged') return [];
  const seen = new Set<string>();
  const first: typeof pods[number][] = [];
  const rest: typeof pods[number][] = [];
  for (const pod of pods) {
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)?.uid;
    if (owner && seen.has(owner)) rest.push(pod);
    else {
      if (owner) seen.add(owner);
      first.push(pod);
    }
  }
  const ordered = [...first, ...rest];
  const checked = ordered.slice(0, NAMESPACE_MAX_PODS_TO_CHECK);
  const counts = new Map<string, { podName: string; count: number }>();
  const order: string[] = [];
  for (const pod of checked) {
    const violations = pod.spec ? evaluatePod(after.level, pod.spec) : [];
    if (violations.length === 0) continue;
    const reason = violations.map((v) => v.reason).join(', ');
    const name = pod.metadata?.name ?? '';
    const entry = counts.get(reason);
    if (!entry) {
      counts.set(reason, { podName: name, count: 1 });
      order.push(reason);
    } else {
      entry.count++;
      if (name < entry.podName) entry.podName = name;
    }
  }
  const warnings: string[] = [];
  if (checked.length < ordered.length) warnings.push(`new PodSecurity enforce level only checked against the first ${checked.length} of ${ordered.length} existing pods`);
  if (order.length > 0) warnings.push(`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level ${policy(after)}`);
  const decorated = order.map((reason) => {
    const { podName, count } = counts.get(reason)!;
    const who = count === 1 ? podName : count === 2 ? `${podName} (and 1 other pod)` : `${podName} (and ${count - 1} other pods)`;
    return `${who}: ${reason}`;
  });
  return [...warnings, ...decorated.sort()];
}
