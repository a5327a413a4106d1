import type { NodeProps } from '@xyflow/react';
import type { EtcdMemberState, PodView } from '../../player/clusterView';
import { formatDurationGo } from '../../engine/sim/duration';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import { SideHandles } from './handles';
import { PodChip } from './PodChip';
import { useSelection } from './selection';

export interface ComponentNodeData extends Record<string, unknown> {
  name: string;
  locale: Locale;
  etcd?: EtcdMemberState;
  pending?: PodView[];
  pendingCount?: number;
  /** slowRequestMs: kube-apiserver's slowest recent request over 500 ms. */
  slowRequestMs?: number;
}

/** ComponentNode is a control-plane process (or kubectl); etcd members show role and term. */
export function ComponentNode({ data }: NodeProps) {
  const { name, locale, etcd, slowRequestMs } = data as ComponentNodeData;
  const t = MESSAGES[locale];
  const select = useSelection((s) => s.select);
  const role = etcd ? (!etcd.running ? t.memberStopped : etcd.isLeader ? t.leader : t.follower) : undefined;
  const tone = etcd ? (!etcd.running ? 'border-slate-400 opacity-60' : etcd.isLeader ? 'border-fuchsia-500' : 'border-fuchsia-300') : name === 'kubectl' ? 'border-sky-400' : 'border-indigo-500';
  return (
    <button
      type="button"
      data-testid={`component-${name}`}
      onClick={() => select({ kind: 'component', name })}
      aria-label={role ? `${name}: ${role}, ${t.term} ${etcd?.term}` : name}
      className={`nodrag w-44 rounded-lg border-2 bg-white px-2 py-1.5 text-left text-sm shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 dark:bg-slate-900 ${tone}`}
    >
      <SideHandles />
      <div className="font-semibold">
        {name}
        {slowRequestMs !== undefined && (
          <span className="ml-1 rounded bg-orange-200 px-1 text-[11px] font-normal text-orange-900 dark:bg-orange-800 dark:text-orange-100" title={format(t.slowRequestTitle, { ms: formatDurationGo(slowRequestMs) })} data-testid="apiserver-slow">
            {format(t.slowRequestLabel, { ms: formatDurationGo(slowRequestMs) })}
          </span>
        )}
      </div>
      {etcd && (
        <div className="text-[11px] text-slate-600 dark:text-slate-300" data-testid={`etcd-role-${name}`}>
          {role} · {t.term} {etcd.term} · #{etcd.index}
          {etcd.fsyncMs !== undefined && (
            <span className="ml-1 rounded bg-orange-200 px-1 text-orange-900 dark:bg-orange-800 dark:text-orange-100" title={format(t.diskTitle, { ms: formatDurationGo(etcd.fsyncMs) })} data-testid={`etcd-disk-${name}`}>
              {format(t.diskLabel, { ms: formatDurationGo(etcd.fsyncMs) })}
            </span>
          )}
        </div>
      )}
    </button>
  );
}

/** PendingNode lists the pods no node has been chosen for yet (the scheduler's queue). */
export function PendingNode({ data }: NodeProps) {
  const { locale, pending = [], pendingCount } = data as ComponentNodeData;
  return (
    <div className="w-72 rounded-lg border border-dashed border-amber-500 bg-amber-50/70 p-2 text-xs dark:bg-amber-950/40" data-testid="pending-pods">
      <div className="mb-1 font-semibold">
        {MESSAGES[locale].pending} ({pendingCount ?? pending.length})
      </div>
      <div className="flex flex-wrap gap-1">
        {pending.map((pod) => (
          <PodChip key={`${pod.namespace}/${pod.name}`} pod={pod} />
        ))}
      </div>
    </div>
  );
}
