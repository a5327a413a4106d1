// Cases modelled on pkg/apis/apps/validation/validation_test.go (v1.32) TestValidateDeployment,
// TestValidateDeploymentUpdate and TestValidateReplicaSet: each invalid case checks the exact
// field path and message the apiserver returns.
import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../api/status';
import { applyDefaults } from '../admission/defaults/index';
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet } from './apps';

function validDeployment(): Deployment {
  return applyDefaults<Deployment & { kind: string }>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { name: 'abc' } },
      template: { metadata: { labels: { name: 'abc' } }, spec: { containers: [{ name: 'nginx', image: 'image' }] } },
    },
  });
}

const messages = (d: Deployment): string[] => validateDeployment(d).map(fieldErrorString);

describe('validateDeployment (TestValidateDeployment)', () => {
  it('accepts a defaulted deployment', () => {
    expect(messages(validDeployment())).toEqual([]);
  });

  it.each<[string, (d: Deployment) => void, string]>([
    ['metadata.name required', (d) => { d.metadata!.name = ''; }, 'metadata.name: Required value: name or generateName is required'],
    ['metadata.namespace required', (d) => { d.metadata!.namespace = ''; }, 'metadata.namespace: Required value'],
    ['selector required', (d) => { delete (d.spec as Partial<Deployment['spec']>)!.selector; }, 'spec.selector: Required value'],
    ['selector does not match template', (d) => { d.spec!.selector = { matchLabels: { name: 'def' } }; },
      'spec.template.metadata.labels: Invalid value: map[string]string{"name":"abc"}: `selector` does not match template `labels`'],
    ['empty selector', (d) => { d.spec!.selector = {}; },
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ['negative replicas', (d) => { d.spec!.replicas = -1; }, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['restartPolicy must be Always', (d) => { d.spec!.template.spec!.restartPolicy = 'OnFailure'; },
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ['invalid strategy type', (d) => { d.spec!.strategy = { type: 'randomType' }; },
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"randomType", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ['rollingUpdate with Recreate', (d) => { d.spec!.strategy = { type: 'Recreate', rollingUpdate: {} }; },
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ['maxSurge invalid percent', (d) => { d.spec!.strategy!.rollingUpdate!.maxSurge = '20Percent'; },
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"20Percent"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`],
    ['maxUnavailable over 100%', (d) => { d.spec!.strategy!.rollingUpdate!.maxUnavailable = '110%'; },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%'],
    ['maxUnavailable negative', (d) => { d.spec!.strategy!.rollingUpdate!.maxUnavailable = -1; },
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    ['progressDeadlineSeconds not above minReadySeconds', (d) => { d.spec!.progressDeadlineSeconds = 5; d.spec!.minReadySeconds = 5; },
      'spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds'],
    ['container image required', (d) => { d.spec!.template.spec!.containers[0].image = ''; }, 'spec.template.spec.containers[0].image: Required value'],
    ['container name invalid', (d) => { d.spec!.template.spec!.containers[0].name = 'Nginx'; },
      "spec.template.spec.containers[0].name: Invalid value: \"Nginx\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
    ['activeDeadlineSeconds forbidden', (d) => { d.spec!.template.spec!.activeDeadlineSeconds = 30; },
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
  ])('%s', (_name, mutate, expected) => {
    const d = validDeployment();
    mutate(d);
    expect(messages(d)).toContain(expected);
  });

  it('both maxSurge and maxUnavailable 0', () => {
    const d = validDeployment();
    d.spec!.strategy!.rollingUpdate = { maxSurge: 0, maxUnavailable: 0 };
    expect(messages(d)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    d.spec!.strategy!.rollingUpdate = { maxSurge: '0%', maxUnavailable: 0 };
    expect(messages(d)).toHaveLength(1);
  });
});

describe('validateDeploymentUpdate (TestValidateDeploymentUpdate)', () => {
  it('spec.selector is immutable in apps/v1; resourceVersion required', () => {
    const old = validDeployment();
    (old.metadata as { resourceVersion?: string }).resourceVersion = '1';
    const next = structuredClone(old);
    next.spec!.selector = { matchLabels: { name: 'abc', tier: 'web' } };
    next.spec!.template.metadata!.labels = { name: 'abc', tier: 'web' };
    expect(validateDeploymentUpdate(next, old).map(fieldErrorString)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"abc", "tier":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    delete (next.metadata as { resourceVersion?: string }).resourceVersion;
    expect(validateDeploymentUpdate(next, old).map(fieldErrorString)[0]).toBe('metadata.resourceVersion: Invalid value: "": must be specified for an update');
  });

  it('scaling and image changes are fine', () => {
    const old = validDeployment();
    (old.metadata as { resourceVersion?: string }).resourceVersion = '1';
    const next = structuredClone(old);
    next.spec!.replicas = 5;
    next.spec!.template.spec!.containers[0].image = 'nginx:1.27';
    expect(validateDeploymentUpdate(next, old)).toEqual([]);
  });
});

describe('validateReplicaSet (TestValidateReplicaSet)', () => {
  it('checks the template against the selector', () => {
    const rs = applyDefaults({
      apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5d59d67564', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    expect(validateReplicaSet(rs as never).map(fieldErrorString)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ]);
  });
});
