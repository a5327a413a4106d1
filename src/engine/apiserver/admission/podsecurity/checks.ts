// Mirrors staging/src/k8s.io/pod-security-admission/policy/check_*.go (v1.32): each check's
// forbidden reason and detail, in the order the checks are registered (their file names), with
// the restricted checks replacing the baseline ones they override. AppArmor, SELinux, procMount,
// sysctls and Windows hostProcess are not modelled (k8sim's pods never set them).
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface Violation {
  reason: string;
  detail: string;
}

type Check = { id: string; level: 'baseline' | 'restricted'; overrides?: string; run: (spec: PodSpec) => Violation | undefined };

const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const joinQuote = (items: readonly string[]) => items.map((i) => JSON.stringify(i)).join(', ');
/** containersOf visits init containers, then containers, as the checks do. */
const containersOf = (spec: PodSpec): Container[] => [...(spec.initContainers ?? []), ...(spec.containers ?? [])];

function containersWhere(spec: PodSpec, bad: (c: Container) => boolean, text: (names: string) => string, reason: string): Violation | undefined {
  const names = containersOf(spec).filter(bad).map((c) => c.name);
  if (names.length === 0) return undefined;
  return { reason, detail: `${plural('container', 'containers', names.length)} ${joinQuote(names)} ${text(joinQuote(names))}` };
}

