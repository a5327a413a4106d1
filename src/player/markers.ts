import type { TraceEvent } from '../engine/sim/trace';

/** Marker is a notable moment on the timeline: a command, a new etcd leader, an HPA rescale. */
export interface Marker {
  t: number;
  kind: 'command' | 'leader' | 'hpa' | 'rollout';
  label: string;
}

/**
 * markerOf picks the trace events worth a timeline marker. `lastLeader` suppresses the repeats
 * every member reports when it learns of the same leader.
 */
export function markerOf(event: TraceEvent, lastLeader: string): Marker | undefined {
  const e = event as TraceEvent & { lead?: string; term?: number; rescale?: boolean; desiredReplicas?: number };
  if (e.kind === 'raft.lead' && e.lead && `${e.lead}@${e.term}` !== lastLeader) return { t: e.t, kind: 'leader', label: `${e.lead}@${e.term}` };
  if (e.kind === 'hpa.decision' && e.rescale) return { t: e.t, kind: 'hpa', label: `${e.ref?.name ?? ''} → ${e.desiredReplicas}` };
  return undefined;
}
