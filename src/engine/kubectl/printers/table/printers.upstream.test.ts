// Server-side cells against cases transcribed from kubernetes pkg/printers/internalversion/
// printers_test.go (v1.32): TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeExternalIP,
// TestPrintNodeInternalIP, TestPrintNodeOSImage, TestPrintHPA, TestPrintService,
// TestPrintPodDisruptionBudget, TestPrintConfigMap. Objects without creationTimestamp age as
// `<unknown>`; "created 1.9s in the future" ages as `0s` (clock-skew tolerance).
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { ConfigMap, Node, Service } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { toRFC3339 } from '../../../sim/time';
import { hpaPrinter } from './printHpa';
import { configMapPrinter, podDisruptionBudgetPrinter } from './printMisc';
import { nodePrinter } from './printNode';
import { servicePrinter } from './printServices';

const NOW = 1_000_000;
const narrow = { nowMs: NOW, wide: false };
const wide = { nowMs: NOW, wide: true };

describe('printNode (TestPrintNodeStatus, TestPrintNodeRole)', () => {
  const ready = (status: string) => [{ type: 'Ready', status }];
  const cases: Array<[Node, string, string]> = [
    [{ metadata: { name: 'foo1' }, status: { conditions: ready('True') } }, 'Ready', '<none>'],
    [{ metadata: { name: 'foo2' }, spec: { unschedulable: true }, status: { conditions: ready('True') } }, 'Ready,SchedulingDisabled', '<none>'],
    [{ metadata: { name: 'foo3' }, status: { conditions: [...ready('True'), ...ready('True')] } }, 'Ready', '<none>'],
    [{ metadata: { name: 'foo4' }, status: { conditions: ready('False') } }, 'NotReady', '<none>'],
    [{ metadata: { name: 'foo5' }, spec: { unschedulable: true }, status: { conditions: ready('False') } }, 'NotReady,SchedulingDisabled', '<none>'],
    [{ metadata: { name: 'foo6' }, status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }, 'Unknown', '<none>'],
    [{ metadata: { name: 'foo7' }, status: { conditions: [{ type: '', status: '' }] } }, 'Unknown', '<none>'],
    [{ metadata: { name: 'foo8' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }, 'Unknown,SchedulingDisabled', '<none>'],
    [{ metadata: { name: 'foo9' }, spec: { unschedulable: true }, status: { conditions: [{ type: '', status: '' }] } }, 'Unknown,SchedulingDisabled', '<none>'],
    [{ metadata: { name: 'foo10', labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' } } }, 'Unknown', 'control-plane,master,node,proxy'],
    [{ metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } }, 'Unknown', 'node'],
  ];
  it.each(cases)('%#', (node, status, roles) => {
    expect(nodePrinter.printRow(node, narrow)).toEqual([node.metadata!.name, status, roles, '<unknown>', '']);
  });

  const addr = (type: string, address: string) => ({ type, address });
  const wideCases: Array<[Node, string[]]> = [
    [{ metadata: { name: 'foo1' }, status: { nodeInfo: { osImage: 'fake-os-image' }, addresses: [addr('ExternalIP', '1.1.1.1')] } } as Node, ['<none>', '1.1.1.1', 'fake-os-image', '<unknown>', '<unknown>']],
    [{ metadata: { name: 'foo2' }, status: { addresses: [addr('InternalIP', '1.1.1.1')] } }, ['1.1.1.1', '<none>', '<unknown>', '<unknown>', '<unknown>']],
    [{ metadata: { name: 'foo3' }, status: { addresses: [addr('ExternalIP', '2.2.2.2'), addr('InternalIP', '3.3.3.3'), addr('ExternalIP', '4.4.4.4')] } }, ['3.3.3.3', '2.2.2.2', '<unknown>', '<unknown>', '<unknown>']],
    [{ metadata: { name: 'foo4' }, status: { addresses: [addr('InternalIP', '2.2.2.2'), addr('ExternalIP', '3.3.3.3'), addr('InternalIP', '4.4.4.4')] } }, ['2.2.2.2', '3.3.3.3', '<unknown>', '<unknown>', '<unknown>']],
  ];
  it.each(wideCases)('wide %#', (node, tail) => {
    expect(nodePrinter.printRow(node, wide)).toEqual([node.metadata!.name, 'Unknown', '<none>', '<unknown>', '', ...tail]);
  });
});

describe('printHorizontalPodAutoscaler (TestPrintHPA)', () => {
  const hpa = (metrics: MetricSpec[] | undefined, current: MetricStatus[] = [], minReplicas: number | null = 2): HorizontalPodAutoscaler => ({
    metadata: { name: 'some-hpa' },
    spec: { scaleTargetRef: { name: 'some-rc', kind: 'ReplicationController' }, minReplicas: minReplicas ?? undefined, maxReplicas: 10, metrics },
    status: { currentReplicas: 4, desiredReplicas: 5, currentMetrics: current },
  });
  const ident = { name: 'm' };
  const avg100 = { type: 'AverageValue', averageValue: '100m' };
  const val100 = { type: 'Value', value: '100m' };
  const util80 = { type: 'Utilization', averageUtilization: 80 };
  const cases: Array<[string, HorizontalPodAutoscaler, string, string?]> = [
    ['minReplicas unset', hpa(undefined, [], null), '<none>', '<unset>'],
    ['external avg, no current', hpa([{ type: 'External', external: { metric: ident, target: avg100 } }]), '<unknown>/100m (avg)'],
    ['external avg', hpa([{ type: 'External', external: { metric: ident, target: avg100 } }], [{ type: 'External', external: { metric: ident, current: { averageValue: '50m' } } }]), '50m/100m (avg)'],
    ['external value, no current', hpa([{ type: 'External', external: { metric: ident, target: val100 } }]), '<unknown>/100m'],
    ['external value', hpa([{ type: 'External', external: { metric: ident, target: val100 } }], [{ type: 'External', external: { metric: ident, current: { value: '50m' } } }]), '50m/100m'],
    ['pods, no current', hpa([{ type: 'Pods', pods: { metric: ident, target: avg100 } }]), '<unknown>/100m'],
    ['pods', hpa([{ type: 'Pods', pods: { metric: ident, target: avg100 } }], [{ type: 'Pods', pods: { metric: ident, current: { averageValue: '50m' } } }]), '50m/100m'],
    ['object, no current', hpa([{ type: 'Object', object: { describedObject: { name: 's', kind: 'Service' }, metric: ident, target: val100 } }]), '<unknown>/100m'],
    ['object', hpa([{ type: 'Object', object: { describedObject: { name: 's', kind: 'Service' }, metric: ident, target: val100 } }], [{ type: 'Object', object: { describedObject: { name: 's', kind: 'Service' }, metric: ident, current: { value: '50m' } } }]), '50m/100m'],
    ['resource value, no current', hpa([{ type: 'Resource', resource: { name: 'cpu', target: avg100 } }]), 'cpu: <unknown>/100m'],
    ['resource value', hpa([{ type: 'Resource', resource: { name: 'cpu', target: avg100 } }], [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }]), 'cpu: 50m/100m'],
    ['resource util, no current', hpa([{ type: 'Resource', resource: { name: 'cpu', target: util80 } }]), 'cpu: <unknown>/80%'],
    ['resource util', hpa([{ type: 'Resource', resource: { name: 'cpu', target: util80 } }], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } }]), 'cpu: 50%/80%'],
    ['container value, no current', hpa([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target: avg100 } }]), 'cpu: <unknown>/100m'],
    ['container util', hpa([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target: util80 } }], [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', current: { averageUtilization: 50, averageValue: '40m' } } }]), 'cpu: 50%/80%'],
    ['multiple specs', hpa(
      [{ type: 'Pods', pods: { metric: ident, target: avg100 } }, { type: 'Resource', resource: { name: 'cpu', target: util80 } }, { type: 'Pods', pods: { metric: { name: 'other' }, target: { type: 'AverageValue', averageValue: '400m' } } }],
      [{ type: 'Pods', pods: { metric: ident, current: { averageValue: '50m' } } }, { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } }],
    ), '50m/100m, cpu: 50%/80% + 1 more...'],
  ];
  it.each(cases)('%s', (_name, object, targets, minPods = '2') => {
    expect(hpaPrinter.printRow(object, narrow)).toEqual(['some-hpa', 'ReplicationController/some-rc', targets, minPods, 10, 4, '<unknown>']);
  });
});

