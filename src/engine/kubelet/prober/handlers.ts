// Mirrors kubernetes pkg/kubelet/prober/prober.go runProbe and pkg/probe/{exec,http,tcp,grpc}
// (v1.32): what one probe of a simulated container returns. Instead of running a probe, a
// handler is turned into its outcome over the container's lifetime: a list of segments, each
// holding from `fromMs` (after the container started) until the next one.
import type { Container, Probe } from 'kubernetes-types/core/v1';
import { fileExistsAt, fileTimeline, scriptOf } from '../../runtime/shellFs';
import type { ContainerRecord } from '../../runtime/types';

/** ProbeSegment: from `fromMs` on, the probe succeeds (ok) or fails with `output`. */
export interface ProbeSegment {
  fromMs: number;
  ok: boolean;
  output: string;
}

const OK: ProbeSegment = { fromMs: 0, ok: true, output: '' };

/** probeSegments: the outcome of `probe` over the lifetime of `record` (sorted by fromMs, first at 0). */
export function probeSegments(probe: Probe, container: Container, record: ContainerRecord, podIP: string): ProbeSegment[] {
  if (probe.exec) return execSegments(probe.exec.command ?? [], record);
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, container);
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || podIP;
    const url = `${scheme}://${host}:${port}${probe.httpGet.path ?? ''}`;
    const refused = `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`;
    const segments = listening(record, port, refused);
    const healthy = record.behavior.healthyForMs;
    if (healthy !== undefined && segments.at(-1)!.ok) segments.push({ fromMs: Math.max(healthy, segments.at(-1)!.fromMs), ok: false, output: 'HTTP probe failed with statuscode: 500' });
    return segments;
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    const host = probe.tcpSocket.host || podIP;
    return listening(record, port, `dial tcp ${host}:${port}: connect: connection refused`);
  }
  if (probe.grpc) {
    const address = `${podIP}:${probe.grpc.port}`;
    return listening(record, probe.grpc.port, `timeout: failed to connect service "${address}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded`);
  }
  return [OK];
}

/** resolvePort: a number, or a named port of the container (0 when the name is unknown). */
function resolvePort(port: number | string, container: Container): number {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort ?? 0;
}

/** listening: refused until the process listens on `port` (readyAfterMs after start), then ok. */
function listening(record: ContainerRecord, port: number, refused: string): ProbeSegment[] {
  const behavior = record.behavior;
  if (behavior.mode === 'exit' || !behavior.ports.some((p) => p.port === port)) return [{ fromMs: 0, ok: false, output: refused }];
  if (behavior.readyAfterMs <= 0) return [OK];
  return [{ fromMs: 0, ok: false, output: refused }, { fromMs: behavior.readyAfterMs, ok: true, output: '' }];
}

/**
 * execSegments understands the checks tutorials use: `cat FILE`, `test -e|-f FILE`, `ls FILE`
 * against the script's simulated files, `true`, `false`, `exit N`. Any other command is the
 * image's own health check and succeeds.
 */
function execSegments(command: readonly string[], record: ContainerRecord): ProbeSegment[] {
  const words = scriptOf(command).trim().split(/\s+/).filter((w) => w !== '[' && w !== ']');
  const program = (words[0] ?? '').slice((words[0] ?? '').lastIndexOf('/') + 1);
  if (program === 'false') return [{ fromMs: 0, ok: false, output: '' }];
  if (program === 'exit' && words[1] !== '0') return [{ fromMs: 0, ok: false, output: '' }];
  const path = program === 'cat' || program === 'ls' ? words[1] : program === 'test' && /^-[efsd]$/.test(words[1] ?? '') ? words[2] : undefined;
  if (!path) return [OK];
  const files = fileTimeline(record.argv);
  const missing = missingMessage(program, path, record.image);
  // What the container's own script does to the file, then what `kubectl exec` did to it since.
  const layer = record.layer;
  const changes = [...(files.get(path) ?? []).map((c) => c.atMs), ...(layer?.history ?? []).filter((e) => e.path === path || path.startsWith(`${e.path}/`)).map((e) => e.atMs)];
  const points = [0, ...changes.filter((t) => Number.isFinite(t))].sort((a, b) => a - b);
  const segments: ProbeSegment[] = [];
  for (const fromMs of points) {
    const ok = layer?.existsAt(path, fromMs) ?? fileExistsAt(files, path, fromMs);
    if (segments.length > 0 && segments.at(-1)!.ok === ok) continue;
    if (segments.at(-1)?.fromMs === fromMs) segments.pop();
    segments.push({ fromMs, ok, output: ok ? '' : missing });
  }
  return segments;
}

/** missingMessage: busybox (and Alpine-based images) word errors differently from GNU coreutils. */
function missingMessage(program: string, path: string, image: string): string {
  if (program === 'test') return '';
  const busybox = /busybox|alpine/.test(image);
  if (program === 'ls') return busybox ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`;
  return busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`;
}
