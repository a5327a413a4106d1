// Mirrors kubernetes pkg/printers/internalversion/printers.go printPod (v1.32): the READY,
// STATUS and RESTARTS cells of `kubectl get pods`, and the wide IP/NODE/NOMINATED NODE/
// READINESS GATES cells.
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../../../sim/time';
import { humanDuration, translateTimestampSince } from '../humanDuration';
import { AGE_COLUMN, col, NAME_COLUMN, type GenerateOptions, type ResourcePrinter, type TableCell } from './types';

/** NODE_UNREACHABLE_POD_REASON is pkg/util/node.NodeUnreachablePodReason. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export const podColumns = [
  NAME_COLUMN, col('Ready'), col('Status'), col('Restarts'), AGE_COLUMN,
  col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1),
];

/** isRestartableInitContainer is a sidecar: an init container with restartPolicy Always. */
function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function hasCondition(conditions: PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** PodTally accumulates restarts and the newest lastState.terminated.finishedAt (ms, NaN = none). */
interface PodTally {
  restarts: number;
  lastRestartMs: number;
  ready: number;
}

function noteRestart(tally: { restarts: number; lastRestartMs: number }, status: ContainerStatus): void {
  tally.restarts += status.restartCount ?? 0;
  const finishedAt = status.lastState?.terminated?.finishedAt;
  if (finishedAt && !finishedAt.startsWith('0001-01-01')) {
    const atMs = fromRFC3339(finishedAt);
    if (Number.isNaN(tally.lastRestartMs) || atMs > tally.lastRestartMs) tally.lastRestartMs = atMs;
  }
}

/**
 * scanInitContainers walks init container statuses in order; the first one that has not finished
 * decides the reason (`Init:ErrImagePull`, `Init:1/2`...). Returns undefined while all finished.
 */
function scanInitContainers(pod: Pod, tally: PodTally, sidecars: { restarts: number; lastRestartMs: number }): string | undefined {
  const specs = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i];
    noteRestart(tally, status);
    const sidecar = isRestartableInitContainer(specs.get(status.name));
    if (sidecar) noteRestart(sidecars, status);
    const terminated = status.state?.terminated;
    const waiting = status.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && status.started === true) {
      if (status.ready) tally.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) return `Init:${terminated.reason}`;
      return terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
    }
    if (waiting?.reason && waiting.reason !== 'PodInitializing') return `Init:${waiting.reason}`;
    return `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
  }
  return undefined;
}

/** scanContainers walks regular containers from last to first, so the first container's reason wins. */
function scanContainers(pod: Pod, reason: string, tally: PodTally): string {
  let result = reason;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const status = statuses[i];
    noteRestart(tally, status);
    const { waiting, terminated, running } = status.state ?? {};
    if (waiting?.reason) result = waiting.reason;
    else if (terminated?.reason) result = terminated.reason;
    else if (terminated) result = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
    else if (status.ready && running) {
      hasRunning = true;
      tally.ready++;
    }
  }
  if (result === 'Completed' && hasRunning) return hasCondition(pod.status?.conditions, 'Ready') ? 'Running' : 'NotReady';
  return result;
}

/** podStatusCells computes [READY, STATUS, RESTARTS] exactly as printPod does. */
export function podStatusCells(pod: Pod, nowMs: number): [string, string, string] {
  const phase = pod.status?.phase ?? '';
  let reason = pod.status?.reason || phase;
  if ((pod.status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const total = (pod.spec?.containers ?? []).length + (pod.spec?.initContainers ?? []).filter(isRestartableInitContainer).length;
  const tally: PodTally = { restarts: 0, lastRestartMs: NaN, ready: 0 };
  const sidecars = { restarts: 0, lastRestartMs: NaN };
  const initReason = scanInitContainers(pod, tally, sidecars);
  if (initReason !== undefined) reason = initReason;
  if (initReason === undefined || hasCondition(pod.status?.conditions, 'Initialized')) {
    tally.restarts = sidecars.restarts;
    tally.lastRestartMs = sidecars.lastRestartMs;
    reason = scanContainers(pod, reason, tally);
  }
  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && pod.status?.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  let restarts = String(tally.restarts);
  if (tally.restarts !== 0 && !Number.isNaN(tally.lastRestartMs)) {
    restarts = `${tally.restarts} (${humanDuration(nowMs - tally.lastRestartMs)} ago)`;
  }
  return [`${tally.ready}/${total}`, reason, restarts];
}

function readinessGatesCell(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

/** printPod is the row of `kubectl get pods` (wide adds IP, NODE, NOMINATED NODE, READINESS GATES). */
export function printPod(pod: Pod, options: GenerateOptions): TableCell[] {
  const [ready, status, restarts] = podStatusCells(pod, options.nowMs);
  const cells: TableCell[] = [pod.metadata?.name ?? '', ready, status, restarts, translateTimestampSince(pod.metadata?.creationTimestamp, options.nowMs)];
  if (options.wide) {
    cells.push(
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGatesCell(pod),
    );
  }
  return cells;
}

export const podPrinter: ResourcePrinter<Pod> = { columns: podColumns, printRow: printPod };
