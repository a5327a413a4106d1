import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

// cmd/kubeadm/app/cmd/certs.go: check-expiration's two tabwriter tables (minwidth 10, padding 3)
// and renew's lines; kubeadm init ran 60 s before the scenario's t=0 (2025-01-01 00:00 UTC).
describe('kubeadm certs', () => {
  it('lists the certificates with a year left and the CAs with ten, after reading kubeadm-config', () => {
    const [check] = runCommands(boot(), ['kubeadm certs check-expiration']);
    const lines = check.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
      "[check-expiration] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.",
      '',
      'CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED',
    ]);
    expect(lines[4]).toBe('admin.conf                 Dec 31, 2025 23:59 UTC   364d            ca                      no      ');
    expect(lines.slice(4, 15).map((l) => l.split(/\s+/)[0])).toEqual(['admin.conf', 'apiserver', 'apiserver-etcd-client', 'apiserver-kubelet-client', 'controller-manager.conf', 'etcd-healthcheck-client', 'etcd-peer', 'etcd-server', 'front-proxy-client', 'scheduler.conf', 'super-admin.conf']);
    expect(lines.slice(15, 20)).toEqual([
      '',
      'CERTIFICATE AUTHORITY   EXPIRES                  RESIDUAL TIME   EXTERNALLY MANAGED',
      'ca                      Dec 29, 2034 23:59 UTC   9y              no      ',
      'etcd-ca                 Dec 29, 2034 23:59 UTC   9y              no      ',
      'front-proxy-ca          Dec 29, 2034 23:59 UTC   9y              no      ',
    ]);
  });

  it('renews every certificate but the CAs, and the new dates show in check-expiration and the files', () => {
    const [renew, check, enddate] = runCommands(boot(), [
      { run: 'kubeadm certs renew all', advanceMs: 3_600_000 },
      'kubeadm certs check-expiration | grep -E "^(apiserver|ca) "',
      'openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -enddate',
    ]);
    const lines = renew.stdout.split('\n');
    expect(lines[3]).toBe('certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself renewed');
    expect(lines[13]).toBe('certificate embedded in the kubeconfig file for the super-admin renewed');
    expect(renew.stdout.endsWith('\nDone renewing certificates. You must restart the kube-apiserver, kube-controller-manager, kube-scheduler and etcd, so that they can use the new certificates.\n')).toBe(true);
    expect(check.stdout).toBe('apiserver                  Jan 01, 2026 01:00 UTC   364d            ca                      no      \nca                      Dec 29, 2034 23:59 UTC   9y              no      \n');
    expect(enddate.stdout).toBe('notAfter=Jan  1 01:00:00 2026 GMT\n');
  });

  it('finds only the cluster CA on a worker, and says what it does not simulate', () => {
    const [worker, init] = runCommands(boot(), ['ssh node-1 kubeadm certs check-expiration', 'kubeadm init']);
    expect(worker.stdout.split('\n')[1]).toBe('!MISSING! admin.conf                                                                   ');
    expect(worker.stdout).toMatch(/\nca {25}Dec 29, 2034 23:59 UTC {3}9y {14}no {6}\n!MISSING! etcd-ca/);
    expect(init).toMatchObject({ exit: 1, stderr: 'Error: "kubeadm init" is not simulated by k8sim (it simulates kubeadm certs check-expiration|renew and kubeadm version)\n' });
  });
});
