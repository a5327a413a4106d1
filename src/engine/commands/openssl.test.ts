import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

// OpenSSL 3.0's x509 printer over kubeadm's certificates (layout checked against openssl 3.0 on
// a certificate with the same extensions).
describe('openssl x509', () => {
  it('prints the validity, subject and issuer in the order asked, backdated 5 minutes', () => {
    const [dates] = runCommands(boot(), ['openssl x509 -in /etc/kubernetes/pki/etcd/server.crt -noout -subject -dates -issuer']);
    expect(dates.stdout).toBe('subject=CN = control-plane\nnotBefore=Dec 31 23:54:00 2024 GMT\nnotAfter=Dec 31 23:59:00 2025 GMT\nissuer=CN = etcd-ca\n');
  });

  it("shows the apiserver's SANs and a leaf's extensions in -text", () => {
    const [text] = runCommands(boot(), ['openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -text']);
    const lines = text.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Certificate:', '    Data:', '        Version: 3 (0x2)']);
    expect(lines[3]).toMatch(/^ {8}Serial Number: \d+ \(0x[0-9a-f]+\)$/);
    expect(lines.filter((l) => /^ {20}[0-9a-f]{2}(:[0-9a-f]{2})*:?$/.test(l))).toHaveLength(18);
    const extensions = lines.slice(lines.indexOf('        X509v3 extensions:'), lines.indexOf('    Signature Algorithm: sha256WithRSAEncryption'));
    expect(extensions.filter((l) => !l.startsWith('                '))).toEqual([
      '        X509v3 extensions:',
      '            X509v3 Key Usage: critical',
      '            X509v3 Extended Key Usage: ',
      '            X509v3 Basic Constraints: critical',
      '            X509v3 Authority Key Identifier: ',
      '            X509v3 Subject Alternative Name: ',
    ]);
    expect(extensions[extensions.length - 1]).toBe('                DNS:control-plane, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP Address:10.96.0.1, IP Address:10.0.0.2');
  });

  it('reads a copied certificate and a client certificate embedded in a kubeconfig', () => {
    const [copied, embedded] = runCommands(boot(), [
      'cp /etc/kubernetes/pki/ca.crt /tmp/ca.crt && openssl x509 -in /tmp/ca.crt -noout -subject -enddate',
      "grep client-certificate-data /etc/kubernetes/admin.conf | awk '{print $2}' | base64 -d | openssl x509 -noout -subject",
    ]);
    expect(copied.stdout).toBe('subject=CN = kubernetes\nnotAfter=Dec 29 23:59:00 2034 GMT\n');
    expect(embedded.stdout).toBe('subject=O = kubeadm:cluster-admins, CN = kubernetes-admin\n');
  });

  it('fails as OpenSSL does on a key file and a missing file', () => {
    const [key, missing] = runCommands(boot(), ['openssl x509 -in /etc/kubernetes/pki/ca.key -noout', 'openssl x509 -in /tmp/none.crt -noout -dates']);
    expect(key.exit).toBe(1);
    expect(key.stderr).toMatch(/^Could not read certificate from \/etc\/kubernetes\/pki\/ca\.key\n.*:error:1608010C:STORE routines:ossl_store_handle_load_result:unsupported:.*\nUnable to load certificate\n$/);
    expect(missing.stderr).toMatch(/^Could not open file or uri for loading certificate from \/tmp\/none\.crt\n[\s\S]*calling stat\(\/tmp\/none\.crt\)\nUnable to load certificate\n$/);
  });
});
