import { MESSAGES, type Locale } from '../../i18n/messages';
import type { InspectData } from '../../player/inspect';

const table = 'w-full border-collapse font-mono text-[11px]';
const cell = 'border-b border-slate-200 px-1 py-0.5 text-left align-top dark:border-slate-700';

/** InspectDetails renders the worker's inspector data: schedule table, usage, queues, events, YAML. */
export function InspectDetails({ data, locale }: { data: InspectData; locale: Locale }) {
  const t = MESSAGES[locale];
  return (
    <div className="flex flex-col gap-2">
      {data.schedule && (
        <details open>
          <summary className="cursor-pointer font-semibold">{t.scheduling}</summary>
          <p className="font-mono text-[11px]" data-testid="schedule-result">
            {data.schedule.result}
            {data.schedule.node ? ` → ${data.schedule.node}` : ''} ({data.schedule.evaluatedNodes}/{data.schedule.numAllNodes} {t.nodesEvaluated})
          </p>
          {data.schedule.message && <p className="font-mono text-[11px] text-rose-600">{data.schedule.message}</p>}
          {data.schedule.filters.length > 0 && (
            <table className={table}>
              <thead>
                <tr>
                  <th className={cell}>{t.node}</th>
                  <th className={cell}>{t.filteredBy}</th>
                  <th className={cell}>{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {data.schedule.filters.map((f) => (
                  <tr key={f.node}>
                    <td className={cell}>{f.node}</td>
                    <td className={cell}>{f.plugin}</td>
                    <td className={cell}>{f.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.schedule.scores && data.schedule.scorePlugins && (
            <div className="overflow-auto">
              <table className={table} data-testid="score-table">
                <thead>
                  <tr>
                    <th className={cell}>{t.node}</th>
                    {data.schedule.scorePlugins.map((p, i) => (
                      <th key={p} className={cell} title={`weight ${data.schedule!.scoreWeights?.[i]}`}>
                        {p}
                      </th>
                    ))}
                    <th className={cell}>{t.total}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.schedule.scores.map((row) => (
                    <tr key={row.node} className={row.node === data.schedule!.node ? 'bg-emerald-50 dark:bg-emerald-950' : ''}>
                      <td className={cell}>{row.node}</td>
                      {row.scores.map((score, i) => (
                        <td key={i} className={cell}>
                          {score ?? '–'}
                        </td>
                      ))}
                      <td className={cell}>{row.total}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      )}
      {data.usage && (
        <details open>
          <summary className="cursor-pointer font-semibold">{t.allocatableVsRequested}</summary>
          <p className="font-mono text-[11px]">
            cpu {data.usage.rows.reduce((sum, r) => sum + r.cpuMilli, 0)}m / {data.usage.cpuAllocatableMilli}m · memory {Math.round(data.usage.rows.reduce((sum, r) => sum + r.memoryBytes, 0) / 1048576)}Mi / {Math.round(data.usage.memoryAllocatableBytes / 1048576)}Mi
          </p>
        </details>
      )}
      {data.component && data.component.length > 0 && (
        <details open>
          <summary className="cursor-pointer font-semibold">{t.workqueues}</summary>
          <table className={table}>
            <thead>
              <tr>
                <th className={cell}>{t.controller}</th>
                <th className={cell}>{t.depth}</th>
                <th className={cell}>{t.syncs}</th>
                <th className={cell}>{t.lastKey}</th>
              </tr>
            </thead>
            <tbody>
              {data.component.map((c) => (
                <tr key={c.component} title={Object.entries(c.informerDeliveries).map(([r, n]) => `${r}: ${n}`).join(', ')}>
                  <td className={cell}>{c.component}</td>
                  <td className={cell}>{c.depth}</td>
                  <td className={cell}>
                    {c.syncs}
                    {c.errors ? ` (${c.errors} ✗)` : ''}
                  </td>
                  <td className={cell}>{c.lastKey ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {data.informerCaches && (
        <details open>
          <summary className="cursor-pointer font-semibold">{t.informerCaches}</summary>
          <table className={table} data-testid="informer-caches">
            <tbody>
              {data.informerCaches.map((c) => (
                <tr key={c.resource}>
                  <td className={cell}>{c.resource}</td>
                  <td className={cell}>{c.objects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {data.target.kind !== 'component' && (
        <details open>
          <summary className="cursor-pointer font-semibold">
            {t.events} ({data.events.length})
          </summary>
          <table className={table} data-testid="inspector-events">
            <tbody>
              {data.events.map((row, i) => (
                <tr key={i}>
                  <td className={cell}>{row[0]}</td>
                  <td className={cell}>{row[1]}</td>
                  <td className={cell}>{row[2]}</td>
                  <td className={cell}>{row[4]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {data.yaml && (
        <details>
          <summary className="cursor-pointer font-semibold">YAML</summary>
          <pre className="max-h-80 overflow-auto rounded bg-slate-100 p-1 font-mono text-[11px] dark:bg-slate-800" data-testid="inspector-yaml">
            {data.yaml}
          </pre>
        </details>
      )}
    </div>
  );
}
