// Mirrors k8s.io/kubectl pkg/describe/describe.go DescribeProbe (v1.32):
// `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
import type { Probe } from 'kubernetes-types/core/v1';
import { joinHostPort } from '../printers/table/printServices';
import { goStringSlice } from './goFormat';

/** urlString is net/url.URL.String for scheme, host and path only. */
function urlString(scheme: string, host: string, path: string): string {
  let text = scheme ? `${scheme}:` : '';
  if ((scheme || host) && (host || path)) text += `//${host}`;
  if (path && !path.startsWith('/') && host) text += '/';
  return text + path;
}

/** describeProbe renders a probe's handler and its timing attributes as stored (the apiserver defaults them to 1s, 10s, 1, 3). */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec ${goStringSlice(probe.exec.command)} ${attrs}`;
  if (probe.httpGet) {
    const port = String(probe.httpGet.port ?? '');
    const host = port.length > 0 ? joinHostPort(probe.httpGet.host ?? '', port) : probe.httpGet.host ?? '';
    return `http-get ${urlString((probe.httpGet.scheme ?? '').toLowerCase(), host, probe.httpGet.path ?? '')} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
