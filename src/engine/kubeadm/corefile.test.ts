import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { COREFILE_SHA512 } from '../registry/catalog/kubernetes';
import { runCommands } from '../testing/runCommands';
import { COREFILE } from './addons';

describe("CoreDNS's start-up log", () => {
  it('names the SHA-512 of the Corefile kubeadm installed (plugin/reload)', () => {
    expect(COREFILE_SHA512).toBe(createHash('sha512').update(COREFILE).digest('hex'));
    const cluster = Cluster.boot(clusterSpec({ seed: 2, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
    const [logs] = runCommands(cluster, ['kubectl logs -n kube-system -l k8s-app=kube-dns --tail=3']);
    expect(logs.stdout).toContain(`[INFO] plugin/reload: Running configuration SHA512 = ${COREFILE_SHA512}\n`);
  });
});
