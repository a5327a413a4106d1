import type { PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';
import { evaluatePod, formatViolations } from './checks';

const RESTRICTED_MESSAGE =
  'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

// staging/src/k8s.io/pod-security-admission/policy/check_*.go (v1.32).
describe('PodSecurity checks', () => {
  const plain: PodSpec = { containers: [{ name: 'nginx', image: 'nginx' }] };

  it('a plain pod passes baseline and breaks four restricted checks, in check order', () => {
    expect(evaluatePod('privileged', plain)).toEqual([]);
    expect(evaluatePod('baseline', plain)).toEqual([]);
    expect(formatViolations(evaluatePod('restricted', plain))).toBe(RESTRICTED_MESSAGE);
  });

  it('a hardened pod passes restricted', () => {
    const hardened: PodSpec = {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'app', image: 'app', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }],
    };
    expect(evaluatePod('restricted', hardened)).toEqual([]);
  });

  it('baseline refuses privileged containers, host namespaces, hostPath, hostPorts and extra capabilities', () => {
    const risky: PodSpec = {
      hostNetwork: true,
      hostPID: true,
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
      containers: [
        { name: 'a', image: 'x', securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } }, ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'b', image: 'x', securityContext: { privileged: true } },
      ],
    };
    expect(evaluatePod('baseline', risky)).toEqual([
      { reason: 'non-default capabilities', detail: 'container "a" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add' },
      { reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true' },
      { reason: 'hostPath volumes', detail: 'volume "root"' },
      { reason: 'hostPort', detail: 'container "a" uses hostPort 8080' },
      { reason: 'privileged', detail: 'containers "a", "b" must not set securityContext.privileged=true' },
    ]);
    expect(evaluatePod('restricted', risky).map((v) => v.reason)).toContain('restricted volume types');
    expect(evaluatePod('restricted', risky).map((v) => v.reason)).not.toContain('hostPath volumes');
  });
});

describe('PodSecurity admission through kubectl', () => {
  it('enforce refuses the pod; a Deployment is admitted with the warning kubectl prints; its ReplicaSet cannot create pods', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const r = runCommands(cluster, [
      'kubectl create namespace secure',
      'kubectl label namespace secure pod-security.kubernetes.io/enforce=restricted',
      'kubectl run nginx --image=nginx:1.27 -n secure',
      'kubectl create deployment nginx --image=nginx:1.27 -n secure',
      { run: 'kubectl get events -n secure --field-selector reason=FailedCreate -o jsonpath={.items[0].message}', advanceMs: 5_000 },
    ]);
    expect(r[2].stderr).toBe(`Error from server (Forbidden): pods "nginx" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_MESSAGE}\n`);
    expect(r[3].stdout).toBe('deployment.apps/nginx created\n');
    expect(r[3].stderr).toBe(`Warning: would violate PodSecurity "restricted:latest": ${RESTRICTED_MESSAGE}\n`);
    expect(r[4].stdout).toMatch(/^Error creating: pods "nginx-[a-z0-9]+-[a-z0-9]{5}" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false/);
  });
});

// staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePodsInNamespace (v1.32).
describe('PodSecurity on a namespace label change', () => {
  it('warns about existing pods that break the new enforce level, grouped by reasons; no warning when enforce is unchanged or privileged', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 21, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const r = runCommands(cluster, [
      'kubectl create namespace team',
      'kubectl -n team create deployment web --image=nginx:1.27 --replicas=3',
      { run: 'kubectl -n team run solo --image=busybox:1.36 -- sleep 3600', advanceMs: 3_000 },
      { run: 'kubectl label ns team pod-security.kubernetes.io/enforce=baseline', advanceMs: 3_000 },
      'kubectl label ns team pod-security.kubernetes.io/enforce=restricted --overwrite',
      'kubectl label ns team pod-security.kubernetes.io/warn=restricted',
      'kubectl label ns team pod-security.kubernetes.io/enforce=privileged --overwrite',
    ]);
    expect(r[3]).toMatchObject({ exit: 0, stdout: 'namespace/team labeled\n', stderr: '' });
    expect(r[4].stderr).toBe(
      'Warning: existing pods in namespace "team" violate the new PodSecurity enforce level "restricted:latest"\n' +
        'Warning: solo (and 3 other pods): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n',
    );
    expect(r[5].stderr).toBe('');
    expect(r[6].stderr).toBe('');
  });
});
