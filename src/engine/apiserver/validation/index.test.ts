// Create/update validation per kind, with the apiserver's exact texts. Cases follow
// pkg/apis/core/validation/validation_test.go (TestValidatePodCreate… TestValidateService,
// TestValidateConfigMap, TestValidateNamespace, TestValidateResourceQuota),
// pkg/apis/batch/validation/validation_test.go (TestValidateJob, TestValidateCronJob),
// pkg/apis/autoscaling/validation/validation_test.go (TestValidateHorizontalPodAutoscaler),
// pkg/apis/policy/validation (TestValidatePodDisruptionBudgetSpec) and
// pkg/apis/scheduling/validation (TestValidatePriorityClass), v1.32.
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../api/status';
import { applyDefaults } from '../admission/defaults/index';
import { prepareForCreate } from '../admission/prepareForCreate';
import { invalidError, invalidErrorFor, validateObjectCreate, validateObjectUpdate, type KubeObject } from './index';

const errorsOf = (obj: KubeObject): string[] => validateObjectCreate(applyDefaults(obj)).map(fieldErrorString);
const pod = (spec: object, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });

describe('BeforeCreate order', () => {
  it('kind rules first, then the generic path-segment rule only if they passed', () => {
    // PodDisruptionBudget names are not DNS-checked by its strategy, only by the generic rule.
    const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'a%b', namespace: 'default' }, spec: { minAvailable: 1 } };
    expect(errorsOf(pdb)).toEqual(["metadata.name: Invalid value: \"a%b\": may not contain '%'"]);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default' } };
    expect(errorsOf(cm)).toEqual(['metadata.name: Required value: name or generateName is required']);
  });

  it('invalidError builds the 422 Status text', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'a b': 'x' } };
    const status = invalidErrorFor(cm, validateObjectCreate(cm));
    expect(status.message).toBe(
      "ConfigMap \"cfg\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
    expect(invalidError('Deployment', 'apps', 'web', []).message).toBe('Deployment.apps "web" is invalid');
  });
});

describe('Pod', () => {
  it('containers required; name/image; ports; restartPolicy; requests ≤ limits', () => {
    expect(errorsOf(pod({ containers: [] }))).toEqual(['spec.containers: Required value']);
    expect(errorsOf(pod({ containers: [{ name: '', image: '' }] }))).toEqual([
      'spec.containers[0].name: Required value',
      'spec.containers[0].image: Required value',
    ]);
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 70000 }, { containerPort: 80, protocol: 'HTTP' }] }] }))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(errorsOf(pod({ restartPolicy: 'Sometimes', containers: [{ name: 'c', image: 'i' }] }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'i', resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '1', memory: '512Mi' } } }] }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]);
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'i' }, { name: 'c', image: 'j' }] }))).toEqual(['spec.containers[1].name: Duplicate value: "c"']);
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'i ' }] }))).toEqual(['spec.containers[0].image: Invalid value: "i ": must not have leading or trailing whitespace']);
    expect(errorsOf(pod({ containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] }))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('labels and annotations', () => {
    const obj = pod({ containers: [{ name: 'c', image: 'i' }] });
    obj.metadata!.labels = { app: 'bad value!' };
    expect(errorsOf(obj)).toEqual([
      "metadata.labels: Invalid value: \"bad value!\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });

  it('update may only change images, activeDeadlineSeconds and add tolerations', () => {
    const old = applyDefaults(pod({ containers: [{ name: 'c', image: 'i' }] }));
    old.metadata!.resourceVersion = '3';
    const next = structuredClone(old) as KubeObject & { spec: { containers: { image: string }[]; restartPolicy: string } };
    next.spec.containers[0].image = 'j';
    expect(validateObjectUpdate(next, old)).toEqual([]);
    next.spec.restartPolicy = 'Never';
    expect(validateObjectUpdate(next, old).map(fieldErrorString)[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)/,
    );
  });
});

describe('Service', () => {
  const svc = (name: string, spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });

  it('DNS-1035 names, ports, protocols, names of multiple ports', () => {
    expect(errorsOf(svc('1web', { ports: [{ port: 80 }] }))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(errorsOf(svc('web', {}))).toEqual(['spec.ports: Required value']);
    // targetPort defaults to port, so a port of 0 fails twice, as upstream.
    expect(errorsOf(svc('web', { ports: [{ port: 0 }] }))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(errorsOf(svc('web', { ports: [{ port: 80, protocol: 'HTTP' }] }))).toEqual(['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']);
    expect(errorsOf(svc('web', { ports: [{ name: 'http', port: 80 }, { port: 443 }] }))).toEqual(['spec.ports[1].name: Required value']);
    expect(errorsOf(svc('web', { type: 'Magic', ports: [{ port: 80 }] }))).toContain(
      'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(errorsOf(svc('web', { ports: [{ port: 80, nodePort: 30080 }] }))).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });
});

describe('ConfigMap, Secret, Namespace, ResourceQuota', () => {
  it('data keys', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { '..x': '1', ok: '2' } };
    expect(errorsOf(cm)).toEqual(["data[..x]: Invalid value: \"..x\": must not start with '..'"]);
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'YQ==' } };
    expect(errorsOf(secret)).toEqual(['data[tls.key]: Required value']);
  });

  it('namespaces are DNS-1123 labels and cluster scoped', () => {
    expect(errorsOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } })).toEqual(['metadata.name: Invalid value: "team.a": must not contain dots']);
    expect(errorsOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', namespace: 'x' } })).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('quota resource names and integer counts', () => {
    const rq = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { pods: '10', cpus: '4', 'requests.memory': '-1Gi' } } };
    expect(errorsOf(rq)).toEqual([
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource for quota',
      'spec.hard[requests.memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
    ]);
  });
});

