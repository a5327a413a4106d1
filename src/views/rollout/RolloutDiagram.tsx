import { useState } from 'react';
import { MESSAGES, type Locale } from '../../i18n/messages';
import type { ClusterView } from '../../player/clusterView';
import { PodChip } from '../clusterMap/PodChip';
import { podToneLegend } from '../clusterMap/podToneLegend';
import { Legend } from '../Legend';

/** The budget bars' colours: within maxSurge/maxUnavailable, or past them. */
export const BUDGET_OK = 'bg-sky-500';
export const BUDGET_PAST = 'bg-rose-500';
import { decisionText } from './decisionText';

/**
 * RolloutDiagram shows a Deployment's rolling update as the controller sees it: the ReplicaSets
 * side by side with their pods, the two budgets as bars (Σ spec.replicas against replicas +
 * maxSurge, available against replicas − maxUnavailable), `kubectl rollout status`'s line and the
 * controller's decisions in words with their numbers.
 */
export function RolloutDiagram({ view, locale }: { view: ClusterView | undefined; locale: Locale }) {
  const t = MESSAGES[locale];
  const rollouts = view?.rollouts ?? [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const r = rollouts.find((x) => `${x.namespace}/${x.name}` === chosen) ?? rollouts[0];
  if (!r) return <p className="p-3 text-sm text-slate-500">{t.rolloutEmpty}</p>;
  return (
    <section aria-label={t.rolloutTitle} className="flex h-full flex-col gap-2 overflow-auto p-3 text-sm" data-testid="rollout-diagram">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">{t.rolloutTitle}</h2>
        {rollouts.length > 1 && (
          <select value={`${r.namespace}/${r.name}`} onChange={(e) => setChosen(e.target.value)} className="rounded border bg-transparent px-1 text-xs">
            {rollouts.map((x) => (
              <option key={`${x.namespace}/${x.name}`} value={`${x.namespace}/${x.name}`}>
                {x.name}
              </option>
            ))}
          </select>
        )}
        <span className="font-mono text-xs">
          {r.strategy} · replicas {r.replicas} · maxSurge {r.maxSurge} · maxUnavailable {r.maxUnavailable}
        </span>
      </div>
      <Budget label={t.surgeBudget} value={r.totalSpec} limit={r.replicas + r.maxSurge} base={r.replicas} kind="surge" testId="surge-bar" />
      <Budget label={t.availabilityBudget} value={r.available} limit={r.replicas - r.maxUnavailable} base={r.replicas} kind="available" testId="available-bar" />
      <pre className="rounded bg-slate-900 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100" data-testid="rollout-status">
        $ kubectl rollout status deployment/{r.name}
        {'\n'}
        {r.status}
      </pre>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2">
        {[...r.replicaSets].reverse().map((rs) => (
          <div key={rs.name} className={`rounded border p-2 ${rs.isNew ? 'border-emerald-500' : 'border-slate-300 dark:border-slate-600'}`} data-testid="rollout-rs" data-new={rs.isNew}>
            <div className="flex items-baseline gap-2 font-mono text-xs">
              <span className="font-semibold">{rs.name}</span>
              <span>
                {t.revision} {rs.revision}
              </span>
              <span className="truncate text-slate-500">{rs.image}</span>
            </div>
            <div className="font-mono text-xs">
              DESIRED {rs.spec} · READY {rs.ready} · AVAILABLE {rs.available}
            </div>
            <div className="mt-1 flex flex-wrap gap-1">
              {rs.pods.map((pod) => (
                <PodChip key={pod.name} pod={pod} />
              ))}
            </div>
          </div>
        ))}
      </div>
      <div>
        <h3 className="font-semibold">{t.controllerDecisions}</h3>
        <ol className="list-decimal pl-5 font-mono text-xs" data-testid="rollout-decisions">
          {r.decisions.slice(-10).map((d, i) => (
            <li key={`${d.t}-${i}`}>{decisionText(d, locale)}</li>
          ))}
        </ol>
      </div>
      <Legend locale={locale} items={[{ swatch: BUDGET_OK, shape: 'bar', label: t.withinBudget }, { swatch: BUDGET_PAST, shape: 'bar', label: t.overBudget }, ...podToneLegend(locale)]} />
    </section>
  );
}

function Budget({ label, value, limit, base, kind, testId }: { label: string; value: number; limit: number; base: number; kind: 'surge' | 'available'; testId: string }) {
  const max = Math.max(limit, base, value, 1);
  const ok = kind === 'surge' ? value <= limit : value >= limit;
  return (
    <div className="text-xs" data-testid={testId} data-value={value} data-limit={limit}>
      <div className="flex justify-between">
        <span>{label}</span>
        <span className="font-mono">
          {value} {kind === 'surge' ? '≤' : '≥'} {limit}
        </span>
      </div>
      <div className="relative h-3 rounded bg-slate-200 dark:bg-slate-700">
        <div className={`h-3 rounded ${ok ? BUDGET_OK : BUDGET_PAST}`} style={{ width: `${(value / max) * 100}%` }} />
        <div className="absolute top-0 h-3 w-0.5 bg-slate-900 dark:bg-white" style={{ left: `${(limit / max) * 100}%` }} title={String(limit)} />
      </div>
    </div>
  );
}
