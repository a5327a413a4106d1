// What a container's main process does over time: when it exits on its own, and how it reacts to
// the SIGTERM of a stop. The behaviour comes from the registry (registry/runPlan.ts).
import type { ProcessBehavior } from '../registry/types';

/** ExitPlan: the process ends by itself `afterMs` after start. */
export interface ExitPlan {
  afterMs: number;
  exitCode: number;
  /** reason as containerd reports it: Completed (0), Error (non-zero), OOMKilled. */
  reason: 'Completed' | 'Error' | 'OOMKilled';
}

/** SIGKILL_EXIT_CODE: 128 + 9, what a container killed after its grace period exits with. */
export const SIGKILL_EXIT_CODE = 137;
/** SIGTERM_EXIT_CODE: 128 + 15, a process terminated by SIGTERM without handling it. */
export const SIGTERM_EXIT_CODE = 143;

/** ALLOCATION_BYTES_PER_SEC: how fast a process touches the memory it allocates up front (1 GiB/s). */
export const ALLOCATION_BYTES_PER_SEC = 1024 * 1024 * 1024;

/** exitReason maps an exit code to the containerd reason. */
export function exitReason(exitCode: number): ExitPlan['reason'] {
  return exitCode === 0 ? 'Completed' : 'Error';
}

/**
 * exitPlan: `exit` processes end after runMs with their exit code; `oom` processes grow from
 * memoryBytes at memoryGrowthBytesPerSec until they reach the limit (the node's memory when the
 * container has none) and are OOM-killed (137); `serve` processes never end by themselves.
 */
export function exitPlan(behavior: ProcessBehavior, memoryLimitBytes: number | undefined, nodeMemoryBytes: number): ExitPlan | undefined {
  // A process whose steady working set exceeds the cgroup limit (stress --vm-bytes 250M under a
  // 100Mi limit) is OOM-killed while it allocates, ALLOCATION_BYTES_PER_SEC per second.
  if (behavior.mode !== 'oom' && memoryLimitBytes !== undefined && behavior.memoryBytes > memoryLimitBytes) {
    return { afterMs: Math.max(1, Math.round((memoryLimitBytes / ALLOCATION_BYTES_PER_SEC) * 1000)), exitCode: SIGKILL_EXIT_CODE, reason: 'OOMKilled' };
  }
  if (behavior.mode === 'exit') return { afterMs: Math.max(1, behavior.runMs), exitCode: behavior.exitCode, reason: exitReason(behavior.exitCode) };
  if (behavior.mode === 'oom') {
    const limit = memoryLimitBytes ?? nodeMemoryBytes;
    const growth = behavior.memoryGrowthBytesPerSec ?? 10 * 1024 * 1024;
    const afterMs = Math.max(1, Math.round(((limit - behavior.memoryBytes) / growth) * 1000));
    return { afterMs, exitCode: SIGKILL_EXIT_CODE, reason: 'OOMKilled' };
  }
  return undefined;
}

/** StopPlan: how long after SIGTERM the process exits, and with which code (undefined = ignores it). */
export interface StopPlan {
  afterMs: number;
  exitCode: number;
}

/** Programs that run as PID 1 without a SIGTERM handler: the kernel ignores the signal for them. */
const IGNORES_SIGTERM = new Set(['sleep', 'sh', 'bash', 'ash', 'dash', 'tail', 'cat', 'yes', 'stress']);

/** Go programs without a signal handler (agnhost) die of SIGTERM's default action: 128 + 15. */
const DIES_OF_SIGTERM = new Set(['agnhost']);

/**
 * stopPlan: a PID 1 without a handler (a shell, `sleep 3600`) ignores SIGTERM and is SIGKILLed at
 * the end of the grace period (exit 137, the familiar 30 s wait on `kubectl delete`); servers that
 * handle it (nginx, redis, pause) shut down within a fraction of a second and exit 0; agnhost has
 * no handler and dies of the signal at once (143).
 */
export function stopPlan(argv: readonly string[], behavior: ProcessBehavior): StopPlan | undefined {
  const program = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (IGNORES_SIGTERM.has(program)) return undefined;
  if (DIES_OF_SIGTERM.has(program)) return { afterMs: 5, exitCode: SIGTERM_EXIT_CODE };
  return { afterMs: behavior.mode === 'serve' ? 100 : 20, exitCode: 0 };
}
