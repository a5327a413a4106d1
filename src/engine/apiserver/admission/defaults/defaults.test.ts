// Cases from pkg/apis/apps/v1/defaults_test.go (TestSetDefaultDeployment, TestSetDefaultReplicaSet),
// pkg/apis/core/v1/defaults_test.go (TestSetDefaultService, TestSetDefaultNamespace,
// TestSetDefaultSecret, TestSetDefaultProbe, TestSetDefaultRequestsPod, TestSetDefaultPodSpecHostNetwork),
// pkg/apis/batch/v1/defaults_test.go (TestSetDefaultJob, TestSetDefaultCronJob),
// pkg/apis/autoscaling/v2/defaults_test.go (TestHorizontalPodAutoscalerAnnotations… behavior
// defaults) and pkg/apis/scheduling/v1/defaults_test.go, v1.32. Plus idempotency as a property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDefaults } from './index';
import { convertHPAv1ToV2 } from './hpaDefaults';
import { imageTag } from './podDefaults';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };

describe('Deployment / ReplicaSet', () => {
  it('TestSetDefaultDeployment: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600', () => {
    const d = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    const pod = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(pod).toEqual({
      containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler',
    });
  });

  it('Recreate gets no rollingUpdate; explicit values stay', () => {
    const d = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 0, strategy: { type: 'Recreate' }, selector: {}, template } });
    expect(d.spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' } });
    expect((d.spec as { strategy: object }).strategy).not.toHaveProperty('rollingUpdate');
  });

  it('TestSetDefaultReplicaSet: replicas 1', () => {
    expect(applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { selector: {}, template } }).spec).toMatchObject({ replicas: 1 });
  });
});

describe('Pod', () => {
  it('image pull policy by tag', () => {
    expect(['nginx', 'nginx:latest', 'nginx:1.27', 'nginx@sha256:abc', 'localhost:5000/nginx', 'localhost:5000/nginx:v1'].map(imageTag)).toEqual(['latest', 'latest', '1.27', '', 'latest', 'v1']);
  });

  it('SetDefaults_Pod: requests from limits, enableServiceLinks, TCP ports, canonical quantities, probes', () => {
    const pod = applyDefaults({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '0.5', memory: '1024Mi' } },
        livenessProbe: { httpGet: { port: 80 } } }] },
    });
    const c = (pod.spec as { containers: Record<string, unknown>[] }).containers[0];
    expect(c).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
      livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    });
    expect(pod.spec).toMatchObject({ enableServiceLinks: true, restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
  });

  it('hostNetwork copies containerPort to hostPort; volumes get modes', () => {
    const pod = applyDefaults({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { hostNetwork: true, containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 8080 }] }], volumes: [{ name: 'a' }, { name: 'b', secret: { secretName: 's' } }, { name: 'c', configMap: { name: 'cm' } }] },
    });
    const spec = pod.spec as { containers: { ports: object[] }[]; volumes: object[] };
    expect(spec.containers[0].ports[0]).toEqual({ containerPort: 8080, hostPort: 8080, protocol: 'TCP' });
    expect(spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'c', configMap: { name: 'cm', defaultMode: 420 } },
    ]);
  });
});

describe('Service, Namespace, Secret, PriorityClass', () => {
  it('TestSetDefaultService', () => {
    const svc = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } });
    expect(svc.spec).toEqual({
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, targetPort: 'https', protocol: 'TCP' }],
      sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster',
    });
    const lb = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } });
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
    const ext = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect(ext.spec).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
    const affinity = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { sessionAffinity: 'ClientIP', ports: [{ port: 1 }] } });
    expect(affinity.spec).toMatchObject({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } });
  });

  it('TestSetDefaultNamespace / TestSetDefaultSecret / PriorityClass', () => {
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })).toEqual({
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } }, status: { phase: 'Active' },
    });
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toMatchObject({ type: 'Opaque' });
    expect(applyDefaults({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'p' }, value: 5 })).toMatchObject({ preemptionPolicy: 'PreemptLowerPriority' });
  });
});

