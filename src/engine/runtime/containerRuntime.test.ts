import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng';
import { Simulator } from '../sim/simulator';
import { spawn, wait } from '../sim/task';
import { ContainerRuntime, SANDBOX_IMAGE } from './containerRuntime';
import { containerLogLines, formatLogs } from './containerLogs';
import type { ContainerRecord } from './types';

function setup() {
  const sim = new Simulator(1);
  const runtime = new ContainerRuntime(sim, { nodeName: 'node-1', podCIDR: '10.244.1.0/24', nodeIP: '10.0.1.1', nodeMemoryBytes: 8 * 2 ** 30, rng: new Rng(5) });
  const changes: string[] = [];
  runtime.onPodChange = (uid) => changes.push(uid);
  return { sim, runtime, changes };
}

/** startOne pulls, creates a sandbox and starts one container; returns the record. */
function startOne(sim: Simulator, runtime: ContainerRuntime, image: string, command?: string[]): ContainerRecord {
  const done = spawn((function* () {
    const pulled = yield* wait(runtime.pullImage(image));
    if (!pulled.ok) throw new Error(pulled.error);
    const sandbox = yield* wait(runtime.runPodSandbox({ podUid: 'uid-1', namespace: 'default', name: 'p', attempt: 0 }, false));
    if (!sandbox.ok) throw new Error(sandbox.message);
    const created = yield* wait(runtime.createContainer(sandbox.value.id, { name: 'c', attempt: 0, imageRef: pulled.imageRef, hash: 'h', command }));
    if (!created.ok) throw new Error(created.message);
    yield* wait(runtime.startContainer(created.value.id));
    return created.value;
  })());
  sim.runWhile(() => !done.isSettled, 60_000);
  return done.value;
}

describe('simulated containerd', () => {
  it('has the pinned pause image from boot', () => {
    const { runtime } = setup();
    expect(runtime.images.status(SANDBOX_IMAGE)).toMatchObject({ pinned: true, sizeBytes: 320368 });
  });

  it('runs a pod sandbox with a host-local IP and reports changes for the PLEG', () => {
    const { sim, runtime, changes } = setup();
    const record = startOne(sim, runtime, 'nginx:1.27');
    expect(runtime.podSandboxes('uid-1')[0]).toMatchObject({ ip: '10.244.1.2', state: 'SANDBOX_READY' });
    expect(record).toMatchObject({ state: 'CONTAINER_RUNNING', image: 'docker.io/library/nginx:1.27', attempt: 0 });
    expect(record.id).toMatch(/^[0-9a-f]{64}$/);
    expect(changes.length).toBeGreaterThanOrEqual(3);
  });

  it('lets a finite process exit by itself with its code (Completed / Error)', () => {
    const { sim, runtime } = setup();
    const record = startOne(sim, runtime, 'busybox:1.36', ['sh', '-c', 'sleep 2; exit 3']);
    sim.runUntil(sim.nowMs + 2_500);
    expect(record).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 3, reason: 'Error' });
    expect(record.finishedAtMs! - record.startedAtMs!).toBe(2_000);
  });

  it('stops servers within a fraction of a second but SIGKILLs sleep after the grace period (137)', () => {
    const { sim, runtime } = setup();
    const nginx = startOne(sim, runtime, 'nginx:1.27');
    const sleeper = startOne(sim, runtime, 'busybox:1.36', ['sleep', '3600']);
    const t0 = sim.nowMs;
    runtime.stopContainer(nginx.id, 30);
    runtime.stopContainer(sleeper.id, 30);
    sim.runUntil(t0 + 1_000);
    expect(nginx).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 0, reason: 'Completed' });
    expect(sleeper.state).toBe('CONTAINER_RUNNING');
    sim.runUntil(t0 + 30_000);
    expect(sleeper).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 137, reason: 'Error' });
  });

  it('OOM-kills a process that outgrows its memory limit (137, OOMKilled)', () => {
    const { sim, runtime } = setup();
    const done = spawn((function* () {
      const pulled = yield* wait(runtime.pullImage('k8sim/memhog'));
      if (!pulled.ok) throw new Error(pulled.error);
      const sandbox = yield* wait(runtime.runPodSandbox({ podUid: 'uid-2', namespace: 'default', name: 'hog', attempt: 0 }, false));
      if (!sandbox.ok) throw new Error(sandbox.message);
      const created = yield* wait(runtime.createContainer(sandbox.value.id, { name: 'hog', attempt: 0, imageRef: pulled.imageRef, hash: 'h', memoryLimitBytes: 128 * 2 ** 20 }));
      if (!created.ok) throw new Error(created.message);
      yield* wait(runtime.startContainer(created.value.id));
      return created.value;
    })());
    sim.runWhile(() => !done.isSettled, 60_000);
    const hog = done.value;
    sim.runUntil(sim.nowMs + 5_000);
    // 16 MiB at start, 64 MiB/s, limit 128 MiB → killed after 1.75 s.
    expect(hog).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 137, reason: 'OOMKilled' });
    expect(hog.finishedAtMs! - hog.startedAtMs!).toBe(1_750);
  });

  it('keeps logs: echo output, --tail, and RFC3339Nano timestamps in write order', () => {
    const { sim, runtime } = setup();
    const record = startOne(sim, runtime, 'busybox:1.36', ['sh', '-c', 'echo one; echo two; echo three']);
    sim.runUntil(sim.nowMs + 1_000);
    const lines = containerLogLines(record, { hostname: 'p', podIP: '10.244.1.2', kernel: '6.8.0-51-generic', epochMs: Date.UTC(2025, 0, 1) }, sim.nowMs);
    expect(formatLogs(lines, record.id, Date.UTC(2025, 0, 1))).toBe('one\ntwo\nthree\n');
    expect(formatLogs(lines, record.id, Date.UTC(2025, 0, 1), { tail: 1 })).toBe('three\n');
    const stamped = formatLogs(lines, record.id, Date.UTC(2025, 0, 1), { timestamps: true }).trim().split('\n').map((l) => l.split(' ')[0]);
    for (const stamp of stamped) expect(stamp).toMatch(/^2025-01-01T00:00:0\d\.\d{1,9}Z$/);
    expect([...stamped].sort()).toEqual(stamped);
  });
});
