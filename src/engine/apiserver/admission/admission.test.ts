// Cases from plugin/pkg/admission/serviceaccount/admission_test.go (TestAutomountsAPIToken,
// TestRespectsExistingMount, TestFetchesUncachedServiceAccount…), defaulttolerationseconds/
// admission_test.go (TestForgivenessAdmission) and priority/admission_test.go (TestPodAdmission),
// plus NamespaceLifecycle and the strategies' PrepareForCreate (v1.32).
import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describe, expect, it } from 'vitest';
import { admitCreate, type AdmissionContext } from './index';
import { applyDefaults } from './defaults/index';
import { admitDefaultTolerationSeconds } from './plugins/defaultTolerationSeconds';
import { admitPriority, systemPriorityClasses } from './plugins/priority';
import { admitServiceAccount } from './plugins/serviceAccount';
import { podQOSClass, prepareForCreate } from './prepareForCreate';

const newPod = (spec: Partial<Pod['spec']> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const saInput = { lookup: (ns: string, name: string) => (ns === 'default' && name === 'default' ? { metadata: { name, namespace: ns } } : undefined), random5: () => 'x5k2p' };

describe('ServiceAccount', () => {
  it('TestAutomountsAPIToken: default SA, projected kube-api-access volume and mounts', () => {
    const pod = newPod({ initContainers: [{ name: 'init', image: 'busybox' }] });
    expect(admitServiceAccount(pod, 'default', saInput)).toBeUndefined();
    expect(pod.spec!.serviceAccountName).toBe('default');
    const mount = { name: 'kube-api-access-x5k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    expect(pod.spec!.containers[0].volumeMounts).toEqual([mount]);
    expect(pod.spec!.initContainers![0].volumeMounts).toEqual([mount]);
    expect(pod.spec!.volumes).toEqual([{
      name: 'kube-api-access-x5k2p',
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    }]);
  });

  it('TestRespectsExistingMount and automountServiceAccountToken: false', () => {
    const pod = newPod();
    pod.spec!.containers[0].volumeMounts = [{ name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }];
    admitServiceAccount(pod, 'default', saInput);
    expect(pod.spec!.volumes).toBeUndefined();
    const off = newPod({ automountServiceAccountToken: false });
    admitServiceAccount(off, 'default', saInput);
    expect(off.spec!.volumes).toBeUndefined();
  });

  it('gives every pod the same frozen projected source (memory at 150,000 pods), never a shared volume list', () => {
    const [a, b] = [newPod(), newPod()];
    admitServiceAccount(a, 'default', saInput);
    admitServiceAccount(b, 'default', saInput);
    expect(a.spec!.volumes![0].projected).toBe(b.spec!.volumes![0].projected);
    expect(Object.isFrozen(a.spec!.volumes![0].projected!.sources![1].configMap!.items)).toBe(true);
    expect(a.spec!.volumes).not.toBe(b.spec!.volumes);
    expect(Object.isFrozen(a.spec!.volumes)).toBe(false);
  });

  it('rejects a missing ServiceAccount with the upstream text (generateName prefix as the name)', () => {
    const pod = newPod({ serviceAccountName: 'robot' });
    pod.metadata = { generateName: 'web-7d4b9c8f6d-', namespace: 'default' };
    expect(admitServiceAccount(pod, 'default', saInput)?.message).toBe(
      'pods "web-7d4b9c8f6d-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found',
    );
  });
});

describe('DefaultTolerationSeconds (TestForgivenessAdmission)', () => {
  it('adds both 300 s tolerations unless already tolerated', () => {
    const pod = newPod();
    admitDefaultTolerationSeconds(pod);
    expect(pod.spec!.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    const tolerant = newPod({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 700 }] });
    admitDefaultTolerationSeconds(tolerant);
    expect(tolerant.spec!.tolerations!.map((t) => [t.key, t.tolerationSeconds])).toEqual([
      ['node.kubernetes.io/unreachable', 700],
      ['node.kubernetes.io/not-ready', 300],
    ]);
    const custom = newPod();
    admitDefaultTolerationSeconds(custom, 300, 120);
    expect(custom.spec!.tolerations![0]).toBe(pod.spec!.tolerations![0]);
    expect(custom.spec!.tolerations![1]).toEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 });
    const everything = newPod({ tolerations: [{ operator: 'Exists' }] });
    admitDefaultTolerationSeconds(everything);
    expect(everything.spec!.tolerations).toHaveLength(1);
  });
});