describe('printService (TestPrintService)', () => {
  const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({ metadata: { name }, spec, status });
  const port8888 = [{ protocol: 'tcp', port: 8888 }];
  const cases: Array<[Service, boolean, unknown[]]> = [
    [svc('test1', { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }), false, ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>']],
    [svc('test1', { type: 'ClusterIP', ports: [{ protocol: 'tcp', port: 2233 }], clusterIPs: ['10.9.8.7'], selector: { foo: 'bar' } }), true, ['test1', 'ClusterIP', '10.9.8.7', '<none>', '2233/tcp', '<unknown>', 'foo=bar']],
    [svc('test2', { type: 'NodePort', ports: [{ protocol: 'tcp', port: 8888, nodePort: 9999 }], clusterIPs: ['10.9.8.7'] }), false, ['test2', 'NodePort', '10.9.8.7', '<none>', '8888:9999/tcp', '<unknown>']],
    [svc('test3', { type: 'LoadBalancer', ports: port8888, clusterIPs: ['10.9.8.7'] }), false, ['test3', 'LoadBalancer', '10.9.8.7', '<pending>', '8888/tcp', '<unknown>']],
    [svc('test4', { type: 'LoadBalancer', ports: port8888, clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }), false, ['test4', 'LoadBalancer', '10.9.8.7', '80.11.12.10', '8888/tcp', '<unknown>']],
    [svc('test5', { type: 'LoadBalancer', ports: port8888, clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10'] }, { loadBalancer: { ingress: [{ ip: '3.4.5.6', hostname: 'test.cluster.com' }] } }), false,
      ['test5', 'LoadBalancer', '10.9.8.7', '3.4.5.6,80.11.12.10', '8888/tcp', '<unknown>']],
    [svc('test6', { type: 'LoadBalancer', ports: port8888, clusterIPs: ['10.9.8.7'], externalIPs: ['80.11.12.10', '80.11.12.11'] }, { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'a' }, { ip: '3.4.5.6', hostname: 'b' }] } }), false,
      ['test6', 'LoadBalancer', '10.9.8.7', '2.3.4.5,3.4.5.6,80.11.12.10,80.11.12.11', '8888/tcp', '<unknown>']],
    [svc('test7', { type: 'ExternalName', externalName: 'my.database.example.com' }), false, ['test7', 'ExternalName', '<none>', 'my.database.example.com', '<none>', '<unknown>']],
  ];
  it.each(cases)('%#', (service, isWide, cells) => expect(servicePrinter.printRow(service, isWide ? wide : narrow)).toEqual(cells));
});

