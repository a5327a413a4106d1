// The trace of one scheduling cycle: the filter/score table the UI shows (k8sim only; upstream
// logs the same facts at -v=10).
import type { Status } from './framework/types';
import { statusMessage } from './framework/types';
import type { QueuedPodInfo } from './queue/schedulingQueue';
import type { SchedulerState } from './scheduleOne';
import type { ScheduleOutcome } from './schedulePod';

/** FilterRow is one rejected node: which plugin said no and why. */
export interface FilterRow {
  node: string;
  plugin: string;
  code: Status['code'];
  reasons: string[];
}

/** ScoreRow is one feasible node's normalized score per plugin (null when skipped) and weighted total. */
export interface ScoreRow {
  node: string;
  scores: Array<number | null>;
  total: number;
}

/** CycleTable is the filter/score table of one cycle, copied out of the scratch buffers. */
export interface CycleTable {
  filters: FilterRow[];
  feasibleNodes: string[];
  scorePlugins?: string[];
  scoreWeights?: number[];
  scores?: ScoreRow[];
}

/** cycleTable snapshots the outcome's table (call it before the next cycle reuses the buffers). */
export function cycleTable(outcome: ScheduleOutcome): CycleTable {
  const filters: FilterRow[] = [];
  for (const [node, status] of outcome.diagnosis.nodeToStatus) filters.push({ node, plugin: status.plugin, code: status.code, reasons: status.reasons });
  const scores = outcome.scores;
  const rows: ScoreRow[] | undefined = scores && outcome.feasibleNodes.map((node, i) => ({
    node: node.name,
    scores: scores.perPlugin.map((perNode) => (Number.isNaN(perNode[i]) ? null : perNode[i])),
    total: scores.totals[i],
  }));
  return { filters, feasibleNodes: outcome.feasibleNodes.map((n) => n.name), scorePlugins: scores?.plugins, scoreWeights: scores?.weights, scores: rows };
}

/**
 * traceCycle emits `scheduler.cycle`: the pod, the outcome, every rejected node (filters), every
 * feasible node, and the score table (plugins, weights, rows) when scoring ran.
 */
export function traceCycle(sched: SchedulerState, queued: QueuedPodInfo, outcome: ScheduleOutcome, table: CycleTable, failure: Status | null, durationMs: number): void {
  const meta = queued.podInfo.pod.metadata;
  sched.sim.emit({
    component: sched.component,
    kind: 'scheduler.cycle',
    ref: { kind: 'Pod', namespace: meta.namespace, name: meta.name, uid: meta.uid },
    attempt: queued.attempts,
    result: failure === null ? 'Scheduled' : failure.code === 'Error' ? 'Error' : 'Unschedulable',
    node: failure === null ? outcome.suggestedHost : undefined,
    message: failure === null ? undefined : statusMessage(failure),
    numAllNodes: outcome.numAllNodes,
    evaluatedNodes: outcome.evaluatedNodes,
    ...table,
    durationMs,
  });
}
