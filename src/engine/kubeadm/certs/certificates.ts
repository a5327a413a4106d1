// The certificates `kubeadm init` writes under /etc/kubernetes/pki and into the kubeconfig files,
// as its renewal manager lists them (cmd/kubeadm/app/phases/certs/renewal/manager.go: sorted by
// name), with the CA each is signed by and the subject it carries (cmd/kubeadm/app/phases/certs/
// certlist.go, kubeconfig.go). Validity: a year for leaf certificates, ten for the CAs, each
// backdated 5 minutes (cmd/kubeadm/app/constants: CertificateValidityPeriod,
// CACertificateValidityPeriod, CertificateBackdate).

export const CERTIFICATE_VALIDITY_MS = 365 * 24 * 3600_000;
export const CA_CERTIFICATE_VALIDITY_MS = 10 * CERTIFICATE_VALIDITY_MS;
export const CERTIFICATE_BACKDATE_MS = 5 * 60_000;

export interface CertificateSpec {
  /** name: the renewal manager's handler name (`kubeadm certs renew NAME`). */
  name: string;
  /** longName: what `renew` reports (`certificate for serving the Kubernetes API renewed`). */
  longName: string;
  caName: 'ca' | 'etcd-ca' | 'front-proxy-ca';
  /** file: under /etc/kubernetes/pki, or the kubeconfig file under /etc/kubernetes. */
  file: string;
  /** subject as OpenSSL 3 prints it; `{node}` is the control-plane node's name. */
  subject: string;
}

export interface CASpec {
  name: 'ca' | 'etcd-ca' | 'front-proxy-ca';
  file: string;
  subject: string;
}

export const CERTIFICATES: readonly CertificateSpec[] = [
  { name: 'admin.conf', longName: 'certificate embedded in the kubeconfig file for the admin to use and for kubeadm itself', caName: 'ca', file: '/etc/kubernetes/admin.conf', subject: 'O = kubeadm:cluster-admins, CN = kubernetes-admin' },
  { name: 'apiserver', longName: 'certificate for serving the Kubernetes API', caName: 'ca', file: '/etc/kubernetes/pki/apiserver.crt', subject: 'CN = kube-apiserver' },
  { name: 'apiserver-etcd-client', longName: 'certificate the apiserver uses to access etcd', caName: 'etcd-ca', file: '/etc/kubernetes/pki/apiserver-etcd-client.crt', subject: 'CN = kube-apiserver-etcd-client' },
  { name: 'apiserver-kubelet-client', longName: 'certificate for the API server to connect to kubelet', caName: 'ca', file: '/etc/kubernetes/pki/apiserver-kubelet-client.crt', subject: 'O = kubeadm:cluster-admins, CN = kube-apiserver-kubelet-client' },
  { name: 'controller-manager.conf', longName: 'certificate embedded in the kubeconfig file for the controller manager to use', caName: 'ca', file: '/etc/kubernetes/controller-manager.conf', subject: 'CN = system:kube-controller-manager' },
  { name: 'etcd-healthcheck-client', longName: 'certificate for liveness probes to healthcheck etcd', caName: 'etcd-ca', file: '/etc/kubernetes/pki/etcd/healthcheck-client.crt', subject: 'CN = kube-etcd-healthcheck-client' },
  { name: 'etcd-peer', longName: 'certificate for etcd nodes to communicate with each other', caName: 'etcd-ca', file: '/etc/kubernetes/pki/etcd/peer.crt', subject: 'CN = {node}' },
  { name: 'etcd-server', longName: 'certificate for serving etcd', caName: 'etcd-ca', file: '/etc/kubernetes/pki/etcd/server.crt', subject: 'CN = {node}' },
  { name: 'front-proxy-client', longName: 'certificate for the front proxy client', caName: 'front-proxy-ca', file: '/etc/kubernetes/pki/front-proxy-client.crt', subject: 'CN = front-proxy-client' },
  { name: 'scheduler.conf', longName: 'certificate embedded in the kubeconfig file for the scheduler manager to use', caName: 'ca', file: '/etc/kubernetes/scheduler.conf', subject: 'CN = system:kube-scheduler' },
  { name: 'super-admin.conf', longName: 'certificate embedded in the kubeconfig file for the super-admin', caName: 'ca', file: '/etc/kubernetes/super-admin.conf', subject: 'O = system:masters, CN = kubernetes-super-admin' },
];

export const CAS: readonly CASpec[] = [
  { name: 'ca', file: '/etc/kubernetes/pki/ca.crt', subject: 'CN = kubernetes' },
  { name: 'etcd-ca', file: '/etc/kubernetes/pki/etcd/ca.crt', subject: 'CN = etcd-ca' },
  { name: 'front-proxy-ca', file: '/etc/kubernetes/pki/front-proxy-ca.crt', subject: 'CN = front-proxy-ca' },
];

/**
 * PkiState is when each certificate was last issued (`kubeadm init`, then `certs renew`), in sim
 * milliseconds; a certificate not listed was issued at init. Plain data, kept by the Cluster.
 */
export interface PkiState {
  initMs: number;
  issuedMs: Readonly<Record<string, number>>;
}

export interface CertificateDates {
  notBeforeMs: number;
  notAfterMs: number;
}

/** datesOf: the validity window of a certificate or CA, in sim milliseconds. */
export function datesOf(state: PkiState, name: string): CertificateDates {
  const issuedMs = state.issuedMs[name] ?? state.initMs;
  const validityMs = CAS.some((ca) => ca.name === name) ? CA_CERTIFICATE_VALIDITY_MS : CERTIFICATE_VALIDITY_MS;
  return { notBeforeMs: issuedMs - CERTIFICATE_BACKDATE_MS, notAfterMs: issuedMs + validityMs };
}

/** renewed: the state after `kubeadm certs renew` of these certificates at `nowMs` (CAs are never renewed). */
export function renewed(state: PkiState, names: readonly string[], nowMs: number): PkiState {
  return { ...state, issuedMs: { ...state.issuedMs, ...Object.fromEntries(names.map((n) => [n, nowMs])) } };
}