describe('Job, CronJob, HPA', () => {
  it('TestSetDefaultJob', () => {
    const job = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'perl:5' }], restartPolicy: 'Never' } } } });
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false });
    expect((job.metadata as { labels?: object }).labels).toEqual({ a: 'b' });
    const parallel = applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { parallelism: 3, template } });
    expect(parallel.spec).toMatchObject({ parallelism: 3 });
    expect(parallel.spec).not.toHaveProperty('completions');
  });

  it('TestSetDefaultCronJob', () => {
    const cj = applyDefaults({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } });
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect((cj.spec as { jobTemplate: { spec: object } }).jobTemplate.spec).not.toHaveProperty('backoffLimit');
  });

  it('HPA v2: minReplicas 1, CPU 80 %, behavior filled only when present', () => {
    const hpa = applyDefaults({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 } });
    expect(hpa.spec).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
    const withBehavior = applyDefaults({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
    expect((withBehavior.spec as { behavior: object }).behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
  });

  it('HPA v1 converts to a v2 Resource metric', () => {
    const v2 = convertHPAv1ToV2({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 4, targetCPUUtilizationPercentage: 50 } });
    expect(v2.spec?.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  });
});

describe('idempotency', () => {
  const quantity = fc.oneof(fc.constantFrom('100m', '0.5', '1', '1024Mi', '1.5Gi', '2e3', '0.0001', '250M'), fc.nat(5000).map(String));
  const container = fc.record({
    name: fc.constantFrom('a', 'b', 'web'),
    image: fc.constantFrom('nginx', 'nginx:1.27', 'busybox@sha256:1', 'r.io/x:latest'),
    ports: fc.option(fc.array(fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 2 }), { nil: undefined }),
    resources: fc.option(fc.record({ limits: fc.record({ cpu: quantity }), requests: fc.option(fc.record({ memory: quantity }), { nil: undefined }) }), { nil: undefined }),
  });
  const podSpec = fc.record({
    containers: fc.array(container, { minLength: 1, maxLength: 2 }),
    hostNetwork: fc.option(fc.boolean(), { nil: undefined }),
    restartPolicy: fc.option(fc.constantFrom('Always', 'Never'), { nil: undefined }),
  });
  const objects = fc.oneof(
    podSpec.map((spec) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec })),
    fc.record({ replicas: fc.option(fc.nat(5), { nil: undefined }), spec: podSpec }).map(({ replicas, spec }) => ({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas, selector: {}, template: { spec } },
    })),
    fc.record({ type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), port: fc.integer({ min: 1, max: 65535 }) }).map(({ type, port }) => ({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type, ports: [{ port }] },
    })),
    fc.record({ parallelism: fc.option(fc.nat(4), { nil: undefined }), spec: podSpec }).map(({ parallelism, spec }) => ({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { parallelism, template: { spec } },
    })),
  );

  it('applyDefaults(applyDefaults(x)) equals applyDefaults(x)', () => {
    fc.assert(
      fc.property(objects, (obj) => {
        const once = applyDefaults(JSON.parse(JSON.stringify(obj)));
        expect(applyDefaults(once)).toEqual(once);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('Event', () => {
  it('is copied with its frozen parts kept and its metadata a fresh, editable copy', () => {
    const source = Object.freeze({ component: 'kubelet', host: 'node-1' });
    const involvedObject = Object.freeze({ kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1' });
    const metadata = Object.freeze({ name: 'web.1', namespace: 'default' });
    const event = Object.freeze({ apiVersion: 'v1', kind: 'Event', metadata, involvedObject, source, reason: 'Pulled', message: 'm', count: 1 });
    const decoded = applyDefaults(event);
    expect(decoded).toEqual(event);
    expect(decoded).not.toBe(event);
    expect(decoded.source).toBe(source);
    expect(decoded.involvedObject).toBe(involvedObject);
    expect(decoded.metadata).not.toBe(metadata);
    expect(Object.isFrozen(decoded.metadata)).toBe(false);
    expect(Object.isFrozen(decoded)).toBe(false);
  });
});
