import { useEffect, useState } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import type { ClusterView } from '../../player/clusterView';
import { usePlayer } from '../../state/playerStore';
import { useSelection } from '../clusterMap/selection';
import { InspectDetails } from '../inspector/InspectDetails';
import { Legend } from '../Legend';

/**
 * SchedulerView shows, for a chosen pod, kube-scheduler's last cycle: which plugin filtered out
 * which node and why, the per-plugin normalized scores of the feasible nodes, and the winner.
 */
export function SchedulerView({ view, locale }: { view: ClusterView | undefined; locale: Locale }) {
  const t = MESSAGES[locale];
  const { selected, select } = useSelection();
  const inspected = usePlayer((s) => s.inspected);
  const pods = [...(view?.pending ?? []), ...(view?.nodes.flatMap((n) => n.pods) ?? [])].filter((p) => p.namespace !== 'kube-system');
  const [choice, setChoice] = useState<string>('');
  const current = selected?.kind === 'pod' ? `${selected.namespace}/${selected.name}` : choice;
  useEffect(() => {
    if (!current && pods.length > 0) select({ kind: 'pod', namespace: pods[0].namespace, name: pods[0].name });
  }, [current, pods, select]);
  const data = inspected?.target.kind === 'pod' && `${inspected.target.namespace}/${inspected.target.name}` === current ? inspected : undefined;
  return (
    <section aria-label={t.schedulerTitle} className="flex h-full flex-col gap-2 overflow-auto p-3 text-sm" data-testid="scheduler-view">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{t.schedulerTitle}</h2>
        <select
          value={current}
          onChange={(e) => {
            setChoice(e.target.value);
            const [namespace, name] = e.target.value.split('/');
            select({ kind: 'pod', namespace, name });
          }}
          className="rounded border bg-transparent px-1 text-xs"
          aria-label={t.choosePod}
        >
          {pods.map((p) => (
            <option key={`${p.namespace}/${p.name}`} value={`${p.namespace}/${p.name}`}>
              {p.name} ({p.node || p.status})
            </option>
          ))}
        </select>
      </div>
      <Legend locale={locale} items={[{ swatch: 'bg-emerald-50 dark:bg-emerald-950 border border-emerald-300', shape: 'bar', label: t.legendWinner }]} />
      {data?.schedule ? <InspectDetails data={{ ...data, yaml: '', events: data.events.filter((e) => e[2] === 'Scheduled' || e[2] === 'FailedScheduling') }} locale={locale} /> : <p className="text-slate-500">{t.noCycle}</p>}
    </section>
  );
}