describe('printPodDisruptionBudget / printConfigMap (future creation ages as 0s)', () => {
  const future = toRFC3339(NOW + 1900);
  it('prints N/A for the unset bound', () => {
    const pdb = (name: string, spec: PodDisruptionBudget['spec']): PodDisruptionBudget => ({ metadata: { name, namespace: 'ns1', creationTimestamp: future }, spec, status: { disruptionsAllowed: 5, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 } });
    expect(podDisruptionBudgetPrinter.printRow(pdb('pdb1', { minAvailable: 22 }), narrow)).toEqual(['pdb1', '22', 'N/A', 5, '0s']);
    expect(podDisruptionBudgetPrinter.printRow(pdb('pdb2', { maxUnavailable: 11 }), narrow)).toEqual(['pdb2', 'N/A', '11', 5, '0s']);
  });
  it('counts data and binaryData', () => {
    const cm = (name: string, extra: Partial<ConfigMap>): ConfigMap => ({ metadata: { name, creationTimestamp: future }, ...extra });
    expect(configMapPrinter.printRow(cm('configmap1', {}), narrow)).toEqual(['configmap1', 0, '0s']);
    expect(configMapPrinter.printRow(cm('configmap2', { data: { foo: 'bar' } }), narrow)).toEqual(['configmap2', 1, '0s']);
    expect(configMapPrinter.printRow(cm('configmap3', { data: { foo: 'bar' }, binaryData: { bin: 'YmluYXJ5IGRhdGE=' } }), narrow)).toEqual(['configmap3', 2, '0s']);
  });
});
