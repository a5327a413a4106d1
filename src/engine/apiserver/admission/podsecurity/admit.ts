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
