import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ContainerRecord } from '../../runtime/types';
import type { ProcessBehavior } from '../../registry/types';
import { analyzeProbes, failuresAt, nextFailureAtOrAfter, readyAt } from './analysis';

const serve = (port: number, readyAfterMs: number, extra: Partial<ProcessBehavior> = {}): ProcessBehavior =>
  ({ mode: 'serve', exitCode: 0, runMs: 0, readyAfterMs, ports: [{ port, protocol: 'TCP' }], memoryBytes: 1, cpuMillicores: 0, logs: [], ...extra });

function record(behavior: ProcessBehavior, argv: string[] = ['server'], image = 'docker.io/library/redis:7.4'): ContainerRecord {
  return { id: 'c1', sandboxId: 's', podUid: 'u', podName: 'p', podNamespace: 'default', name: 'c', attempt: 0, image, imageRef: '', hash: '', state: 'CONTAINER_RUNNING', createdAtMs: 0, startedAtMs: 1_000, argv, env: [], behavior };
}

describe('analyzeProbes', () => {
  it('readiness turns true at the first probe after the port listens (initialDelaySeconds, then every periodSeconds)', () => {
    const r = record(serve(80, 2_500));
    const probe = (initialDelaySeconds: number, periodSeconds: number): Container => ({ name: 'c', readinessProbe: { httpGet: { port: 80 }, initialDelaySeconds, periodSeconds } });
    expect(analyzeProbes(probe(5, 10), r, '10.244.1.2').readiness).toEqual([{ atMs: 6_000, ready: true }]);
    expect(analyzeProbes(probe(0, 1), r, '10.244.1.2').readiness).toEqual([{ atMs: 4_000, ready: true }]);
    // The refusals before the server first listens are not reported as Unhealthy.
    expect(analyzeProbes(probe(0, 1), r, '10.244.1.2').failures).toEqual([]);
  });

  it('tcpSocket on a port the image does not listen on is refused forever (Readiness probe failed every period)', () => {
    const c: Container = { name: 'c', readinessProbe: { tcpSocket: { port: 6380 }, periodSeconds: 10 } };
    const a = analyzeProbes(c, record(serve(6379, 50)), '10.244.1.2');
    expect(readyAt(a, 1_000_000)).toBe(false);
    expect(failuresAt(a, 1_000)).toEqual([{ atMs: 1_000, probe: 'Readiness', output: 'dial tcp 10.244.1.2:6380: connect: connection refused' }]);
    expect(nextFailureAtOrAfter(a, 500_001)).toBe(501_000);
    expect(failuresAt(a, 501_000)[0].output).toBe('dial tcp 10.244.1.2:6380: connect: connection refused');
  });

  it('tcpSocket on a named container port resolves it', () => {
    const c: Container = { name: 'c', ports: [{ name: 'redis', containerPort: 6379 }], readinessProbe: { tcpSocket: { port: 'redis' } } };
    expect(analyzeProbes(c, record(serve(6379, 50)), '10.244.1.2').readiness).toEqual([{ atMs: 11_000, ready: true }]);
  });

  it('exec readiness follows the script: ready while /tmp/healthy exists, unready after failureThreshold failures', () => {
    const c: Container = { name: 'c', readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } };
    const r = record({ ...serve(0, 0), ports: [] }, ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], 'docker.io/library/busybox:1.37.0');
    const a = analyzeProbes(c, r, '10.244.1.2');
    expect(a.readiness).toEqual([{ atMs: 6_000, ready: true }, { atMs: 46_000, ready: false }]);
    expect(a.failures[0]).toEqual({ atMs: 36_000, probe: 'Readiness', output: "cat: can't open '/tmp/healthy': No such file or directory" });
    expect(a.tail).toMatchObject({ periodMs: 5_000 });
    expect(a.killAtMs).toBeUndefined();
  });

  it('GNU cat words the missing file differently (nginx is Debian-based)', () => {
    const c: Container = { name: 'c', livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } };
    const a = analyzeProbes(c, record(serve(80, 60), ['nginx'], 'docker.io/library/nginx:1.27'), '10.244.1.2');
    expect(a.failures[0].output).toBe('cat: /tmp/healthy: No such file or directory');
    expect(a.killAtMs).toBe(21_000);
  });

  it('a startup probe gates liveness and readiness: they only tick after it succeeded', () => {
    const c: Container = {
      name: 'c',
      startupProbe: { httpGet: { path: '/healthz', port: 8080 }, failureThreshold: 30, periodSeconds: 10 },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
    };
    const a = analyzeProbes(c, record(serve(8080, 25_000)), '10.244.1.2');
    expect(a.startedAtMs).toBe(31_000);
    expect(a.failures.filter((f) => f.probe === 'Startup')).toHaveLength(3);
    expect(a.failures[0].output).toBe('Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused');
    expect(a.readiness).toEqual([{ atMs: 31_000, ready: true }]);
  });

  it('readiness gated by a startup probe that passes after the server listens turns ready at its first tick (kubeadm static pods)', () => {
    const c: Container = {
      name: 'etcd',
      startupProbe: { httpGet: { host: '127.0.0.1', path: '/readyz', port: 2381 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 24 },
      readinessProbe: { httpGet: { host: '127.0.0.1', path: '/readyz', port: 2381 }, periodSeconds: 1, failureThreshold: 3 },
    };
    const a = analyzeProbes(c, record(serve(2381, 1_000)), '10.0.0.2');
    expect(a.startedAtMs).toBe(11_000);
    expect(a.readiness).toEqual([{ atMs: 11_000, ready: true }]);
  });

  it('a startup probe that never passes kills after failureThreshold × periodSeconds', () => {
    const c: Container = { name: 'c', startupProbe: { tcpSocket: { port: 9999 }, failureThreshold: 3, periodSeconds: 5 } };
    const a = analyzeProbes(c, record(serve(80, 60)), '10.244.1.2');
    expect(a).toMatchObject({ killAtMs: 11_000, killProbe: 'Startup' });
    expect(a.startedAtMs).toBeUndefined();
  });
});