describe('Job and CronJob', () => {
  it('restartPolicy Always is rejected; selector generated from the uid', () => {
    const job: KubeObject = applyDefaults({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default', uid: 'u-1' },
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } },
    });
    prepareForCreate(job);
    expect(validateObjectCreate(job).map(fieldErrorString)).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
    (job.spec as { template: { spec: { restartPolicy: string } } }).template.spec.restartPolicy = 'Never';
    expect(validateObjectCreate(job)).toEqual([]);
  });

  it('cron schedule errors come from robfig/cron', () => {
    const cj = (schedule: string): KubeObject => ({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default' },
      spec: { schedule, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    });
    expect(errorsOf(cj('*/1 * * * *'))).toEqual([]);
    expect(errorsOf(cj('@hourly'))).toEqual([]);
    expect(errorsOf(cj('error'))).toEqual(['spec.schedule: Invalid value: "error": expected exactly 5 fields, found 1: [error]']);
    expect(errorsOf(cj('61 * * * *'))).toEqual(['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']);
    expect(errorsOf(cj('TZ=UTC 0 * * * *'))).toEqual(['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
  });
});

describe('HPA, PDB, PriorityClass', () => {
  const hpa = (spec: object): KubeObject => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web', namespace: 'default' }, spec });

  it('min ≤ max, maxReplicas ≥ 1, metric targets', () => {
    const ref = { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' };
    expect(errorsOf(hpa({ scaleTargetRef: ref, minReplicas: 5, maxReplicas: 2 }))).toEqual(['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']);
    expect(errorsOf(hpa({ scaleTargetRef: ref, minReplicas: 0, maxReplicas: 0 }))).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
    ]);
    expect(errorsOf(hpa({ scaleTargetRef: ref, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 0 } } }] }))).toEqual([
      'spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0',
    ]);
  });

  it('PDB minAvailable and maxUnavailable', () => {
    const pdb = (spec: object): KubeObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', namespace: 'default' }, spec });
    expect(errorsOf(pdb({ minAvailable: '120%' }))).toEqual(['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%']);
    expect(errorsOf(pdb({ maxUnavailable: -1 }))).toEqual(['spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']);
  });

  it('PriorityClass system prefix and value limit', () => {
    const pc = (name: string, value: number): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
    expect(errorsOf(pc('system-foo', 10))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class",
    ]);
    expect(errorsOf(pc('high', 2000000000))).toEqual(['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
    expect(errorsOf(pc('high', 1000))).toEqual([]);
  });
});
