import { describe, expect, it } from 'vitest';
import type { ProcessBehavior } from '../registry/types';
import { exitPlan, stopPlan } from './process';

const MiB = 1024 * 1024;
const serve: ProcessBehavior = { mode: 'serve', exitCode: 0, runMs: 0, readyAfterMs: 0, ports: [], memoryBytes: 251 * MiB, cpuMillicores: 0, logs: [] };

describe('process', () => {
  it('OOM-kills a process whose working set exceeds the memory limit (stress --vm-bytes 250M, limit 100Mi)', () => {
    expect(exitPlan(serve, 100 * MiB, 8192 * MiB)).toEqual({ afterMs: 98, exitCode: 137, reason: 'OOMKilled' });
    expect(exitPlan(serve, 300 * MiB, 8192 * MiB)).toBeUndefined();
    expect(exitPlan(serve, undefined, 8192 * MiB)).toBeUndefined();
  });

  it('SIGTERM: shells ignore it as PID 1, nginx exits 0, agnhost dies of it (143)', () => {
    expect(stopPlan(['/bin/sh', '-c', 'sleep 3600'], serve)).toBeUndefined();
    expect(stopPlan(['nginx', '-g', 'daemon off;'], serve)).toMatchObject({ exitCode: 0 });
    expect(stopPlan(['/agnhost', 'liveness'], serve)).toMatchObject({ exitCode: 143 });
  });
});
