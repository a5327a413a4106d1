import type { Rng } from '../../sim/rng';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * fakeRootCAPEM returns a plausible kubeadm CA certificate in PEM form: the DER prefix every
 * kubeadm `ca.crt` starts with (`MIIDBTCCAe2gAwIBAgII`), random base64 for the rest of its 1,033
 * bytes, 64 characters per line. It is not a parseable certificate; it only has to look like one
 * in `kubectl get cm kube-root-ca.crt -o yaml`, and it is the same for the same seed.
 */
export function fakeRootCAPEM(rng: Rng): string {
  const prefix = 'MIIDBTCCAe2gAwIBAgII';
  const bodyLength = 1380;
  let body = prefix;
  while (body.length < bodyLength - 1) body += BASE64[rng.int(64)];
  body += '=';
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
