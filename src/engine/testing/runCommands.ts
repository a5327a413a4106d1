import type { Cluster } from '../cluster';
import type { CommandResult } from '../commands/process';

/**
 * runCommands runs command lines one after another in a cluster's terminal (each after the
 * previous finished, as a shell script would) and returns their results. `advanceMs` runs the
 * simulation between commands.
 */
export function runCommands(cluster: Cluster, lines: Array<string | { run: string; stdin?: string; advanceMs?: number }>, limitMs = 600_000): CommandResult[] {
  const results: CommandResult[] = [];
  for (const line of lines) {
    const step = typeof line === 'string' ? { run: line } : line;
    if (step.advanceMs) cluster.runUntil(cluster.sim.nowMs + step.advanceMs);
    const proc = cluster.exec(step.run, step.stdin ?? '');
    cluster.sim.runWhile(() => !proc.done.isSettled, cluster.sim.nowMs + limitMs);
    if (!proc.done.isSettled) proc.interrupt();
    results.push(proc.done.value);
  }
  return results;
}
