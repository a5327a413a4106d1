// Mirrors kubernetes pkg/kubelet/lifecycle/handlers.go handlerRunner.Run and
// pkg/kubelet/kuberuntime/kuberuntime_container.go executePreStopHook (v1.32): what a preStop
// hook of a simulated container does, how long it takes, and the FailedPreStopHook message.
import type { Container, LifecycleHandler, Pod } from 'kubernetes-types/core/v1';
import { scriptOf, scriptSleepMs } from '../../runtime/shellFs';
import type { ContainerRecord } from '../../runtime/types';
import { probeSegments } from '../prober/handlers';

/** HookRun: the hook's duration, and its failure message (the FailedPreStopHook event) if any. */
export interface HookRun {
  durationMs: number;
  error?: string;
  /** stopsMainProcess: the hook asks the server to quit (`nginx -s quit`), which then exits 0. */
  stopsMainProcess?: boolean;
}

/** EXEC_OVERHEAD_MS: an exec into a container without sleeps returns after a few milliseconds. */
const EXEC_OVERHEAD_MS = 20;

function formatPod(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace}(${pod.metadata?.uid})`;
}

/** goQuote is Go's %q for the plain text hooks print (quotes, backslashes and newlines escaped). */
function goQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * runLifecycleHook: sleep hooks wait; exec hooks take their script's sleeps and fail like the
 * commands exec probes understand (`cat` a missing file, `false`, `exit 3`); httpGet hooks fail
 * with connection refused when nothing listens on the port.
 */
export function runLifecycleHook(pod: Pod, container: Container, record: ContainerRecord, podIP: string, handler: LifecycleHandler, nowMs: number): HookRun {
  if (handler.sleep) return { durationMs: handler.sleep.seconds * 1000 };
  const relMs = nowMs - (record.startedAtMs ?? nowMs);
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const durationMs = scriptSleepMs(command) + EXEC_OVERHEAD_MS;
    const stopsMainProcess = /\bnginx\s+-s\s+quit\b/.test(scriptOf(command));
    const segments = probeSegments({ exec: handler.exec }, container, record, podIP);
    const outcome = segments.filter((s) => s.fromMs <= relMs).at(-1) ?? segments[0];
    if (outcome.ok) return { durationMs, stopsMainProcess };
    const exitMatch = /\bexit\s+(\d+)/.exec(scriptOf(command));
    const code = exitMatch ? Number(exitMatch[1]) : 1;
    const output = outcome.output === '' ? '' : `${outcome.output}\n`;
    const error = `command '${command.join(' ')}' exited with ${code}: ${output}`;
    return { durationMs, error: `Exec lifecycle hook ([${command.join(' ')}]) for Container "${container.name}" in Pod "${formatPod(pod)}" failed - error: ${error}, message: ${goQuote(output)}` };
  }
  if (handler.httpGet) {
    const segments = probeSegments({ httpGet: handler.httpGet }, container, record, podIP);
    const outcome = segments.filter((s) => s.fromMs <= relMs).at(-1) ?? segments[0];
    if (outcome.ok || /statuscode/.test(outcome.output)) return { durationMs: EXEC_OVERHEAD_MS };
    return { durationMs: EXEC_OVERHEAD_MS, error: `HTTP lifecycle hook (${handler.httpGet.path ?? ''}) for Container "${container.name}" in Pod "${formatPod(pod)}" failed - error: ${outcome.output}` };
  }
  return { durationMs: 0 };
}