describe('Priority (TestPodAdmission)', () => {
  const classes: PriorityClass[] = [...systemPriorityClasses(), { metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' }];

  it('no class and no default: priority 0, PreemptLowerPriority', () => {
    const pod = newPod();
    expect(admitPriority(pod, { priorityClasses: classes })).toBeUndefined();
    expect([pod.spec!.priority, pod.spec!.preemptionPolicy, pod.spec!.priorityClassName]).toEqual([0, 'PreemptLowerPriority', undefined]);
  });

  it('resolves named and global default classes', () => {
    const pod = newPod({ priorityClassName: 'system-node-critical' });
    admitPriority(pod, { priorityClasses: classes });
    expect(pod.spec!.priority).toBe(2000001000);
    const withDefault = newPod();
    admitPriority(withDefault, { priorityClasses: [...classes, { metadata: { name: 'low' }, value: 10, globalDefault: true }] });
    expect([withDefault.spec!.priorityClassName, withDefault.spec!.priority]).toEqual(['low', 10]);
  });

  it('rejects unknown classes and a conflicting priority', () => {
    expect(admitPriority(newPod({ priorityClassName: 'nope' }), { priorityClasses: classes })?.message).toBe('pods "web" is forbidden: no PriorityClass with name nope was found');
    expect(admitPriority(newPod({ priorityClassName: 'high', priority: 5 }), { priorityClasses: classes })?.message).toBe(
      'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
  });
});

describe('admitCreate chain', () => {
  const ctx: AdmissionContext = {
    namespacePhase: (ns) => (ns === 'default' ? 'Active' : ns === 'old' ? 'Terminating' : undefined),
    serviceAccount: saInput.lookup,
    priorityClasses: systemPriorityClasses(),
    limitRanges: () => [],
    random5: () => 'abcde',
  };

  it('runs ServiceAccount, Priority, DefaultTolerationSeconds on a defaulted pod', () => {
    const pod = applyDefaults(newPod()) as unknown as Pod;
    expect(admitCreate(pod as never, ctx)).toBeUndefined();
    expect(pod.spec).toMatchObject({ serviceAccountName: 'default', priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
    expect(pod.spec!.tolerations).toHaveLength(2);
  });

  it('NamespaceLifecycle rejects missing and terminating namespaces', () => {
    const missing = newPod();
    missing.metadata!.namespace = 'ghost';
    expect(admitCreate(missing as never, ctx)?.message).toBe('namespaces "ghost" not found');
    const terminating = newPod();
    terminating.metadata!.namespace = 'old';
    expect(admitCreate(terminating as never, ctx)?.message).toBe('pods "web" is forbidden: unable to create new content in namespace old because it is being terminated');
  });
});

describe('prepareForCreate', () => {
  it('pods start Pending with their QoS class; namespaces get the kubernetes finalizer', () => {
    const pod = applyDefaults(newPod()) as never;
    prepareForCreate(pod);
    expect((pod as Pod).status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
    prepareForCreate(ns);
    expect(ns).toMatchObject({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, status: { replicas: 3 } };
    prepareForCreate(d);
    expect(d).toMatchObject({ metadata: { generation: 1 }, status: {} });
  });

  it('podQOSClass (qos_test.go TestGetPodQOS)', () => {
    const withRes = (requests?: object, limits?: object): Pod => newPod({ containers: [{ name: 'c', image: 'i', resources: { requests: requests as never, limits: limits as never } }] });
    expect(podQOSClass(withRes({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }))).toBe('Guaranteed');
    expect(podQOSClass(withRes({ cpu: '500m' }, { cpu: '1', memory: '1Gi' }))).toBe('Burstable');
    expect(podQOSClass(withRes({ cpu: '1' }))).toBe('Burstable');
    expect(podQOSClass(withRes())).toBe('BestEffort');
  });
});
