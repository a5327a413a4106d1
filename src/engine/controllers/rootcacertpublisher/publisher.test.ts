import type { ConfigMap } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { kubeControllerManagerFactoryWith } from '../../controllerManager/kubeControllerManager';
import { get, request, TEST_SPEC } from '../../controllerManager/testing';
import { wait } from '../../sim/task';
import { DESCRIPTION, ROOT_CA_CERT_CONFIG_MAP_NAME } from './publisher';

function boot(): Cluster {
  return Cluster.boot(TEST_SPEC, [kubeControllerManagerFactoryWith({ controllers: ['root-ca-certificate-publisher-controller'] })]);
}

describe('root-ca-cert-publisher', () => {
  it('publishes kube-root-ca.crt with the CA and the description annotation, and restores edits', () => {
    const cluster = boot();
    cluster.runUntil(1000);
    const cm = get<ConfigMap>(cluster, 'configmaps', ROOT_CA_CERT_CONFIG_MAP_NAME, 'kube-system')!;
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION });
    expect(cm.data?.['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgII[A-Za-z0-9+/]{44}\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    const pem = cm.data!['ca.crt'];
    request(cluster, (function* () {
      return yield* wait(cluster.admin().patch('configmaps', 'default', ROOT_CA_CERT_CONFIG_MAP_NAME, 'merge', { data: { 'ca.crt': 'tampered' } }));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    expect(get<ConfigMap>(cluster, 'configmaps', ROOT_CA_CERT_CONFIG_MAP_NAME, 'default')!.data).toEqual({ 'ca.crt': pem });
  });
});
