import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

const TEXT = readFileSync(new URL('./probes-and-crashes.yaml', import.meta.url), 'utf8');

function run(trace = false): Array<RunRecord & { run: string; stdout: string; t: number }> {
  const loaded = loadScenario(TEXT, 'probes-and-crashes.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const records: Array<RunRecord & { run: string; stdout: string; t: number }> = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r: RunRecord) => records.push(r as RunRecord & { run: string; stdout: string; t: number }) });
  return records;
}

/** table turns `kubectl get pods` output into NAME → [READY, STATUS, RESTARTS]. */
function table(stdout: string): Record<string, string[]> {
  const rows = stdout.trim().split('\n').slice(1).map((line) => line.split(/\s{2,}/));
  return Object.fromEntries(rows.map(([name, ready, status, restarts]) => [name, [ready, status, restarts]]));
}

describe('probes-and-crashes scenario', () => {
  const records = run();
  const at = (t: number, command: string) => records.find((r) => r.t === t && r.run === command)!;

  it('shows the tutorial pods as kubectl does while probes fail and containers are killed', () => {
    expect(table(at(20_000, 'kubectl get pods').stdout)).toEqual({
      'liveness-exec': ['1/1', 'Running', '0'],
      'liveness-http': ['1/1', 'Running', '0'],
      'memory-demo-2': ['0/1', expect.stringMatching(/^(OOMKilled|CrashLoopBackOff)$/), expect.stringMatching(/^\d \(\d+s ago\)$/)],
      'redis-wrong-port': ['0/1', 'Running', '0'],
    });
    expect(table(at(50_000, 'kubectl get pods').stdout)['liveness-http'][2]).toMatch(/^2 \(\d+s ago\)$/);
    const later = table(at(300_000, 'kubectl get pods').stdout);
    expect(later['liveness-exec'][2]).toMatch(/^[34] \(\d+m?\d*s ago\)$/);
    expect(later['memory-demo-2'][1]).toBe('CrashLoopBackOff');
    expect(later['liveness-http'][1]).toBe('CrashLoopBackOff');
    expect(later['redis-wrong-port']).toEqual(['0/1', 'Running', '0']);
  });

  it('describes the liveness kill with the upstream events and the probe line', () => {
    const text = at(90_000, 'kubectl describe pod liveness-exec').stdout;
    expect(text).toContain('Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3');
    expect(text).toMatch(/Warning\s+Unhealthy\s+\S+ \(x3 over \d+s\)\s+kubelet\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/);
    expect(text).toMatch(/Normal\s+Killing\s+\S+\s+kubelet\s+Container liveness failed liveness probe, will be restarted/);
    expect(text).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137/);
  });

  it('reports OOMKilled with exit code 137 for the stress container', () => {
    expect(at(92_000, 'kubectl get pod memory-demo-2 -o yaml').stdout).toMatch(/    lastState:\n      terminated:\n        containerID: containerd:\/\/\w+\n        exitCode: 137\n        finishedAt: "?\S+"?\n        reason: OOMKilled\n/);
    expect(at(91_000, 'kubectl describe pod memory-demo-2').stdout).toMatch(/Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
  });

  it('reports the failing readiness probe every period and keeps the pod unready', () => {
    const text = at(93_000, 'kubectl describe pod redis-wrong-port').stdout;
    expect(text).toContain('Readiness:      tcp-socket :6380 delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(text).toMatch(/Warning\s+Unhealthy\s+\S+ \(x\d+ over \d+s\)\s+kubelet\s+Readiness probe failed: dial tcp 10\.244\.\d+\.\d+:6380: connect: connection refused/);
  });

  it('is byte-identical run after run, trace included (probe timers and kills are deterministic)', () => {
    expect(JSON.stringify(run(true))).toBe(JSON.stringify(run(true)));
  });

  it('keeps a deleted shell pod Terminating for its grace period, then it is gone', () => {
    expect(table(at(301_000, 'kubectl get pods').stdout)['liveness-exec'][1]).toBe('Terminating');
    expect(table(at(340_000, 'kubectl get pods').stdout)['liveness-exec']).toBeUndefined();
  });
});
