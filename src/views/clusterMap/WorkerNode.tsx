import type { NodeProps } from '@xyflow/react';
import type { NodeView } from '../../player/clusterView';
import type { Locale } from '../../i18n/messages';
import { MESSAGES } from '../../i18n/messages';
import { SideHandles } from './handles';
import { NODE_WIDTH } from './layout';
import { PodChip } from './PodChip';
import { useSelection } from './selection';

export interface WorkerNodeData extends Record<string, unknown> {
  node: NodeView;
  locale: Locale;
}

/**
 * WorkerNode is a node of the cluster: kubelet, kube-proxy, the runtime and its pods. A kubeadm
 * control-plane node is drawn the same way with its role (it runs the control plane as static pods).
 */
export function WorkerNode({ data }: NodeProps) {
  const { node, locale } = data as WorkerNodeData;
  const t = MESSAGES[locale];
  const select = useSelection((s) => s.select);
  const cpuShare = node.cpuAllocatableMilli > 0 ? Math.min(1, node.cpuRequestedMilli / node.cpuAllocatableMilli) : 0;
  const ready = node.ready === 'True';
  const controlPlane = node.roles.includes('control-plane');
  const border = !node.running ? 'border-slate-400 opacity-70' : ready ? 'border-emerald-500' : 'border-rose-500';
  return (
    <div style={{ width: NODE_WIDTH }} className={`rounded-lg border-2 bg-white p-2 shadow-sm dark:bg-slate-900 ${border}`} data-testid="worker-node" data-node={node.name} data-roles={node.roles.join(',')}>
      <SideHandles />
      <button type="button" className="nodrag flex w-full items-baseline gap-2 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400" onClick={() => select({ kind: 'node', name: node.name })} aria-label={`${controlPlane ? t.controlPlaneNode : t.workerNode} ${node.name}`}>
        <span className="font-semibold">{node.name}</span>
        {node.roles.length > 0 && <span className="rounded bg-violet-100 px-1 text-[10px] text-violet-800 dark:bg-violet-900 dark:text-violet-100" title={t.controlPlaneNode}>{node.roles.join(',')}</span>}
        <span className={`rounded px-1 text-[10px] ${ready ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100' : 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100'}`}>
          {ready ? t.ready : t.notReady}
          {node.unschedulable ? `, ${t.cordoned}` : ''}
        </span>
        {!node.running && <span className="text-[10px] text-slate-500">{t.stopped}</span>}
        {node.pressure.map((condition) => (
          <span key={condition} className="rounded bg-amber-100 px-1 text-[10px] text-amber-900 dark:bg-amber-900 dark:text-amber-100" title={t.nodePressure} data-testid="node-pressure">
            {condition}
          </span>
        ))}
      </button>
      <div className="mt-1 text-[10px] text-slate-500 dark:text-slate-400">
        kubelet · kube-proxy ·{' '}
        {node.runtimeRunning === false ? (
          <span className="text-rose-600 line-through dark:text-rose-300" title={t.runtimeStopped} data-testid="runtime-stopped">
            containerd
          </span>
        ) : (
          'containerd'
        )}
      </div>
      <div className="mt-1 h-1.5 w-full rounded bg-slate-200 dark:bg-slate-700" title={`${t.cpuRequested}: ${node.cpuRequestedMilli}m / ${node.cpuAllocatableMilli}m`}>
        <div className="h-1.5 rounded bg-sky-500" style={{ width: `${cpuShare * 100}%` }} />
      </div>
      <div className="mt-2 flex flex-wrap gap-1">
        {node.pods.map((pod) => (
          <PodChip key={`${pod.namespace}/${pod.name}`} pod={pod} />
        ))}
      </div>
    </div>
  );
}
