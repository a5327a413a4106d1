import { Cluster, type ComponentFactory } from '../cluster';
import { wait, spawn, type Task } from '../sim/task';
import type { TraceEvent } from '../sim/trace';
import type { Scenario } from './load';
import { stepEditor } from '../commands/editor';

/** One JSON line of `npm run sim` (a public contract: fields are only ever added). */
export type RunRecord =
  | { scenario: string; t: number; type: 'result'; run: string; exit: number; stdout: string; stderr: string }
  | ({ scenario: string; type: 'event' } & TraceEvent);

export interface RunOptions {
  /** Keep simulating until this sim time (overrides the scenario's `until`). */
  untilMs?: number;
  /** Also report every engine trace event. */
  trace?: boolean;
  components: ComponentFactory[];
  onRecord(record: RunRecord): void;
}

/** How long a command that never returns may block when neither `until` nor `timeout` bounds it. */
export const DEFAULT_BLOCK_LIMIT_MS = 600_000;

/**
 * runScenario boots a fresh cluster for the scenario and runs its steps in order, each at its
 * `at` time or, if the previous command was still running then, right after it (as a shell
 * script would). A command still waiting when its step's `timeout` (or the run's limit) passes is
 * interrupted like Ctrl-C; a step that starts after the limit (behind a blocked one) gets the
 * same allowance from its own start. Returns the cluster, stopped at the end time.
 */
export function runScenario(scenario: Scenario, options: RunOptions): Cluster {
  const cluster = Cluster.boot(scenario.cluster, options.components);
  const name = scenario.name;
  if (options.trace) {
    cluster.sim.trace.subscribe(({ t, ...event }) => options.onRecord({ scenario: name, t, type: 'event', ...event }));
  }
  const untilMs = options.untilMs ?? scenario.untilMs;
  const lastAtMs = scenario.steps.length > 0 ? scenario.steps[scenario.steps.length - 1].at : 0;
  let current: { proc: { interrupt(): void }; run: string; startMs: number } | undefined;
  const driver = spawn((function* (): Task<void> {
    for (const step of scenario.steps) {
      if (step.at > cluster.sim.nowMs) yield* wait(cluster.sim.sleep(step.at - cluster.sim.nowMs));
      if (!step.run) continue;
      const startMs = cluster.sim.nowMs;
      const proc = cluster.exec(step.run, step.stdin ?? '', stepEditor(cluster.sim, step.editor));
      current = { proc, run: step.run, startMs };
      if (step.timeout !== undefined) cluster.sim.after(step.timeout, () => proc.interrupt());
      const result = yield* wait(proc.done);
      current = undefined;
      options.onRecord({ scenario: name, t: startMs, type: 'result', run: step.run, ...result });
    }
  })());
  while (!driver.isSettled) {
    // The run's limit, or for a step that only started after it (its predecessor blocked until
    // then), the same allowance from its own start.
    const running = current;
    const limitMs = Math.max(untilMs ?? 0, Math.max(lastAtMs, running?.startMs ?? 0) + DEFAULT_BLOCK_LIMIT_MS);
    cluster.sim.runWhile(() => !driver.isSettled && current === running, limitMs);
    if (driver.isSettled || current !== running) continue;
    if (!running) throw new Error(`scenario ${name}: the step driver is stuck at ${cluster.sim.nowMs} ms`);
    running.proc.interrupt();
    cluster.sim.runWhile(() => !driver.isSettled && current === running, limitMs);
    if (current === running) throw new Error(`scenario ${name}: "${running.run}" did not stop when interrupted at ${cluster.sim.nowMs} ms`);
  }
  if (untilMs !== undefined && untilMs > cluster.sim.nowMs) cluster.runUntil(untilMs);
  return cluster;
}
