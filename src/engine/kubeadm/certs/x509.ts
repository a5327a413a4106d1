// The certificates kubeadm issues, as the files hold them. k8sim does no cryptography: a
// certificate's PEM body carries its fields (so a copied or backed-up file still reads back), and
// its RSA modulus and signature are deterministic bytes derived from the name and issue time.
// Extensions follow what kubeadm requests from Go's crypto/x509 (cmd/kubeadm/app/util/pkiutil/
// pki_helpers.go, cmd/kubeadm/app/phases/certs/certlist.go): CAs get keyCertSign and a subject key
// id; serving certificates get their SANs.
import { sha256, utf8 } from '../../go/sha256';
import { CAS, CERTIFICATES, datesOf, type PkiState } from './certificates';

export interface X509Certificate {
  name: string;
  subject: string;
  issuer: string;
  notBeforeMs: number;
  notAfterMs: number;
  serial: string;
  isCA: boolean;
  /** extKeyUsage: `server`, `client` or both (etcd's peer and server certificates). */
  extKeyUsage: Array<'server' | 'client'>;
  sans: string[];
  /** seed: what the modulus, key ids and signature bytes derive from. */
  seed: string;
}

/** The machine a certificate is issued on: its name and address go into SANs and subjects. */
export interface PkiHost {
  name: string;
  ip: string;
}

const SERVING: Record<string, (host: PkiHost) => string[]> = {
  // certlist.go KubeadmCertAPIServer: the node name, kubernetes service names, the service IP and the advertise address.
  apiserver: (h) => [`DNS:${h.name}`, 'DNS:kubernetes', 'DNS:kubernetes.default', 'DNS:kubernetes.default.svc', 'DNS:kubernetes.default.svc.cluster.local', 'IP Address:10.96.0.1', `IP Address:${h.ip}`],
  'etcd-server': (h) => [`DNS:${h.name}`, 'DNS:localhost', `IP Address:${h.ip}`, 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1'],
  'etcd-peer': (h) => [`DNS:${h.name}`, 'DNS:localhost', `IP Address:${h.ip}`, 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1'],
};

/** issued: a certificate or CA of the cluster as it stands in `state`, on `host`. */
export function issued(name: string, state: PkiState, host: PkiHost, epochMs: number): X509Certificate | undefined {
  const ca = CAS.find((c) => c.name === name);
  const cert = CERTIFICATES.find((c) => c.name === name);
  if (!ca && !cert) return undefined;
  const dates = datesOf(state, name);
  const seed = `${name}|${host.name}|${dates.notBeforeMs}`;
  const issuer = ca ? ca.subject : CAS.find((c) => c.name === cert!.caName)!.subject;
  const extKeyUsage: X509Certificate['extKeyUsage'] = ca ? [] : name === 'etcd-server' || name === 'etcd-peer' ? ['server', 'client'] : name === 'apiserver' ? ['server'] : ['client'];
  return {
    name,
    subject: (ca ? ca.subject : cert!.subject).replace('{node}', host.name),
    issuer,
    notBeforeMs: dates.notBeforeMs + epochMs,
    notAfterMs: dates.notAfterMs + epochMs,
    serial: serialOf(seed),
    isCA: Boolean(ca),
    extKeyUsage,
    sans: SERVING[name]?.(host) ?? [],
    seed,
  };
}

/** serialOf: pkiutil draws a random serial below MaxInt64 (printed in decimal and hex by OpenSSL). */
function serialOf(seed: string): string {
  const serial = BigInt(`0x${hex(bytesFrom(`${seed}|serial`, 8))}`) & 0x7fffffffffffffffn;
  return (serial === 0n ? 1n : serial).toString();
}

const PEM_MARKER = 'k8sim-x509';

/** pemOf: the certificate's file content. */
export function pemOf(cert: X509Certificate): string {
  const fields = utf8(JSON.stringify({ [PEM_MARKER]: 1, ...cert }));
  // A DER SEQUENCE header first, so the body starts `MIID…` as a 2048-bit RSA certificate's does.
  return pemBlock('CERTIFICATE', new Uint8Array([...DER_HEADER, ...fields]));
}

const DER_HEADER = [0x30, 0x82, 0x03, 0x1d];

/** keyPemOf: the private key file next to a certificate (RSA 2048, PKCS#1 as keyutil writes it). */
export function keyPemOf(seed: string): string {
  return pemBlock('RSA PRIVATE KEY', bytesFrom(`${seed}|key`, 1192));
}

/** parsePem reads a certificate back from a file; undefined when it holds none. */
export function parsePem(text: string): X509Certificate | undefined {
  const match = /-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+)-----END CERTIFICATE-----/.exec(text);
  if (!match) return undefined;
  try {
    const parsed = JSON.parse(atob(match[1].replace(/\n/g, '')).slice(DER_HEADER.length)) as Record<string, unknown>;
    return parsed[PEM_MARKER] === 1 ? (parsed as unknown as X509Certificate) : undefined;
  } catch {
    return undefined;
  }
}

export function pemBlock(type: string, bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const body = btoa(binary).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;
}

/** bytesFrom expands a seed into n deterministic bytes (SHA-256 in counter mode). */
export function bytesFrom(seed: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let block = 0; block * 32 < n; block++) out.set(sha256(utf8(`${seed}#${block}`)).subarray(0, Math.min(32, n - block * 32)), block * 32);
  return out;
}

export function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
