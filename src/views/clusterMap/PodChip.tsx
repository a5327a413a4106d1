import type { PodView } from '../../player/clusterView';
import { podTone, TONE_CLASSES } from './podStatus';
import { useSelection } from './selection';

/** PodChip is one pod on the map: colour by STATUS, READY and restarts as kubectl shows them. */
export function PodChip({ pod }: { pod: PodView }) {
  const select = useSelection((s) => s.select);
  const tone = podTone(pod.status, pod.ready, pod.phase);
  const restarts = pod.restarts === '0' ? '' : ` ↻${pod.restarts.split(' ')[0]}`;
  const label = `${pod.namespace}/${pod.name}: ${pod.status}, READY ${pod.ready}, RESTARTS ${pod.restarts}`;
  return (
    <button
      type="button"
      data-testid="pod-chip"
      data-pod={pod.name}
      data-status={pod.status}
      data-namespace={pod.namespace}
      aria-label={label}
      title={label}
      onClick={() => select({ kind: 'pod', namespace: pod.namespace, name: pod.name })}
      className={`nodrag max-w-full truncate rounded px-1.5 py-0.5 text-[10px] leading-tight focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 ${TONE_CLASSES[tone]}${pod.namespace === 'kube-system' ? ' opacity-70 ring-1 ring-inset ring-slate-400/60' : ''}`}
    >
      {pod.name.length > 22 ? `…${pod.name.slice(-20)}` : pod.name}
      <span className="opacity-80"> {pod.status === 'Running' ? pod.ready : pod.status}{restarts}</span>
    </button>
  );
}
