// The expected orders are the json tags of k8s.io/api v0.32.0 core/v1 and apps/v1 types.go and
// apimachinery meta/v1 types.go, read in declaration order.
import { describe, expect, it } from 'vitest';
import { canonicalize, fieldNames, KIND_ROOT } from './fieldOrder';

describe('field order tables', () => {
  it('ObjectMeta, PodSpec head, Container, DeploymentSpec, ServicePort follow the Go structs', () => {
    expect(fieldNames('meta.ObjectMeta')).toEqual([
      'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
      'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
    ]);
    expect(fieldNames('core.PodSpec').slice(0, 8)).toEqual([
      'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy',
    ]);
    expect(fieldNames('core.Container').slice(0, 6)).toEqual(['name', 'image', 'command', 'args', 'workingDir', 'ports']);
    expect(fieldNames('apps.DeploymentSpec')).toEqual(['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds']);
    expect(fieldNames('core.ServicePort')).toEqual(['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort']);
    expect(fieldNames('core.Probe')).toEqual(['exec', 'httpGet', 'tcpSocket', 'grpc', 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds']);
    expect(fieldNames('meta.Status')).toEqual(['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code']);
    for (const root of Object.values(KIND_ROOT)) expect(fieldNames(root).length).toBeGreaterThan(0);
  });
});

describe('canonicalize', () => {
  it('orders nested structs, sorts map keys, keeps unknown keys last', () => {
    const pod = {
      status: { phase: 'Pending' },
      spec: { restartPolicy: 'Always', containers: [{ imagePullPolicy: 'Always', image: 'nginx', name: 'c', x_custom: 1 }] },
      metadata: { labels: { z: '1', a: '2' }, namespace: 'default', name: 'p' },
      apiVersion: 'v1',
      kind: 'Pod',
    };
    const out = canonicalize(pod);
    expect(JSON.stringify(out)).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"default","labels":{"a":"2","z":"1"}},' +
        '"spec":{"containers":[{"name":"c","image":"nginx","imagePullPolicy":"Always","x_custom":1}],"restartPolicy":"Always"},"status":{"phase":"Pending"}}',
    );
    expect(pod.metadata.labels).toEqual({ z: '1', a: '2' });
  });

  it('copies unknown kinds unchanged', () => {
    const obj = { kind: 'Widget', b: 1, a: 2 };
    expect(Object.keys(canonicalize(obj))).toEqual(['kind', 'b', 'a']);
  });
});
