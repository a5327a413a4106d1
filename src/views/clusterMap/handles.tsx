import { Handle, Position } from '@xyflow/react';

const SIDES = [
  ['top', Position.Top],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
  ['right', Position.Right],
] as const;

/** SideHandles gives a node a source and a target handle on every side (edges pick theirs). */
export function SideHandles() {
  return (
    <>
      {SIDES.map(([id, position]) => (
        <Handle key={`s-${id}`} id={`s-${id}`} type="source" position={position} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" isConnectable={false} />
      ))}
      {SIDES.map(([id, position]) => (
        <Handle key={`t-${id}`} id={`t-${id}`} type="target" position={position} className="!h-1 !w-1 !min-w-0 !border-0 !bg-transparent" isConnectable={false} />
      ))}
    </>
  );
}
