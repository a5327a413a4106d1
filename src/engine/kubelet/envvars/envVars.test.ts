import type { Pod, Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { expand, fromServices, makeEnvironmentVariables, serviceEnvVarMap } from './envVars';

const svc = (name: string, namespace: string, clusterIP: string, ports: Array<{ name?: string; port: number; protocol?: string }>): Service => ({ metadata: { name, namespace }, spec: { clusterIP, ports: ports as never } });
const kubernetes = svc('kubernetes', 'default', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);

// pkg/kubelet/envvars/envvars_test.go TestFromServices and kubelet_pods_test.go TestMakeEnvironmentVariables (v1.32), reduced.
describe('kubelet environment variables', () => {
  it('fromServices: host, first port, named ports, then the Docker link variables; headless Services get none', () => {
    const vars = fromServices([svc('foo-bar', 'default', '1.2.3.4', [{ port: 8083, protocol: 'TCP' }]), svc('abc-123', 'default', '5.6.7.8', [{ name: 'u-d-p', port: 8081, protocol: 'UDP' }, { name: 't-c-p', port: 8081, protocol: 'TCP' }]), svc('headless', 'default', 'None', [{ port: 80 }])]);
    expect(vars.map((v) => `${v.name}=${v.value}`)).toEqual([
      'FOO_BAR_SERVICE_HOST=1.2.3.4', 'FOO_BAR_SERVICE_PORT=8083', 'FOO_BAR_PORT=tcp://1.2.3.4:8083',
      'FOO_BAR_PORT_8083_TCP=tcp://1.2.3.4:8083', 'FOO_BAR_PORT_8083_TCP_PROTO=tcp', 'FOO_BAR_PORT_8083_TCP_PORT=8083', 'FOO_BAR_PORT_8083_TCP_ADDR=1.2.3.4',
      'ABC_123_SERVICE_HOST=5.6.7.8', 'ABC_123_SERVICE_PORT=8081', 'ABC_123_SERVICE_PORT_U_D_P=8081', 'ABC_123_SERVICE_PORT_T_C_P=8081', 'ABC_123_PORT=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081', 'ABC_123_PORT_8081_UDP_PROTO=udp', 'ABC_123_PORT_8081_UDP_PORT=8081', 'ABC_123_PORT_8081_UDP_ADDR=5.6.7.8',
      'ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081', 'ABC_123_PORT_8081_TCP_PROTO=tcp', 'ABC_123_PORT_8081_TCP_PORT=8081', 'ABC_123_PORT_8081_TCP_ADDR=5.6.7.8',
    ]);
  });

  it('a pod sees the kubernetes Service always and its own namespace\'s Services only with enableServiceLinks', () => {
    const services = [kubernetes, svc('web', 'default', '10.96.5.5', [{ port: 80 }]), svc('db', 'team', '10.96.7.7', [{ port: 5432 }])];
    expect([...serviceEnvVarMap(services, 'team', true).keys()].filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST', 'DB_SERVICE_HOST']);
    expect([...serviceEnvVarMap(services, 'team', false).keys()].filter((k) => k.endsWith('_SERVICE_HOST'))).toEqual(['KUBERNETES_SERVICE_HOST']);
    expect(serviceEnvVarMap(services, 'default', true).get('KUBERNETES_SERVICE_PORT_HTTPS')).toBe('443');
  });

  it('declared variables come first with $(VAR) expanded and fieldRefs resolved; service variables they shadow are dropped', () => {
    const pod: Pod = { metadata: { name: 'web-1', namespace: 'team', labels: { app: 'web' } }, spec: { nodeName: 'node-2', containers: [] } };
    const container = {
      name: 'c',
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'GREETING', value: 'hi $(POD_NAME) on $(NODE) via $(KUBERNETES_SERVICE_HOST) $$(x)' },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'KUBERNETES_SERVICE_PORT', value: '6443' },
      ],
    };
    const env = makeEnvironmentVariables(pod, container, serviceEnvVarMap([kubernetes], 'team', true), { podIP: '10.244.2.9', hostIP: '10.0.1.2' }, (items) => items);
    expect(env.slice(0, 6)).toEqual([
      { name: 'POD_NAME', value: 'web-1' },
      { name: 'GREETING', value: 'hi web-1 on $(NODE) via 10.96.0.1 $(x)' },
      { name: 'NODE', value: 'node-2' },
      { name: 'APP', value: 'web' },
      { name: 'IP', value: '10.244.2.9' },
      { name: 'KUBERNETES_SERVICE_PORT', value: '6443' },
    ]);
    expect(env.filter((v) => v.name === 'KUBERNETES_SERVICE_PORT')).toHaveLength(1);
    // The kubernetes Service brings 8 variables; the declared KUBERNETES_SERVICE_PORT replaces one.
    expect(env).toHaveLength(6 + 7);
  });

  it('expand leaves unknown and unterminated references as written (expansion_test.go)', () => {
    const lookup = (name: string) => ({ VAR_A: 'A', VAR_EMPTY: '' })[name];
    expect(expand('$(VAR_A)-$(VAR_EMPTY)-$(UNKNOWN)', lookup)).toBe('A--$(UNKNOWN)');
    expect(expand('$$(VAR_A) $(VAR_A', lookup)).toBe('$(VAR_A) $(VAR_A');
    expect(expand('$VAR_A and $', lookup)).toBe('$VAR_A and $');
  });
});
