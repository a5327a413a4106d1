// `openssl x509` on the cluster's certificates (OpenSSL 3.0, as on Ubuntu 24.04): -dates,
// -startdate, -enddate, -subject, -issuer, -serial and -text print in the order given; without
// -noout the certificate follows. Learners read /etc/kubernetes/pki/apiserver.crt's SANs and
// expiry with it. Only x509 is simulated.
import { MONTHS } from '../go/timeNames';
import { bytesFrom, hex, parsePem, pemOf, type X509Certificate } from '../kubeadm/certs/x509';
import type { Task } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const PRINTS = new Set(['-text', '-dates', '-startdate', '-enddate', '-subject', '-issuer', '-serial']);

export function* openssl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const [command, ...args] = argv;
  if (command !== 'x509') {
    io.err(command ? `openssl: "openssl ${command}" is not simulated by k8sim (it simulates openssl x509)\n` : 'openssl: k8sim simulates openssl x509 -in FILE [-noout] [-text|-dates|-subject|-issuer|-serial]\n');
    return 1;
  }
  let file: string | undefined;
  let noout = false;
  const prints: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-in') file = args[++i];
    else if (arg === '-noout') noout = true;
    else if (PRINTS.has(arg)) prints.push(arg);
    else if (arg === '-inform' && args[i + 1] === 'PEM') i++;
    else {
      io.err(`x509: Unknown option or message digest: ${arg.replace(/^-/, '')}\nx509: Use -help for summary.\n`);
      return 1;
    }
  }
  const text = file === undefined ? io.stdin : env.shell?.readFile(file);
  if (text === undefined || text === null) {
    io.err(`Could not open file or uri for loading certificate from ${file}\n${errorLine('16000069', 'STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file')}${errorLine('80000002', `system library:file_open:${text === null ? 'Is a directory' : 'No such file or directory'}:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})`)}Unable to load certificate\n`);
    return 1;
  }
  const cert = parsePem(text);
  if (!cert) {
    io.err(`Could not read certificate from ${file ?? '<stdin>'}\n${errorLine('1608010C', 'STORE routines:ossl_store_handle_load_result:unsupported:../crypto/store/store_result.c:149:')}Unable to load certificate\n`);
    return 1;
  }
  for (const print of prints) io.out(printed(print, cert));
  if (!noout) io.out(pemOf(cert));
  return 0;
}

/** errorLine: OpenSSL's error queue line (thread id, code, library:function:reason:file:line). */
function errorLine(code: string, detail: string): string {
  return `40E7B1D2D27F0000:error:${code}:${detail}\n`;
}

function printed(option: string, cert: X509Certificate): string {
  switch (option) {
    case '-dates':
      return `notBefore=${gmt(cert.notBeforeMs)}\nnotAfter=${gmt(cert.notAfterMs)}\n`;
    case '-startdate':
      return `notBefore=${gmt(cert.notBeforeMs)}\n`;
    case '-enddate':
      return `notAfter=${gmt(cert.notAfterMs)}\n`;
    case '-subject':
      return `subject=${cert.subject}\n`;
    case '-issuer':
      return `issuer=${cert.issuer}\n`;
    case '-serial':
      return `serial=${BigInt(cert.serial).toString(16).toUpperCase().padStart(2, '0')}\n`;
    default:
      return textOf(cert);
  }
}

/** textOf lays the certificate out as X509_print does. */
function textOf(cert: X509Certificate): string {
  const serial = BigInt(cert.serial);
  const modulus = new Uint8Array([0, ...bytesFrom(`${cert.seed}|modulus`, 256)]);
  modulus[1] |= 0x80;
  const keyId = (seed: string) => hex(bytesFrom(seed, 20)).toUpperCase().replace(/(..)(?!$)/g, '$1:');
  const lines = [
    'Certificate:',
    '    Data:',
    '        Version: 3 (0x2)',
    `        Serial Number: ${serial} (0x${serial.toString(16)})`,
    '        Signature Algorithm: sha256WithRSAEncryption',
    `        Issuer: ${cert.issuer}`,
    '        Validity',
    `            Not Before: ${gmt(cert.notBeforeMs)}`,
    `            Not After : ${gmt(cert.notAfterMs)}`,
    `        Subject: ${cert.subject}`,
    '        Subject Public Key Info:',
    '            Public Key Algorithm: rsaEncryption',
    '                Public-Key: (2048 bit)',
    '                Modulus:',
    ...hexDump(modulus, 15, '                    '),
    '                Exponent: 65537 (0x10001)',
    '        X509v3 extensions:',
    '            X509v3 Key Usage: critical',
    `                Digital Signature, Key Encipherment${cert.isCA ? ', Certificate Sign' : ''}`,
  ];
  if (cert.extKeyUsage.length > 0) lines.push('            X509v3 Extended Key Usage: ', `                ${cert.extKeyUsage.map((u) => (u === 'server' ? 'TLS Web Server Authentication' : 'TLS Web Client Authentication')).join(', ')}`);
  lines.push('            X509v3 Basic Constraints: critical', `                CA:${cert.isCA ? 'TRUE' : 'FALSE'}`);
  // Go gives a CA a subject key id; a leaf carries its issuer's as the authority key id.
  if (cert.isCA) lines.push('            X509v3 Subject Key Identifier: ', `                ${keyId(`${cert.subject}|ski`)}`);
  else lines.push('            X509v3 Authority Key Identifier: ', `                ${keyId(`${cert.issuer}|ski`)}`);
  if (cert.sans.length > 0) lines.push('            X509v3 Subject Alternative Name: ', `                ${cert.sans.join(', ')}`);
  lines.push('    Signature Algorithm: sha256WithRSAEncryption', '    Signature Value:', ...hexDump(bytesFrom(`${cert.seed}|signature`, 256), 18, '        '));
  return `${lines.join('\n')}\n`;
}

function hexDump(bytes: Uint8Array, perLine: number, indent: string): string[] {
  const pairs = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += perLine) {
    const chunk = pairs.slice(i, i + perLine).join(':');
    lines.push(`${indent}${chunk}${i + perLine < pairs.length ? ':' : ''}`);
  }
  return lines;
}

/** gmt: ASN1_TIME_print's `Nov  4 00:15:18 2026 GMT` (the day padded with a space). */
function gmt(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}