const CHECKS: Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    run: (spec) => containersWhere(spec, (c) => c.securityContext?.allowPrivilegeEscalation !== false, () => 'must set securityContext.allowPrivilegeEscalation=false', 'allowPrivilegeEscalation != false'),
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    run: (spec) => {
      const bad = containersOf(spec).filter((c) => (c.securityContext?.capabilities?.add ?? []).some((cap) => !BASELINE_CAPABILITIES.has(cap)));
      if (bad.length === 0) return undefined;
      const caps = [...new Set(bad.flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPABILITIES.has(cap))))].sort();
      return { reason: 'non-default capabilities', detail: `${plural('container', 'containers', bad.length)} ${joinQuote(bad.map((c) => c.name))} must not include ${joinQuote(caps)} in securityContext.capabilities.add` };
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    overrides: 'capabilities_baseline',
    run: (spec) => {
      const details: string[] = [];
      const noDrop = containersOf(spec).filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
      if (noDrop.length > 0) details.push(`${plural('container', 'containers', noDrop.length)} ${joinQuote(noDrop.map((c) => c.name))} must set securityContext.capabilities.drop=["ALL"]`);
      const adding = containersOf(spec).filter((c) => (c.securityContext?.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE'));
      if (adding.length > 0) {
        const caps = [...new Set(adding.flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE')))].sort();
        details.push(`${plural('container', 'containers', adding.length)} ${joinQuote(adding.map((c) => c.name))} must not include ${joinQuote(caps)} in securityContext.capabilities.add`);
      }
      return details.length > 0 ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
    },
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    run: (spec) => {
      const set = [spec.hostNetwork && 'hostNetwork=true', spec.hostPID && 'hostPID=true', spec.hostIPC && 'hostIPC=true'].filter(Boolean) as string[];
      return set.length > 0 ? { reason: 'host namespaces', detail: set.join(', ') } : undefined;
    },
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    run: (spec) => {
      const names = (spec.volumes ?? []).filter((v) => v.hostPath).map((v) => v.name);
      return names.length > 0 ? { reason: 'hostPath volumes', detail: `${plural('volume', 'volumes', names.length)} ${joinQuote(names)}` } : undefined;
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    run: (spec) => {
      const bad = containersOf(spec).filter((c) => (c.ports ?? []).some((p) => (p.hostPort ?? 0) !== 0));
      if (bad.length === 0) return undefined;
      const ports = [...new Set(bad.flatMap((c) => (c.ports ?? []).filter((p) => (p.hostPort ?? 0) !== 0).map((p) => String(p.hostPort))))].sort();
      return { reason: 'hostPort', detail: `${plural('container', 'containers', bad.length)} ${joinQuote(bad.map((c) => c.name))} ${plural('uses', 'use', bad.length)} ${plural('hostPort', 'hostPorts', ports.length)} ${ports.join(', ')}` };
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    run: (spec) => containersWhere(spec, (c) => c.securityContext?.privileged === true, () => 'must not set securityContext.privileged=true', 'privileged'),
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    overrides: 'hostPathVolumes',
    run: (spec) => {
      const bad = (spec.volumes ?? []).filter((v) => !Object.keys(v).some((k) => k !== 'name' && RESTRICTED_VOLUMES.has(k)));
      if (bad.length === 0) return undefined;
      const types = [...new Set(bad.flatMap((v) => Object.keys(v).filter((k) => k !== 'name')))].sort();
      return { reason: 'restricted volume types', detail: `${plural('volume', 'volumes', bad.length)} ${joinQuote(bad.map((v) => v.name))} ${plural('uses', 'use', bad.length)} ${plural('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}` };
    },
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    run: (spec) => {
      if (spec.securityContext?.runAsNonRoot === false) return { reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false' };
      const explicitFalse = containersOf(spec).filter((c) => c.securityContext?.runAsNonRoot === false);
      if (explicitFalse.length > 0) return { reason: 'runAsNonRoot != true', detail: `${plural('container', 'containers', explicitFalse.length)} ${joinQuote(explicitFalse.map((c) => c.name))} must not set securityContext.runAsNonRoot=false` };
      if (spec.securityContext?.runAsNonRoot === true) return undefined;
      const implicit = containersOf(spec).filter((c) => c.securityContext?.runAsNonRoot !== true);
      return implicit.length > 0 ? { reason: 'runAsNonRoot != true', detail: `pod or ${plural('container', 'containers', implicit.length)} ${joinQuote(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true` } : undefined;
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    run: (spec) => {
      if (spec.securityContext?.runAsUser === 0) return { reason: 'runAsUser=0', detail: 'pod must not set runAsUser=0' };
      return containersWhere(spec, (c) => c.securityContext?.runAsUser === 0, () => 'must not set runAsUser=0', 'runAsUser=0');
    },
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    run: (spec) => {
      if (spec.securityContext?.seccompProfile?.type === 'Unconfined') return { reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' };
      return containersWhere(spec, (c) => c.securityContext?.seccompProfile?.type === 'Unconfined', () => 'must not set securityContext.seccompProfile.type to "Unconfined"', 'seccompProfile');
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    overrides: 'seccompProfile_baseline',
    run: (spec) => {
      const ok = (type: string | undefined) => type === 'RuntimeDefault' || type === 'Localhost';
      const podType = spec.securityContext?.seccompProfile?.type;
      if (podType !== undefined && !ok(podType)) return { reason: 'seccompProfile', detail: `pod must not set securityContext.seccompProfile.type to ${JSON.stringify(podType)}` };
      const badExplicit = containersOf(spec).filter((c) => c.securityContext?.seccompProfile?.type !== undefined && !ok(c.securityContext.seccompProfile.type));
      if (badExplicit.length > 0) {
        return { reason: 'seccompProfile', detail: `${plural('container', 'containers', badExplicit.length)} ${joinQuote(badExplicit.map((c) => c.name))} must not set securityContext.seccompProfile.type to ${JSON.stringify(badExplicit[0].securityContext!.seccompProfile!.type)}` };
      }
      if (ok(podType)) return undefined;
      const implicit = containersOf(spec).filter((c) => !ok(c.securityContext?.seccompProfile?.type));
      return implicit.length > 0 ? { reason: 'seccompProfile', detail: `pod or ${plural('container', 'containers', implicit.length)} ${joinQuote(implicit.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` } : undefined;
    },
  },
];

/** evaluatePod runs the checks of `level` over a pod spec; no violations under `privileged`. */
export function evaluatePod(level: Level, spec: PodSpec): Violation[] {
  if (level === 'privileged') return [];
  const active = CHECKS.filter((c) => c.level === 'baseline' || level === 'restricted');
  const overridden = new Set(active.map((c) => c.overrides).filter(Boolean));
  return active.filter((c) => !overridden.has(c.id)).flatMap((c) => c.run(spec) ?? []);
}

/** podSpecOf finds the pod template of a workload (what PodSecurity warns about), or a pod's spec. */
export function podSpecOf(obj: { kind?: string; spec?: unknown }): PodSpec | undefined {
  const spec = obj.spec as { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } | undefined;
  if (obj.kind === 'Pod') return obj.spec as PodSpec | undefined;
  if (obj.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController', 'PodTemplate'].includes(obj.kind ?? '')) return spec?.template?.spec;
  return undefined;
}

/** formatViolations is `allowPrivilegeEscalation != false (container "x" must ...), ...`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}

export type { Pod };
