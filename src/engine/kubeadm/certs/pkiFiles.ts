// The files `kubeadm init` leaves on a control-plane machine, as the terminal shows them:
// /etc/kubernetes/pki (certificates and keys, etcd's under pki/etcd) and the kubeconfig files in
// /etc/kubernetes with their client certificates embedded. A worker (`kubeadm join`) has the
// cluster CA and its kubelet.conf only. Contents follow the PKI state, so `kubeadm certs renew`
// shows in them; files written, copied over or removed in these directories stay changed.
import type { MountedDir } from '../../commands/bash/session';
import { CAS, CERTIFICATES, type PkiState } from './certificates';
import { bytesFrom, issued, keyPemOf, pemBlock, pemOf, type PkiHost } from './x509';

const PKI_DIR = '/etc/kubernetes/pki';

/** pkiMounts: the directories to mount on a machine's shell, keyed by path. */
export function pkiMounts(host: PkiHost, controlPlane: boolean, state: () => PkiState, epochMs: number, server: string): Map<string, MountedDir> {
  const generated = new Map<string, Map<string, () => string>>();
  const add = (path: string, content: () => string) => {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!generated.has(dir)) generated.set(dir, new Map());
    generated.get(dir)!.set(path.slice(dir.length + 1), content);
  };
  const pem = (name: string) => pemOf(issued(name, state(), host, epochMs)!);
  const key = (name: string) => keyPemOf(issued(name, state(), host, epochMs)!.seed);
  for (const ca of CAS) {
    if (!controlPlane && ca.name !== 'ca') continue;
    add(ca.file, () => pem(ca.name));
    if (controlPlane) add(ca.file.replace(/\.crt$/, '.key'), () => key(ca.name));
  }
  if (controlPlane) {
    for (const cert of CERTIFICATES) {
      if (cert.file.endsWith('.conf')) add(cert.file, () => kubeconfig(cert.name, server, pem('ca'), pem(cert.name), key(cert.name)));
      else {
        add(cert.file, () => pem(cert.name));
        add(cert.file.replace(/\.crt$/, '.key'), () => key(cert.name));
      }
    }
    // The service account signing key pair is a bare key, not a certificate.
    add(`${PKI_DIR}/sa.key`, () => keyPemOf(`sa|${host.name}`));
    add(`${PKI_DIR}/sa.pub`, () => pemBlock('PUBLIC KEY', bytesFrom(`sa|${host.name}|pub`, 294)));
  }
  add('/etc/kubernetes/kubelet.conf', () => kubeletConf(host.name, server, pem('ca')));
  return new Map([...generated].map(([dir, files]) => [dir, overlay(files)]));
}

/** overlay: generated files, with what the shell wrote or removed on top. */
function overlay(files: Map<string, () => string>): MountedDir {
  const written = new Map<string, string>();
  const removed = new Set<string>();
  return {
    list: () => [...new Set([...[...files.keys()].filter((f) => !removed.has(f)), ...written.keys()])].sort(),
    read: (file) => written.get(file) ?? (removed.has(file) ? undefined : files.get(file)?.()),
    write(file, text) {
      written.set(file, text);
      removed.delete(file);
    },
    remove(file) {
      const existed = written.delete(file) || (files.has(file) && !removed.has(file));
      if (files.has(file)) removed.add(file);
      return existed;
    },
  };
}

/** kubeconfig: a kubeconfig kubeadm writes with the client certificate embedded (admin.conf, scheduler.conf…). */
function kubeconfig(name: string, server: string, caPem: string, certPem: string, keyPem: string): string {
  const user = { 'admin.conf': 'kubernetes-admin', 'super-admin.conf': 'kubernetes-super-admin', 'controller-manager.conf': 'system:kube-controller-manager', 'scheduler.conf': 'system:kube-scheduler' }[name] ?? name;
  return kubeconfigFor(user, server, caPem, `    client-certificate-data: ${b64(certPem)}\n    client-key-data: ${b64(keyPem)}\n`);
}

/** kubeletConf points at the kubelet's rotated client certificate instead of embedding one. */
function kubeletConf(node: string, server: string, caPem: string): string {
  const pem = '/var/lib/kubelet/pki/kubelet-client-current.pem';
  return kubeconfigFor(`system:node:${node}`, server, caPem, `    client-certificate: ${pem}\n    client-key: ${pem}\n`);
}

/** kubeconfigFor: clientcmd's v1 Config with one cluster, one user and its context. */
function kubeconfigFor(user: string, server: string, caPem: string, credentials: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${b64(caPem)}
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
${credentials}`;
}

function b64(text: string): string {
  return btoa(text);
}
