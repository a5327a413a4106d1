import type { EdgeProps } from '@xyflow/react';
import type { Flow } from '../../player/flows';

export interface FlowDot {
  key: string;
  /** progress along the edge, 0 (sent) … 1 (arrived). */
  progress: number;
  reverse: boolean;
  kind: Flow['kind'];
  label: string;
}

export interface FlowEdgeData extends Record<string, unknown> {
  dots: FlowDot[];
  curve?: number;
  kind: string;
}

const DOT_CLASS: Record<Flow['kind'], string> = {
  request: 'fill-sky-500',
  write: 'fill-amber-500',
  watch: 'fill-emerald-500',
  raft: 'fill-fuchsia-500',
};

/**
 * FlowEdge draws an edge of the map and the messages travelling on it, placed by the player's
 * clock: pausing freezes them, seeking moves them.
 */
export function FlowEdge({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps) {
  const { dots = [], curve = 0 } = (data ?? {}) as FlowEdgeData;
  const cx = (sourceX + targetX) / 2 + curve;
  const cy = (sourceY + targetY) / 2;
  const path = curve ? `M ${sourceX} ${sourceY} Q ${cx} ${cy} ${targetX} ${targetY}` : `M ${sourceX} ${sourceY} L ${targetX} ${targetY}`;
  const at = (p: number) => {
    if (!curve) return [sourceX + (targetX - sourceX) * p, sourceY + (targetY - sourceY) * p];
    const q = 1 - p;
    return [q * q * sourceX + 2 * q * p * cx + p * p * targetX, q * q * sourceY + 2 * q * p * cy + p * p * targetY];
  };
  return (
    <g data-testid={`edge-${id}`}>
      <path d={path} className="fill-none stroke-slate-400 dark:stroke-slate-600" strokeWidth={1.5} />
      {dots.map((dot) => {
        const [x, y] = at(dot.reverse ? 1 - dot.progress : dot.progress);
        return (
          <circle key={dot.key} cx={x} cy={y} r={dot.kind === 'raft' ? 3 : 5} opacity={dot.label === 'MsgHeartbeat' || dot.label === 'MsgHeartbeatResp' ? 0.35 : 1} className={DOT_CLASS[dot.kind]}>
            <title>{dot.label}</title>
          </circle>
        );
      })}
    </g>
  );
}
